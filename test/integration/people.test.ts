/**
 * Managing people over HTTP: an administrator adds a person and grants a role, the person signs in and works within
 * it, a revoked role ends their session, tokens are shown once and listed without their secret, an organisation's
 * administrator manages only their own organisation, and the audit view says who did what and when.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { signedIn, signInHeaders, TEST_PASSWORD } from '../support/people.ts';

type Json = Record<string, unknown>;

describe('people, roles, tokens and the audit view', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let admin: Record<string, string>;

  beforeAll(async () => {
    f = await openAppFixture();
    // Every test here signs someone in: more than the default 10 sign-ins a minute from one address.
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind }, { signInsPerMinute: 100 });
    admin = await signedIn(app, f.deps, 'root-admin', [{ organisationId: '*', role: 'administrator' }]);
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  const send = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: Json) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('adds a person who then signs in, works within their role, and loses the session when it is revoked', async () => {
    const added = await send('POST', '/api/people', admin, {
      id: 'sanne',
      name: 'Sanne de Vries',
      password: TEST_PASSWORD,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.headers.location).toBe('/api/people/sanne');
    const granted = await send('POST', '/api/people/sanne/roles', admin, {
      organisationId: 'nl',
      role: 'donor-officer',
    });
    expect(granted.statusCode, granted.body).toBe(200);

    const sanne = await signInHeaders(app, 'sanne');
    const pledge = {
      donorId: 'nl',
      amount: { amount: '2500000', currency: 'EUR' },
      category: 'ammunition',
      occurredOn: '2025-08-04',
    };
    const pledged = await send('POST', '/api/contributions', sanne, pledge);
    expect(pledged.statusCode, pledged.body).toBe(201);

    const people = await send('GET', '/api/people', admin);
    expect(people.json<Json[]>()).toContainEqual(
      expect.objectContaining({
        id: 'sanne',
        name: 'Sanne de Vries',
        grants: [{ organisationId: 'nl', role: 'donor-officer' }],
      }),
    );
    expect(people.body).not.toContain(TEST_PASSWORD);
    expect(people.body).not.toContain('argon2');

    const revoked = await send('POST', '/api/people/sanne/roles/revoke', admin, {
      organisationId: 'nl',
      role: 'donor-officer',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await send('POST', '/api/contributions', sanne, pledge);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'sign-in-required' });
  });

  it('refuses a weak password and an unknown role with the field named, and records nothing', async () => {
    const before = await ledgerState(f.db);
    const weak = await send('POST', '/api/people', admin, { id: 'weak', name: 'Weak', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'request-invalid', field: 'password' });
    const role = await send('POST', '/api/people/sanne/roles', admin, { organisationId: 'nl', role: 'emperor' });
    expect(role.statusCode).toBe(400);
    expect(role.json()).toMatchObject({ field: 'role' });
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it("lets an organisation's administrator manage roles in it and nowhere else", async () => {
    const nlAdmin = await signedIn(app, f.deps, 'nl-admin', [{ organisationId: 'nl', role: 'administrator' }]);
    await send('POST', '/api/people', admin, { id: 'piet', name: 'Piet', password: TEST_PASSWORD });
    const inNl = await send('POST', '/api/people/piet/roles', nlAdmin, { organisationId: 'nl', role: 'donor-officer' });
    expect(inNl.statusCode, inNl.body).toBe(200);
    const inDe = await send('POST', '/api/people/piet/roles', nlAdmin, { organisationId: 'de', role: 'donor-officer' });
    expect(inDe.statusCode).toBe(403);
    const everywhere = await send('POST', '/api/people/piet/roles', nlAdmin, { organisationId: '*', role: 'auditor' });
    expect(everywhere.statusCode).toBe(403);
  });

  it('shows a new token once, lists it without its secret, and stops it working when revoked', async () => {
    const issued = await send('POST', '/api/tokens', admin, {
      organisationId: 'de',
      role: 'donor-officer',
      label: 'Bundeswehr feed',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { token, result } = issued.json<{ token: string; result: { id: string } }>();
    const listed = await send('GET', '/api/tokens', admin);
    expect(listed.json<Json[]>()).toContainEqual(
      expect.objectContaining({
        id: result.id,
        role: 'donor-officer',
        organisationId: 'de',
        issuedBy: 'person:root-admin',
        revokedAt: null,
      }),
    );
    expect(listed.body).not.toContain(token.split('.')[1]);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await send('GET', '/api/session', bearer)).json()).toMatchObject({ actor: `token:${result.id}` });
    expect((await send('POST', `/api/tokens/${result.id}/revoke`, admin, { reason: 'leaked' })).statusCode).toBe(200);
    expect((await send('GET', '/api/session', bearer)).statusCode).toBe(401);
  });

  it('lists who did what and when for auditors, filtered by actor, and to no one else', async () => {
    const auditor = await signedIn(app, f.deps, 'audit-1', [{ organisationId: '*', role: 'auditor' }]);
    const log = await send('GET', '/api/audit?actor=person:sanne', auditor);
    expect(log.statusCode, log.body).toBe(200);
    const entries = log.json<{ actor: string; type: string; streamId: string }[]>();
    expect(entries.map((entry) => entry.type)).toEqual(['ContributionPledged']);
    expect(entries.every((entry) => entry.actor === 'person:sanne')).toBe(true);
    const grants = await send('GET', '/api/audit?stream=person-sanne', auditor);
    expect(grants.json<{ type: string; actor: string }[]>().map((entry) => [entry.type, entry.actor])).toEqual([
      ['RoleRevoked', 'person:root-admin'],
      ['RoleGranted', 'person:root-admin'],
      ['PersonAdded', 'person:root-admin'],
    ]);
    expect(
      (await send('POST', '/api/people', auditor, { id: 'x', name: 'x', password: TEST_PASSWORD })).statusCode,
    ).toBe(403);
    expect((await app.inject({ url: '/api/audit' })).statusCode).toBe(401);
    const donor = await signedIn(app, f.deps, 'donor-2', [{ organisationId: 'nl', role: 'donor-officer' }]);
    expect((await send('GET', '/api/audit', donor)).statusCode).toBe(403);
    expect((await send('GET', '/api/audit?since=yesterday', auditor)).statusCode).toBe(400);
  });

  it('lets a person change their own password with the current one; every session of theirs ends', async () => {
    await send('POST', '/api/people', admin, { id: 'changer', name: 'Changer', password: TEST_PASSWORD });
    const first = await signInHeaders(app, 'changer');
    const second = await signInHeaders(app, 'changer');
    const change = (headers: Record<string, string>, currentPassword: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/session/password',
        headers,
        payload: { currentPassword, newPassword: 'an entirely new passphrase' },
      });
    expect((await change(first, 'not the password')).json()).toMatchObject({ status: 401, code: 'password-wrong' });
    expect((await change({}, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await change(first, TEST_PASSWORD)).statusCode).toBe(204);
    for (const headers of [first, second]) {
      expect((await send('GET', '/api/session', headers)).json()).toMatchObject({ signedIn: false });
    }
    const old = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { personId: 'changer', password: TEST_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const renewed = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { personId: 'changer', password: 'an entirely new passphrase' },
    });
    expect(renewed.statusCode).toBe(200);
  });
});
