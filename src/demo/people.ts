import type { AppDeps, RequestContext } from '../app/deps.ts';
import { addPerson, grantRole, newSecret } from '../app/people.ts';
import { EVERY_ORGANISATION, type Grant } from '../domain/access.ts';

/** One person per role, each acting for an organisation of the demo (or for every one, where the role is global). */
export const DEMO_PEOPLE: readonly { id: string; name: string; grant: Grant }[] = [
  { id: 'planner', name: 'Olena Planner', grant: { organisationId: 'ua', role: 'recipient-planner' } },
  { id: 'coordinator', name: 'Jonas Coordinator', grant: { organisationId: 'nsatu', role: 'coordinator' } },
  { id: 'donor', name: 'Sanne Donor', grant: { organisationId: 'nl', role: 'donor-officer' } },
  { id: 'curator', name: 'Ivan Curator', grant: { organisationId: EVERY_ORGANISATION, role: 'curator' } },
  { id: 'auditor', name: 'Maria Auditor', grant: { organisationId: EVERY_ORGANISATION, role: 'auditor' } },
  { id: 'admin', name: 'Demo Administrator', grant: { organisationId: EVERY_ORGANISATION, role: 'administrator' } },
];

/**
 * Adds the demo's people with passwords made up now (there is no default password anywhere) and returns their
 * sign-in details, which the demo prints once. `tranche user password <id>` sets a new one.
 */
export async function addDemoPeople(
  deps: AppDeps,
  request: RequestContext,
): Promise<{ id: string; password: string; grant: Grant }[]> {
  const added: { id: string; password: string; grant: Grant }[] = [];
  for (const person of DEMO_PEOPLE) {
    const password = newSecret().slice(0, 20);
    await addPerson(deps, request, { id: person.id, name: person.name, password });
    await grantRole(deps, request, person.id, person.grant);
    added.push({ id: person.id, password, grant: person.grant });
  }
  return added;
}
