/**
 * Property-based fuzzing of every route of the server: random and hostile bodies, query strings, path parameters
 * and headers (test/support/hostile-requests.ts), each sent by a visitor and by a person who may do anything. Whatever
 * arrives, the server answers without a 5xx; every refusal is problem+json with a `code`; no answer shows a stack
 * trace or SQL; no prototype is polluted; and a refused request leaves the ledger as it was.
 *
 * The seed is fixed and printed: a failure names its route, seed and counterexample path, so that it can be replayed
 * with fc.check(…, { seed, path }).
 */
import fc from 'fast-check';
import type { FastifyInstance, HTTPMethods, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import {
  type HostileBody,
  hostileBody,
  hostileHeaders,
  hostileParameter,
  hostileQuery,
  sendable,
} from '../support/hostile-requests.ts';
import { signedIn, signInHeaders } from '../support/people.ts';
import { type Answer, type Route, routeCollector, routeKey, send } from '../support/route-table.ts';

const SEED = 20_251_220;
/** Runs per route; each sends its request twice (a visitor, a person who may do anything). */
const RUNS = 12;
/** Fewer for the routes that render a whole document (each takes a quarter of a second or more) and read no body. */
const SLOW_ROUTES: Readonly<Record<string, number>> = {
  'GET /api/exports/iati.xml': 3,
  'GET /api/exports/tranche.xlsx': 3,
  'GET /api/openapi.json': 4,
};

/** What an answer must never show: a stack frame, a source location, SQL or a database's parse error. */
const LEAKS = [/^\s*at \S+.*:\d+:\d+\)?$/m, /\.ts:\d/, /\bSELECT /, /\bINSERT /, /syntax error/i];

interface HostileRequest {
  readonly parameters: readonly string[];
  readonly query: string;
  readonly body: HostileBody | undefined;
  readonly headers: Record<string, string>;
}

const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({
  parameters: fc.array(hostileParameter, { minLength: 3, maxLength: 3 }),
  query: hostileQuery,
  body: hostileBody,
  headers: hostileHeaders,
});

const json = (text: string): HostileBody => ({ text, contentType: 'application/json' });
const csv: HostileBody = { text: 'a,b\n', contentType: 'text/csv' };

/** Requests that were a 500 before the fixes the fuzzer and the authorization matrix led to; as the person. */
const FOUND: readonly (readonly [HTTPMethods, string, number, string, HostileBody | undefined])[] = [
  ['GET', '/api/organisations/%00/timeline', 400, 'text-not-storable', undefined],
  ['GET', '/api/contributions?donor=%00', 400, 'text-not-storable', undefined],
  [
    'POST',
    '/api/sources',
    400,
    'text-not-storable',
    json('{"publisher":"x","language":"en","title":"x","text":"\\u0000"}'),
  ],
  ['POST', '/api/imports/iati', 415, 'media-type-unsupported', json('{}')],
  ['POST', '/api/imports/kiel', 415, 'media-type-unsupported', undefined],
  ['POST', '/api/imports/kiel?fileName=..', 400, 'request-invalid', csv],
  ['POST', '/api/imports/fts?fileName=', 400, 'request-invalid', csv],
];

/** The credentials a person's request carries are their own: bogus ones are what the visitor sends. */
const CREDENTIALS = new Set(['authorization', 'cookie', 'x-csrf-token']);

describe('fuzzing every route with hostile requests', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  const table = routeCollector();
  let person: Record<string, string> = {};
  /** How many answers of each status, printed at the end: a fuzzer that only ever hears 400 reaches nothing. */
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer(
      { ...f.deps, databaseKind: f.test.kind },
      // No rate limits: a 429 would answer for the route before it reads anything.
      { onRoute: table.onRoute, signInsPerMinute: 1_000_000, tokenRequestsPerMinute: 1_000_000 },
    );
    person = await signedIn(app, f.deps, 'fuzzer');
    // A few records for the valid-looking ids to find.
    for (const [url, payload] of [
      ['/api/sources', { id: 'src-1', publisher: 'Ministry', language: 'en', title: 'Aid', text: 'Canada pledged.' }],
      [
        '/api/packages',
        {
          id: 'pkg-1',
          title: { en: 'Air defence' },
          recipientId: 'ua',
          coordinatorId: 'nsatu',
          category: 'air-defence',
          targetValue: { amount: '1000000', currency: 'EUR' },
          lines: [{ lineId: 'missiles', description: 'Missiles', quantity: 4 }],
          occurredOn: '2025-08-04',
        },
      ],
      [
        '/api/contributions',
        {
          id: 'ctb-1',
          donorId: 'nl',
          packageId: 'pkg-1',
          amount: { amount: '1000000', currency: 'EUR' },
          occurredOn: '2025-08-05',
        },
      ],
    ] as const) {
      const response = await app.inject({ method: 'POST', url, payload, headers: person });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  /** Sends the request as the caller and checks the answer. */
  async function sendAndCheck(route: Route, request: HostileRequest, asPerson: boolean): Promise<Answer> {
    let next = 0;
    const url = route.url.replace(/:(\w+)/g, () => request.parameters[next++] ?? 'nope-1') + request.query;
    const fuzzed = sendable(request.headers);
    const headers = asPerson
      ? { ...Object.fromEntries(Object.entries(fuzzed).filter(([name]) => !CREDENTIALS.has(name))), ...person }
      : fuzzed;
    const options: InjectOptions = { method: route.method, url, headers };
    if (request.body) {
      options.payload = request.body.text;
      if (request.body.contentType !== undefined) headers['content-type'] = request.body.contentType;
    }
    const before = await ledgerState(f.db);
    const answer = await send(app, options);
    statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
    const where = `${asPerson ? 'person' : 'visitor'} ${route.method} ${url.slice(0, 300)} → ${answer.statusCode}`;
    expect(answer.statusCode, `${where}: ${answer.body.slice(0, 500)}`).toBeLessThan(500);
    if (answer.statusCode >= 300) {
      expect(answer.contentType, where).toMatch(/^application\/problem\+json/);
      expect(typeof JSON.parse(answer.body).code, where).toBe('string');
      expect(await ledgerState(f.db), `${where}: the ledger changed`).toEqual(before);
    }
    const sent = `${url}\n${request.body?.text ?? ''}\n${JSON.stringify(headers)}`;
    for (const leak of LEAKS) {
      if (!leak.test(sent)) expect(leak.test(answer.body), `${where} shows ${leak}: ${answer.body}`).toBe(false);
    }
    expect(Object.getOwnPropertyNames(Object.prototype), 'Object.prototype was polluted').not.toContain('polluted');
    return answer;
  }

  /** Both callers; a person who signed out signs in again. */
  async function sendAsBoth(route: Route, request: HostileRequest): Promise<Answer> {
    await sendAndCheck(route, request, false);
    const answer = await sendAndCheck(route, request, true);
    if (routeKey(route) === 'DELETE /api/session' && answer.statusCode < 300) {
      person = await signInHeaders(app, 'fuzzer');
    }
    return answer;
  }

  it.each(FOUND)('once broke the server, now refused: %s %s → %i %s', async (method, url, status, code, body) => {
    const request: HostileRequest = { parameters: [], query: '', body, headers: {} };
    const answer = await sendAsBoth({ method, url }, request);
    expect(answer.statusCode, answer.body).toBe(status);
    expect(JSON.parse(answer.body)).toMatchObject({ code });
  });

  it('never answers a hostile request with a 5xx, an unexplained refusal, a leak, or a change', async () => {
    console.info(
      `fuzz: seed ${SEED}, ${RUNS} runs per route, fewer for ${Object.keys(SLOW_ROUTES).length} (route n: seed ${SEED} + n)`,
    );
    const started = performance.now();
    const failures: string[] = [];
    expect(table.routes.length).toBeGreaterThan(70);
    for (const [index, route] of table.routes.entries()) {
      const property = fc.asyncProperty(hostileRequest, async (request) => {
        await sendAsBoth(route, request);
      });
      const numRuns = SLOW_ROUTES[routeKey(route)] ?? RUNS;
      const details = await fc.check(property, { seed: SEED + index, numRuns });
      if (details.failed) {
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance;
        failures.push(
          `${routeKey(route)} (seed ${SEED + index}): ${String(error)}\n${fc.defaultReportMessage(details)}`,
        );
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const requests = [...statuses.values()].reduce((sum, count) => sum + count, 0);
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    console.info(`fuzz: ${requests} requests over ${table.routes.length} routes in ${seconds}s: ${tally.join(' ')}`);
    expect(failures).toEqual([]);
  }, 600_000);
});
