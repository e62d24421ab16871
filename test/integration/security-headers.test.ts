/**
 * Hardening at the HTTP edge: security headers on pages and API answers, the API reference still working under its
 * own policy, oversized bodies refused, and no password, token or session id in the server's log.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/app/people.ts';
import { operator } from '../../src/domain/access.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { addPersonWith, signInHeaders, TEST_PASSWORD } from '../support/people.ts';

describe('HTTP hardening', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  const log: string[] = [];

  beforeAll(async () => {
    f = await openAppFixture();
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log.push(chunk.toString('utf8'));
        done();
      },
    });
    app = await buildServer(
      { ...f.deps, databaseKind: f.test.kind },
      { logger: { level: 'trace', stream }, bodyLimit: 64 * 1024 },
    );
    await addPersonWith(f.deps, 'hardening', [{ organisationId: 'nl', role: 'donor-officer' }]);
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  it('sends a content security policy and the other security headers with every answer', async () => {
    for (const url of ['/api/packages', '/api/nowhere']) {
      const response = await app.inject({ url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it('still serves the API reference page, under a policy that allows its own script', async () => {
    const response = await app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBeDefined();
  });

  it('refuses a body over the limit with 413 before anything is recorded', async () => {
    const headers = await signInHeaders(app, 'hardening');
    const before = await ledgerState(f.db);
    const response = await app.inject({
      method: 'POST',
      url: '/api/contributions',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ donorId: 'nl', note: 'x'.repeat(100 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'body-too-large' });
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('writes no password, token or session id to its log', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { personId: 'hardening', password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const sessionId = signIn.cookies.find((cookie) => cookie.name === 'tranche_session')?.value ?? '';
    const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
    await app.inject({
      url: '/api/session',
      headers: { cookie: `tranche_session=${sessionId}`, 'x-csrf-token': csrf },
    });
    const { token } = await issueToken(
      f.deps,
      { principal: operator('test') },
      {
        organisationId: 'nl',
        role: 'donor-officer',
        label: 'log check',
      },
    );
    await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}` } });
    await app.inject({ url: '/api/session', headers: { authorization: `Bearer ${token}x` } });
    const written = log.join('');
    expect(written).toContain('"url":"/api/session"');
    for (const secret of [TEST_PASSWORD, sessionId, csrf, token, token.split('.')[1] ?? token]) {
      expect(secret.length).toBeGreaterThan(10);
      expect(written).not.toContain(secret);
    }
  });
});
