/**
 * Signing in and out over HTTP: a session cookie that is HttpOnly and SameSite, a CSRF token every change must echo,
 * API tokens that are shown once and stop working when revoked, and refusals that say nothing about which part of a
 * sign-in was wrong.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken, revokeToken } from '../../src/app/people.ts';
import { operator } from '../../src/domain/access.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, countEvents, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { addPersonWith, TEST_PASSWORD } from '../support/people.ts';

describe('sign-in, sessions and tokens', () => {
  let f: AppFixture;
  let app: FastifyInstance;

  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind }, { signInsPerMinute: 5 });
    await addPersonWith(f.deps, 'olena', [{ organisationId: 'nl', role: 'donor-officer' }]);
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  const pledge = {
    donorId: 'nl',
    amount: { amount: '1000000', currency: 'EUR' },
    category: 'air-defence',
    occurredOn: '2025-08-04',
  };

  it('refuses a command from someone not signed in with 401 sign-in-required, and records nothing', async () => {
    const before = await ledgerState(f.db);
    const response = await app.inject({ method: 'POST', url: '/api/contributions', payload: pledge });
    expect(response.statusCode, response.body).toBe(401);
    expect(response.json()).toMatchObject({ code: 'sign-in-required' });
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('signs in with an HttpOnly SameSite cookie; the change carries the CSRF token and records the person as actor', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { personId: 'olena', password: TEST_PASSWORD },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookie = signIn.cookies.find((each) => each.name === 'tranche_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 });
    const session = signIn.json<{ csrfToken: string; grants: unknown[]; actor: string }>();
    expect(session).toMatchObject({ signedIn: true, actor: 'person:olena', name: 'olena' });
    expect(session.grants).toEqual([{ organisationId: 'nl', role: 'donor-officer' }]);
    const headers = { cookie: `tranche_session=${cookie?.value}` };

    const withoutCsrf = await app.inject({ method: 'POST', url: '/api/contributions', payload: pledge, headers });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json()).toMatchObject({ code: 'csrf-token-invalid' });

    const full = { ...headers, 'x-csrf-token': session.csrfToken };
    const pledged = await app.inject({ method: 'POST', url: '/api/contributions', payload: pledge, headers: full });
    expect(pledged.statusCode, pledged.body).toBe(201);
    const id = pledged.json<{ id: string }>().id;
    const timeline = await app.inject({ url: `/api/contributions/${id}/timeline`, headers });
    expect(timeline.json<{ actor: string }[]>()[0]?.actor).toBe('person:olena');

    const forOthers = await app.inject({
      method: 'POST',
      url: '/api/contributions',
      payload: { ...pledge, donorId: 'de' },
      headers: full,
    });
    expect(forOthers.statusCode).toBe(403);
    expect(forOthers.json()).toMatchObject({ code: 'not-permitted' });

    const me = await app.inject({ url: '/api/session', headers });
    expect(me.json()).toMatchObject({ signedIn: true, actor: 'person:olena' });
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: full });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/session', headers });
    expect(after.json()).toMatchObject({ signedIn: false, actor: 'anonymous', grants: [] });
  });

  it('answers a wrong password and an unknown person alike, and limits attempts per address', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { personId: 'olena', password: 'nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { personId: 'nobody', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('sign-in-failed');
    expect(unknown.json().detail).toBe(wrong.json().detail);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { personId: 'olena', password: 'nope' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    const limited = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { personId: 'olena', password: TEST_PASSWORD },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.json()).toMatchObject({ code: 'too-many-requests' });
  });

  it('takes an API token for its one role in its one organisation until it is revoked', async () => {
    const issued = await issueToken(
      f.deps,
      { principal: operator('test') },
      {
        organisationId: 'de',
        role: 'donor-officer',
        label: 'ministry feed',
      },
    );
    expect(issued.token).toMatch(/^trn_tok-[^.]+\.[A-Za-z0-9_-]{43}$/);
    const auth = { authorization: `Bearer ${issued.token}` };
    const ok = await app.inject({
      method: 'POST',
      url: '/api/contributions',
      payload: { ...pledge, donorId: 'de' },
      headers: auth,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const notTheirs = await app.inject({ method: 'POST', url: '/api/contributions', payload: pledge, headers: auth });
    expect(notTheirs.statusCode).toBe(403);

    const forged = `${issued.token.slice(0, -1)}${issued.token.endsWith('A') ? 'B' : 'A'}`;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/contributions',
      payload: pledge,
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'token-invalid' });

    await revokeToken(f.deps, { principal: operator('test') }, issued.result.id, { reason: 'rotated' });
    const revoked = await app.inject({ method: 'GET', url: '/api/session', headers: auth });
    expect(revoked.statusCode).toBe(401);
    expect(await countEvents(f.db, `token-${issued.result.id}`)).toBe(2);
    const secrets = await f.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `token-${issued.result.id}`)
      .execute();
    expect(JSON.stringify(secrets)).not.toContain(issued.token.split('.')[1]);
  });
});
