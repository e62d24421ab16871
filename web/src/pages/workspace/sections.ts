/**
 * The workspace's pages beside its forms — the audit view, people and tokens, one's own account — and who sees each,
 * mirroring the API's permission map (ReadAudit, ReadPeople, AddPerson, GrantRole… in src/domain/access.ts;
 * test/unit/web/workspace-sections.test.ts keeps them in step). The API still decides every read and change: a page
 * reached without the role shows the API's refusal. Pure, so the unit tests read it beside the server's map.
 */
import { EVERY_ORGANISATION, type Grant, type Role, type Session } from '../../api/session.ts';

/** Who reads the audit view (ReadAudit). */
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'administrator'];
/** Who reads people and tokens (ReadPeople). */
export const PEOPLE_READER_ROLES: readonly Role[] = ['administrator', 'auditor'];
/** Who adds people, grants and revokes roles, issues and revokes tokens (AddPerson, GrantRole, …). */
export const PEOPLE_MANAGER_ROLES: readonly Role[] = ['administrator'];

const holdsAny = (grants: readonly Grant[], roles: readonly Role[]): boolean =>
  grants.some((grant) => roles.includes(grant.role));

const mayReadAudit = (session: Session): boolean => holdsAny(session.grants, AUDIT_ROLES);
export const mayReadPeople = (session: Session): boolean => holdsAny(session.grants, PEOPLE_READER_ROLES);
export const mayManagePeople = (session: Session): boolean => holdsAny(session.grants, PEOPLE_MANAGER_ROLES);

/**
 * The organisations whose roles and tokens the person manages: those they are an administrator of, `all` (every
 * organisation and `*` itself) for an administrator of `*`. Grants and tokens on `*` need an administrator of `*`.
 */
export function administered(grants: readonly Grant[]): readonly string[] | 'all' {
  const held = grants.filter((grant) => PEOPLE_MANAGER_ROLES.includes(grant.role));
  if (held.some((grant) => grant.organisationId === EVERY_ORGANISATION)) return 'all';
  return [...new Set(held.map((grant) => grant.organisationId))];
}

/** Whether the person manages roles and tokens in the organisation (`*`: every organisation). */
export function manages(grants: readonly Grant[], organisationId: string): boolean {
  const organisations = administered(grants);
  return organisations === 'all' || (organisationId !== EVERY_ORGANISATION && organisations.includes(organisationId));
}

const SECTION_IDS = ['forms', 'audit', 'people', 'account'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Where each section is, under the locale. */
export const SECTION_PATHS: Readonly<Record<SectionId, string>> = {
  forms: '/workspace',
  audit: '/workspace/audit',
  people: '/workspace/people',
  account: '/workspace/account',
};

/** The sections a signed-in person is offered, in the order the workspace's navigation lists them. */
export function sectionsOf(session: Session): readonly SectionId[] {
  return SECTION_IDS.filter(
    (id) => (id !== 'audit' || mayReadAudit(session)) && (id !== 'people' || mayReadPeople(session)),
  );
}
