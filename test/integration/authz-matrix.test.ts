/**
 * Who may call which route, for every route the server has: the table below states the policy route by route, by
 * what each route is for, independently of the permission map in src/domain/access.ts; every role (held in every
 * organisation) and a visitor call every route, and the server must agree. A route added without an entry here, or
 * an entry whose route is gone, fails the suite. The organisation a command acts for is tested in
 * authz-own-scope.test.ts.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_ORGANISATION, ROLES, type Role } from '../../src/domain/access.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from '../support/app-fixtures.ts';
import { signedIn, signInHeaders } from '../support/people.ts';
import { pathOf, routeCollector, routeKey, send } from '../support/route-table.ts';

type Allowed = 'public' | readonly Role[];

const PLANNER: readonly Role[] = ['recipient-planner'];
const COORDINATOR: readonly Role[] = ['coordinator'];
const DONOR: readonly Role[] = ['donor-officer'];
const CURATOR: readonly Role[] = ['curator'];
const ADMINISTRATOR: readonly Role[] = ['administrator'];
const OVERSIGHT: readonly Role[] = ['administrator', 'auditor'];

/** Every route and who may call it. Reads are public (each filters what it shows); changes name their roles. */
const EXPECTED: Readonly<Record<string, Allowed>> = {
  'GET /health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/session': 'public',
  'GET /api/session': 'public',
  'PUT /api/session/password': 'public',
  'DELETE /api/session': 'public',

  'POST /api/organisations': ['administrator', 'coordinator'],
  'PATCH /api/organisations/:id': ['administrator', 'coordinator'],
  'GET /api/organisations': 'public',
  'GET /api/organisations/:id': 'public',
  'GET /api/organisations/:id/timeline': 'public',

  'POST /api/requirements': PLANNER,
  'PATCH /api/requirements/:id': PLANNER,
  'POST /api/requirements/:id/reprioritise': PLANNER,
  'POST /api/requirements/:id/withdraw': PLANNER,
  'GET /api/requirements': 'public',
  'GET /api/requirements/:id': 'public',
  'POST /api/priority-lists': PLANNER,
  'POST /api/priority-lists/:recipientId/:period/approve': ['recipient-planner', 'coordinator'],
  'GET /api/priority-lists': 'public',
  'GET /api/priority-lists/:recipientId/:period': 'public',

  'POST /api/packages': COORDINATOR,
  'POST /api/packages/:id/validate': COORDINATOR,
  'POST /api/packages/:id/fund': COORDINATOR,
  'POST /api/packages/:id/contract': COORDINATOR,
  'POST /api/packages/:id/shipments': COORDINATOR,
  'POST /api/packages/:id/receipts': PLANNER,
  'POST /api/packages/:id/close': COORDINATOR,
  'POST /api/packages/:id/cancel': COORDINATOR,
  'GET /api/packages': 'public',
  'GET /api/packages/:id': 'public',
  'GET /api/packages/:id/timeline': 'public',

  'POST /api/contributions': DONOR,
  'POST /api/contributions/:id/commit': DONOR,
  'POST /api/contributions/:id/payments': DONOR,
  'POST /api/contributions/:id/amend': DONOR,
  'POST /api/contributions/:id/withdraw': DONOR,
  'GET /api/contributions': 'public',
  'GET /api/contributions/:id': 'public',
  'GET /api/contributions/:id/timeline': 'public',

  'POST /api/sources': CURATOR,
  'POST /api/sources/import': CURATOR,
  'POST /api/sources/extract': CURATOR,
  'GET /api/sources': 'public',
  'GET /api/sources/:id': 'public',
  'GET /api/stories': 'public',
  'GET /api/sources/:id/proposals': 'public',
  'POST /api/sources/:id/proposals/:key/accept': CURATOR,
  'POST /api/sources/:id/proposals/:key/reject': CURATOR,
  'POST /api/claims': CURATOR,
  'POST /api/claims/:id/links': CURATOR,
  'POST /api/figures/adopt': CURATOR,
  'GET /api/claims/:id': 'public',
  'GET /api/figures': 'public',
  'GET /api/facts': 'public',

  'GET /api/summary': 'public',
  'GET /api/donors': 'public',
  'GET /api/totals': 'public',
  'GET /api/categories': 'public',
  'GET /api/records': 'public',
  'GET /api/flows/trackers': 'public',
  'GET /api/flows/totals': 'public',
  'GET /api/ledger/verify': 'public',
  'GET /api/events': 'public',
  'GET /api/exports/:table.csv': 'public',
  'GET /api/exports/:table.json': 'public',
  'GET /api/exports/tranche.xlsx': 'public',
  'GET /api/exports/iati.xml': 'public',
  'POST /api/imports/iati': ['administrator', 'curator'],
  'POST /api/imports/:format': ['administrator', 'curator'],

  'GET /api/people': OVERSIGHT,
  'POST /api/people': ADMINISTRATOR,
  'POST /api/people/:id/roles': ADMINISTRATOR,
  'POST /api/people/:id/roles/revoke': ADMINISTRATOR,
  'GET /api/tokens': OVERSIGHT,
  'POST /api/tokens': ADMINISTRATOR,
  'POST /api/tokens/:id/revoke': ADMINISTRATOR,
  'GET /api/audit': ['auditor', 'administrator'],
};

const VISITOR = 'visitor';
type Caller = Role | typeof VISITOR;
const CALLERS: readonly Caller[] = [...ROLES, VISITOR];

const personOf = (role: Role): string => `only-${role}`;

describe('authorization matrix: every route × every role', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  const table = routeCollector();
  const sessions = new Map<Caller, Record<string, string>>();
  let requests = 0;
  let started = 0;

  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer(
      { ...f.deps, databaseKind: f.test.kind },
      { onRoute: table.onRoute, signInsPerMinute: 1000 },
    );
    sessions.set(VISITOR, {});
    for (const role of ROLES) {
      sessions.set(role, await signedIn(app, f.deps, personOf(role), [{ organisationId: EVERY_ORGANISATION, role }]));
    }
    started = performance.now();
  });
  afterAll(async () => {
    if (requests > 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(`authz matrix: ${requests} requests over ${table.routes.length} routes in ${seconds}s`);
    }
    await app?.close();
    await f?.cleanup();
  });

  it('has an entry for every route of the server, and a route for every entry', () => {
    const served = table.routes.map(routeKey);
    expect(served.length).toBeGreaterThan(70);
    expect(
      served.filter((key) => !Object.hasOwn(EXPECTED, key)),
      'routes without an entry',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((key) => !served.includes(key)),
      'entries without a route',
    ).toEqual([]);
  });

  /** What the caller is told; the session of a sign-out is a fresh one, so that the caller's own stays open. */
  async function call(key: string, caller: Caller): Promise<{ statusCode: number; code: unknown; body: string }> {
    const [method = '', url = ''] = key.split(' ');
    let headers = sessions.get(caller) ?? {};
    if (key === 'DELETE /api/session' && caller !== VISITOR) headers = await signInHeaders(app, personOf(caller));
    const options: InjectOptions = { method: method as InjectOptions['method'], url: pathOf(url), headers };
    if (method === 'POST' || method === 'PATCH' || method === 'PUT') options.payload = {};
    requests += 1;
    const answer = await send(app, options);
    const code = answer.contentType.includes('json') ? (JSON.parse(answer.body) as { code?: unknown }).code : undefined;
    return { statusCode: answer.statusCode, code, body: answer.body.slice(0, 200) };
  }

  it.each(Object.entries(EXPECTED))('%s: %j', async (key, allowed) => {
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      const may = allowed === 'public' || (caller !== VISITOR && allowed.includes(caller));
      const { statusCode, code, body } = await call(key, caller);
      const seen = `${caller}: ${statusCode} ${body}`;
      if (may && (statusCode === 401 || statusCode === 403 || statusCode >= 500)) wrong.push(`allowed, but ${seen}`);
      if (!may && caller === VISITOR && (statusCode !== 401 || code !== 'sign-in-required')) {
        wrong.push(`a visitor should be asked to sign in, but ${seen}`);
      }
      if (!may && caller !== VISITOR && (statusCode !== 403 || code !== 'not-permitted')) {
        wrong.push(`denied, but ${seen}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
