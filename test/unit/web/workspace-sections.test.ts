/**
 * The workspace's pages beside its forms (web/src/pages/workspace/sections.ts) follow the API's permission map
 * (src/domain/access.ts): the audit view for those who may ReadAudit, people and tokens for those who may ReadPeople,
 * their forms for those who may add people and grant roles; an administrator manages roles and tokens in their own
 * organisations, every one (and `*`) with a grant on `*`. Also: a token's status, and a refusal placed by its code.
 */
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../src/domain/access.ts';
import { tokenStatus } from '../../../web/src/api/people.ts';
import type { Grant, Session } from '../../../web/src/api/session.ts';
import { placeByCode } from '../../../web/src/forms/field-errors.ts';
import {
  AUDIT_ROLES,
  administered,
  manages,
  PEOPLE_MANAGER_ROLES,
  PEOPLE_READER_ROLES,
  sectionsOf,
} from '../../../web/src/pages/workspace/sections.ts';

const sorted = (roles: readonly string[]) => [...roles].sort();
const session = (grants: readonly Grant[]): Session => ({
  signedIn: true,
  actor: 'person:someone',
  name: 'Someone',
  grants,
  csrfToken: 'token',
  expiresAt: null,
});

describe('the workspace’s sections', () => {
  it('are offered to the roles the permission map lets read and change them', () => {
    expect(sorted(AUDIT_ROLES)).toEqual(sorted(Object.keys(PERMISSIONS.ReadAudit)));
    expect(sorted(PEOPLE_READER_ROLES)).toEqual(sorted(Object.keys(PERMISSIONS.ReadPeople)));
    for (const action of ['AddPerson', 'GrantRole', 'RevokeRole', 'IssueToken', 'RevokeToken'] as const) {
      expect(sorted(PEOPLE_MANAGER_ROLES), action).toEqual(sorted(Object.keys(PERMISSIONS[action])));
    }
  });

  it('lists audit and people only for auditors and administrators', () => {
    expect(sectionsOf(session([{ organisationId: 'nl', role: 'donor-officer' }]))).toEqual(['forms', 'account']);
    expect(sectionsOf(session([{ organisationId: '*', role: 'auditor' }]))).toEqual([
      'forms',
      'audit',
      'people',
      'account',
    ]);
    expect(sectionsOf(session([{ organisationId: 'nl', role: 'administrator' }]))).toEqual([
      'forms',
      'audit',
      'people',
      'account',
    ]);
  });

  it('lets an administrator manage roles and tokens in their own organisations, everywhere with a grant on *', () => {
    const nl: Grant[] = [
      { organisationId: 'nl', role: 'administrator' },
      { organisationId: 'de', role: 'donor-officer' },
    ];
    expect(administered(nl)).toEqual(['nl']);
    expect([manages(nl, 'nl'), manages(nl, 'de'), manages(nl, '*')]).toEqual([true, false, false]);
    const everywhere: Grant[] = [{ organisationId: '*', role: 'administrator' }];
    expect(administered(everywhere)).toBe('all');
    expect([manages(everywhere, 'de'), manages(everywhere, '*')]).toEqual([true, true]);
    expect(administered([{ organisationId: '*', role: 'auditor' }])).toEqual([]);
  });
});

describe('a token’s status', () => {
  it('is revoked, expired after its last day, or active', () => {
    const revokedAt = '2026-04-01T10:00:00.000Z';
    expect(tokenStatus({ expiresOn: null, revokedAt }, '2026-04-10')).toBe('revoked');
    expect(tokenStatus({ expiresOn: '2026-04-09', revokedAt: null }, '2026-04-10')).toBe('expired');
    expect(tokenStatus({ expiresOn: '2026-04-10', revokedAt: null }, '2026-04-10')).toBe('active');
    expect(tokenStatus({ expiresOn: null, revokedAt: null }, '2026-04-10')).toBe('active');
  });
});

describe('a refusal that names no field', () => {
  const wrong = { type: 'about:blank', title: 'x', status: 401, detail: 'wrong', code: 'password-wrong' };

  it('goes beside the field its code is about, when the form says which', () => {
    expect(placeByCode(wrong, { 'password-wrong': 'currentPassword' }).field).toBe('currentPassword');
    expect(placeByCode(wrong, {}).field).toBeUndefined();
    expect(placeByCode({ ...wrong, field: 'newPassword' }, { 'password-wrong': 'currentPassword' }).field).toBe(
      'newPassword',
    );
  });
});
