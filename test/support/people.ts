/**
 * People for the HTTP suites: added through the use cases (as the operator), then signed in over HTTP like a browser,
 * so that every request a suite sends is authenticated the way a real one is.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../src/app/deps.ts';
import { addPerson, grantRole } from '../../src/app/people.ts';
import { EVERY_ORGANISATION, type Grant, operator, ROLES } from '../../src/domain/access.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Every role in every organisation: what a suite that is not about permissions acts as. */
const EVERY_GRANT: readonly Grant[] = ROLES.map((role) => ({ organisationId: EVERY_ORGANISATION, role }));

export async function addPersonWith(deps: AppDeps, id: string, grants: readonly Grant[]): Promise<void> {
  const request = { principal: operator('test-setup') };
  await addPerson(deps, request, { id, name: id, password: TEST_PASSWORD });
  for (const grant of grants) await grantRole(deps, request, id, grant);
}

/** The headers a signed-in browser sends: its session cookie and its CSRF token. */
export async function signInHeaders(app: FastifyInstance, personId: string): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { personId, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${personId} failed: ${response.body}`);
  const cookie = response.cookies.find((each) => each.name === 'tranche_session');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie: `tranche_session=${cookie.value}`, 'x-csrf-token': csrfToken };
}

/** Adds a person with the grants and signs them in. */
export async function signedIn(
  app: FastifyInstance,
  deps: AppDeps,
  id: string,
  grants: readonly Grant[] = EVERY_GRANT,
): Promise<Record<string, string>> {
  await addPersonWith(deps, id, grants);
  return signInHeaders(app, id);
}
