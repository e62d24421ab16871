/**
 * The workspace's role → forms map (web/src/pages/workspace/forms.ts) mirrors the API's permission map
 * (src/domain/access.ts): each form is listed under exactly the roles that may send its command, and each form offers
 * the organisations of the person's grants of those roles. Also: where the sign-in page sends someone back to.
 */
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES as SERVER_ROLES } from '../../../src/domain/access.ts';
import { ROLES } from '../../../web/src/api/session.ts';
import { safeNext, signInPath } from '../../../web/src/components/sign-in-path.ts';
import { actingFor, FORMS, FORMS_BY_ROLE, formsOf, rolesFor } from '../../../web/src/pages/workspace/forms.ts';

describe('the workspace’s role → forms map', () => {
  it('knows the same roles as the API', () => {
    expect([...ROLES]).toEqual([...SERVER_ROLES]);
  });

  it.each(FORMS.map((spec) => [spec.id, spec.command] as const))('%s is for the roles that may %s', (id, command) => {
    expect(Object.hasOwn(PERMISSIONS, command), `${command} is in the permission map`).toBe(true);
    const permitted = Object.keys(PERMISSIONS[command as keyof typeof PERMISSIONS]).sort();
    expect([...rolesFor(id)].sort()).toEqual(permitted);
  });

  it('lists every form under some role, once per role', () => {
    for (const role of ROLES) expect(new Set(FORMS_BY_ROLE[role]).size).toBe(FORMS_BY_ROLE[role].length);
    expect(new Set(ROLES.flatMap((role) => formsOf(role).map((spec) => spec.id))).size).toBe(FORMS.length);
    expect(formsOf('auditor')).toEqual([]);
  });

  it('offers the organisations of the grants of the form’s roles, every one for a grant on *', () => {
    const grants = [
      { organisationId: 'nl', role: 'donor-officer' },
      { organisationId: 'ua', role: 'recipient-planner' },
      { organisationId: 'nsatu', role: 'coordinator' },
      { organisationId: 'de', role: 'donor-officer' },
    ] as const;
    expect(actingFor(grants, 'pledge')).toEqual({ organisations: ['nl', 'de'], first: 'nl' });
    expect(actingFor(grants, 'approve-priority-list')).toEqual({ organisations: ['ua', 'nsatu'], first: 'ua' });
    expect(actingFor(grants, 'record-source')).toEqual({ organisations: [], first: null });
    expect(actingFor([...grants, { organisationId: '*', role: 'coordinator' }], 'propose-package')).toEqual({
      organisations: 'all',
      first: 'nsatu',
    });
  });
});

describe('going back after signing in', () => {
  it('follows a path in the app and nothing else', () => {
    expect(safeNext('/workspace/pledge')).toBe('/workspace/pledge');
    expect(safeNext('/records?stage=paid&donor=se')).toBe('/records?stage=paid&donor=se');
    for (const unsafe of [null, '', 'https://example.org/', '//example.org/x', '/\\example.org', '/sign-in?next=/x']) {
      expect(safeNext(unsafe)).toBe('/workspace');
    }
    expect(signInPath('/packages/purl-nl-2')).toBe('/sign-in?next=%2Fpackages%2Fpurl-nl-2');
    expect(signInPath('/workspace')).toBe('/sign-in');
  });
});
