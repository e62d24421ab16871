/**
 * The HTTP API over a real database: a package from proposal to delivery, problem+json for every kind of refusal,
 * idempotent retries, optimistic concurrency through If-Match, and an OpenAPI document that lists every route.
 */
import type { FastifyInstance, HTTPMethods, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, ORGANISATIONS, openAppFixture } from '../support/app-fixtures.ts';
import { signedIn } from '../support/people.ts';

type Json = Record<string, unknown>;

describe('HTTP API', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  const routes: { method: string; url: string }[] = [];
  /** A hub officer who may do anything, signed in once: every request below is theirs. */
  let auth: Record<string, string> = {};

  beforeAll(async () => {
    // ECB rates come from a temporary eurofxref-hist.csv loaded with importEcbRates; organisations go over HTTP.
    f = await openAppFixture({ organisations: false });
    app = await buildServer(
      { ...f.deps, databaseKind: f.test.kind },
      {
        onRoute: (route) => {
          for (const method of [route.method].flat()) routes.push({ method, url: route.url });
        },
      },
    );
    auth = await signedIn(app, f.deps, 'hub-officer');
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  const call = (method: HTTPMethods, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const options: InjectOptions = { method, url, headers: { ...auth, ...headers } };
    if (body !== undefined) options.payload = body as Json;
    return app.inject(options);
  };
  const post = (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body, headers);
  const get = (url: string) => call('GET', url);

  /** Sends a command and expects it to be accepted with `status`. */
  async function ok(url: string, body: unknown, status = 200, headers?: Record<string, string>): Promise<Json> {
    const response = await post(url, body, headers);
    expect(response.statusCode, response.body).toBe(status);
    return response.json<Json>();
  }

  /** Expects a problem+json answer with this status and code. */
  function expectProblem(response: Awaited<ReturnType<typeof call>>, status: number, code: string): Json {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<Json>();
    expect(problem).toMatchObject({ type: `https://tranche.dev/problems/${code}`, status, code });
    expect(typeof problem.title).toBe('string');
    expect(typeof problem.detail).toBe('string');
    expect(problem.instance).toMatch(/^\/[^?]*$/);
    return problem;
  }

  it('answers /health with the database kind', async () => {
    const response = await get('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: f.test.kind });
  });

  it('registers organisations: 201, Location, ETag, and the signed-in person as the actor', async () => {
    for (const organisation of ORGANISATIONS) {
      const response = await post('/api/organisations', { ...organisation, occurredOn: '2025-08-01' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers.location).toBe(`/api/organisations/${organisation.id}`);
      expect(response.headers.etag).toBe('"1"');
      expect(response.json()).toMatchObject({
        id: organisation.id,
        streamId: `organisation-${organisation.id}`,
        version: 1,
      });
    }
    const ukraine = await get('/api/organisations/ua');
    expect(ukraine.json()).toMatchObject({ id: 'ua', kind: 'state', names: { en: 'Ukraine' }, donorSummary: null });
    const history = await get('/api/organisations/ua/timeline');
    expect(history.json()).toMatchObject([{ type: 'OrganisationRegistered', actor: 'person:hub-officer' }]);
    const renamed = await call('PATCH', '/api/organisations/nb8', {
      names: { uk: 'ПБ8', en: 'Nordic-Baltic 8', ru: 'СБ8' },
    });
    expect(renamed.json(), renamed.body).toMatchObject({ id: 'nb8', version: 2 });
    expect((await get('/api/organisations?kind=coalition')).json()).toMatchObject([
      { id: 'nb8', members: ['no', 'se', 'dk'] },
    ]);
  });

  it('runs a package from proposal to full delivery', async () => {
    const requirement = await post('/api/requirements', {
      id: 'req-patriot',
      recipientId: 'ua',
      priorityRank: 1,
      title: { en: 'Patriot missiles' },
      category: 'air-defence',
      quantity: 10,
      unit: 'missiles',
      occurredOn: '2025-08-01',
    });
    expect(requirement.statusCode, requirement.body).toBe(201);
    expect(requirement.headers.location).toBe('/api/requirements/req-patriot');

    const proposed = await post('/api/packages', {
      id: 'pkg-1',
      title: { en: 'PURL package: Patriot' },
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      supplierId: 'us',
      category: 'air-defence',
      targetValue: { amount: '500000000.00', currency: 'EUR' },
      lines: [
        { lineId: 'missiles', requirementId: 'req-patriot', description: 'PAC-3 missiles', quantity: 10 },
        { lineId: 'radars', description: 'AN/MPQ-65 radars', quantity: 2 },
      ],
      occurredOn: '2025-08-04',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.headers.location).toBe('/api/packages/pkg-1');
    await ok('/api/packages/pkg-1/validate', { coordinatorId: 'nsatu', occurredOn: '2025-08-05' });

    const pledges = [
      { id: 'ctb-nl', donorId: 'nl', amount: { amount: '300000000', currency: 'EUR' } },
      { id: 'ctb-ca', donorId: 'ca', amount: { amount: '200000000', currency: 'USD' } },
    ];
    for (const pledge of pledges) {
      const response = await post('/api/contributions', { ...pledge, packageId: 'pkg-1', occurredOn: '2025-08-05' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers.location).toBe(`/api/contributions/${pledge.id}`);
      await ok(`/api/contributions/${pledge.id}/commit`, { occurredOn: '2025-08-06' });
    }
    await ok('/api/contributions/ctb-nl/payments', {
      paymentId: 'pay-nl-1',
      amount: { amount: '300000000', currency: 'EUR' },
      occurredOn: '2025-08-11',
    });
    await ok('/api/packages/pkg-1/fund', { occurredOn: '2025-08-12' });
    await ok('/api/packages/pkg-1/contract', {
      supplierId: 'us',
      contractReference: 'FMS-1',
      occurredOn: '2025-08-13',
    });
    await ok('/api/packages/pkg-1/shipments', {
      shipmentId: 'shp-1',
      lines: [
        { lineId: 'missiles', quantity: 10 },
        { lineId: 'radars', quantity: 2 },
      ],
      occurredOn: '2025-08-20',
    });
    await ok('/api/packages/pkg-1/receipts', {
      receiptId: 'rcp-1',
      shipmentId: 'shp-1',
      lines: [{ lineId: 'missiles', quantity: 4 }],
      occurredOn: '2025-08-25',
    });
    expect((await get('/api/packages/pkg-1')).json()).toMatchObject({ status: 'partially-delivered' });
    await ok('/api/packages/pkg-1/receipts', {
      receiptId: 'rcp-2',
      shipmentId: 'shp-1',
      lines: [
        { lineId: 'missiles', quantity: 6 },
        { lineId: 'radars', quantity: 2 },
      ],
      full: true,
      occurredOn: '2025-09-01',
    });

    const detail = await get('/api/packages/pkg-1');
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      id: 'pkg-1',
      status: 'delivered',
      donorIds: ['ca', 'nl'],
      deliveredShare: 1,
      dates: { proposed: '2025-08-04', delivered: '2025-09-01' },
      lines: [
        { lineId: 'missiles', quantity: 10, shipped: 10, received: 10 },
        { lineId: 'radars', quantity: 2, shipped: 2, received: 2 },
      ],
      shipments: [{ shipmentId: 'shp-1', dispatchedOn: '2025-08-20' }],
      receipts: [
        { receiptId: 'rcp-1', full: false },
        { receiptId: 'rcp-2', full: true },
      ],
    });
    expect(
      detail
        .json<{ contributions: { id: string }[] }>()
        .contributions.map((c) => c.id)
        .sort(),
    ).toEqual(['ctb-ca', 'ctb-nl']);

    const summary = (await get('/api/summary')).json<{ totals: Record<string, { amount: string }> } & Json>();
    expect(summary).toMatchObject({ currency: 'EUR', packagesByStatus: { delivered: 1 } });
    expect(summary.totals.delivered?.amount).toBe(summary.totals.pledged?.amount);
    expect(Number(summary.totals.delivered?.amount)).toBeGreaterThan(470_000_000);
    expect((await get('/api/summary?currency=USD')).json()).toMatchObject({ currency: 'USD' });

    expect((await get('/api/packages?status=delivered&donor=ca&currency=USD')).json()).toMatchObject([{ id: 'pkg-1' }]);
    expect((await get('/api/packages?donor=de')).json()).toEqual([]);
    expect((await get('/api/contributions?package=pkg-1&limit=1')).json()).toHaveLength(1);
    expect((await get('/api/contributions/ctb-nl')).json()).toMatchObject({
      status: 'committed',
      paidAmount: { amount: '300000000' },
    });
    expect((await get('/api/organisations/nl')).json()).toMatchObject({
      donorSummary: { donorId: 'nl', currency: 'EUR' },
    });
    expect((await get('/api/requirements')).json()).toMatchObject([{ id: 'req-patriot', covered: 10, delivered: 10 }]);
    // Delivered in two steps: 4 of 10 missiles in August, the rest in September.
    expect((await get('/api/totals?donor=nl&stage=delivered')).json()).toMatchObject([
      { donorId: 'nl', month: '2025-08' },
      { donorId: 'nl', month: '2025-09' },
    ]);

    const types = (await get('/api/packages/pkg-1/timeline')).json<{ type: string }[]>().map((entry) => entry.type);
    expect(types).toEqual(expect.arrayContaining(['PackageProposed', 'ContributionPledged', 'DeliveryReceived']));
    const verified = await get('/api/ledger/verify');
    expect(verified.json()).toEqual({
      ok: true,
      events: (await ledgerState(f.db)).events,
      headHash: expect.any(String),
    });
  });

  it("sends a record's version as its ETag, which a following command can send back as If-Match", async () => {
    const read = await get('/api/requirements/req-patriot');
    const etag = String(read.headers.etag);
    expect(etag).toMatch(/^"\d+"$/);
    const moved = await post('/api/requirements/req-patriot/reprioritise', { priorityRank: 5 }, { 'If-Match': etag });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.headers.etag).toBe(`"${Number(etag.replaceAll('"', '')) + 1}"`);
    expect((await get('/api/requirements/req-patriot')).headers.etag).toBe(moved.headers.etag);
    const back = await post('/api/requirements/req-patriot/reprioritise', { priorityRank: 1 }, { 'If-Match': etag });
    expect(back.statusCode).toBe(409);
    await post('/api/requirements/req-patriot/reprioritise', { priorityRank: 1 });
  });

  it('keeps sources, claims, figures and priority lists', async () => {
    const text = 'Canada committed USD 200 million to the Patriot package, the ministry said.';
    const source = await post('/api/sources', {
      id: 'src-1',
      publisher: 'Ministry',
      language: 'en',
      title: 'Canada',
      text,
    });
    expect(source.statusCode, source.body).toBe(201);
    const claim = await post('/api/claims', {
      id: 'clm-1',
      sourceId: 'src-1',
      subject: { type: 'package', id: 'pkg-1' },
      donorIds: ['ca'],
      stage: 'committed',
      amount: { amount: '200000000', currency: 'USD' },
      sentence: 'Canada committed USD 200 million to the Patriot package',
    });
    expect(claim.headers.location).toBe('/api/claims/clm-1');
    const [proposedEvent] = (await get('/api/packages/pkg-1/timeline')).json<{ eventId: string }[]>();
    await ok('/api/claims/clm-1/links', { eventId: proposedEvent?.eventId });
    await ok('/api/figures/adopt', { subject: { type: 'package', id: 'pkg-1' }, stage: 'committed', claimId: 'clm-1' });

    expect((await get('/api/sources/src-1')).json()).toMatchObject({ text, claims: [{ id: 'clm-1' }] });
    expect((await get('/api/sources?language=en')).json()).toMatchObject([{ id: 'src-1' }]);
    expect((await get('/api/claims/clm-1')).json()).toMatchObject({ linkedEventIds: [proposedEvent?.eventId] });
    expect((await get('/api/figures?subjectType=package&subjectId=pkg-1')).json()).toMatchObject([
      { stage: 'committed', adopted: { claimId: 'clm-1' } },
    ]);
    expect((await get('/api/packages/pkg-1')).json()).toMatchObject({ figures: [{ claims: [{ id: 'clm-1' }] }] });

    const drafted = await post('/api/priority-lists', {
      recipientId: 'ua',
      period: '2025-09',
      requirementIds: ['req-patriot'],
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    expect(drafted.headers.location).toBe('/api/priority-lists/ua/2025-09');
    await ok('/api/priority-lists/ua/2025-09/approve', { approverId: 'nsatu' });
    expect((await get('/api/priority-lists/ua/2025-09')).json()).toMatchObject({
      status: 'approved',
      approvals: ['nsatu'],
    });
    expect((await get('/api/priority-lists?recipient=ua')).json()).toHaveLength(1);
    expect((await get('/api/categories')).json()).toContainEqual(expect.objectContaining({ id: 'air-defence' }));
  });

  it('answers a broken rule with 422 problem+json naming the field, and changes nothing', async () => {
    const before = await ledgerState(f.db);
    const response = await post('/api/contributions/ctb-ca/payments', {
      amount: { amount: '250000000', currency: 'USD' },
    });
    const problem = expectProblem(response, 422, 'payment-exceeds-commitment');
    expect(problem.field).toBe('amount.amount');
    expect(await ledgerState(f.db)).toEqual(before);
    // A command with no body at all reaches the domain (here: a delivered package cannot be cancelled).
    expectProblem(await post('/api/packages/pkg-1/cancel', { reason: 'no' }), 422, 'package-already-shipped');
    expectProblem(await post('/api/packages/pkg-1/fund'), 422, 'package-status-invalid');
  });

  it('answers invalid input with 400 naming the field: missing, unknown, malformed, bad query', async () => {
    const body = { title: { en: 'x' }, recipientId: 'ua', coordinatorId: 'nsatu', category: 'air-defence', lines: [] };
    const missing = expectProblem(await post('/api/packages', body), 400, 'request-invalid');
    expect(missing).toMatchObject({ field: 'targetValue', errors: [{ field: 'targetValue', code: 'field-required' }] });

    const unknown = await post('/api/packages', {
      ...body,
      targetValue: { amount: '1', currency: 'EUR', fx: 1 },
      colour: 'red',
    });
    const problem = expectProblem(unknown, 400, 'request-invalid');
    expect((problem.errors as { field: string; code: string }[]).map((e) => [e.field, e.code])).toEqual(
      expect.arrayContaining([
        ['targetValue.fx', 'field-unknown'],
        ['colour', 'field-unknown'],
      ]),
    );
    const line = await post('/api/packages', { ...body, targetValue: { amount: '1', currency: 'EUR' }, lines: [{}] });
    expect(expectProblem(line, 400, 'request-invalid').field).toBe('lines[0].description');

    const malformed = await call('POST', '/api/packages', '{"title": ', { 'content-type': 'application/json' });
    expectProblem(malformed, 400, 'body-not-json');
    expect(expectProblem(await get('/api/contributions?limit=0'), 400, 'request-invalid').field).toBe('limit');
    expect(expectProblem(await get('/api/packages?currency=GBP'), 400, 'request-invalid').field).toBe('currency');
    expect(expectProblem(await get('/api/packages?sort=id'), 400, 'request-invalid').field).toBe('sort');
    const huge = await post('/api/sources', {
      publisher: 'x',
      language: 'en',
      title: 'x',
      text: 'x'.repeat(5_000_000),
    });
    expectProblem(huge, 413, 'body-too-large');
    expectProblem(await get('/api/packages/%E0%A4%A'), 400, 'url-invalid');
    expect(expectProblem(await get(`/api/packages/${'x'.repeat(101)}`), 400, 'request-invalid').field).toBe('id');
  });

  it('answers unknown records and routes with 404', async () => {
    expectProblem(await get('/api/packages/nope'), 404, 'package-unknown');
    expectProblem(await get('/api/packages/nope/timeline'), 404, 'package-unknown');
    expectProblem(await post('/api/packages/nope/validate', { coordinatorId: 'nsatu' }), 404, 'package-unknown');
    expectProblem(await get('/api/organisations/nope'), 404, 'organisation-unknown');
    expect(expectProblem(await get('/api/nowhere?x=1'), 404, 'route-unknown').instance).toBe('/api/nowhere');
  });

  it('refuses a stale If-Match or expectedVersion with 409; the body wins over the header', async () => {
    const url = '/api/requirements/req-patriot/reprioritise';
    const current = await post(url, { priorityRank: 2 });
    const version = current.json<{ version: number }>().version;
    expect(current.headers.etag).toBe(`"${version}"`);

    const fresh = await post(url, { priorityRank: 3 }, { 'if-match': `"${version}"` });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const stale = expectProblem(
      await post(url, { priorityRank: 4 }, { 'if-match': `"${version}"` }),
      409,
      'stream-version-conflict',
    );
    expect(stale.field).toBe('expectedVersion');
    expectProblem(await post(url, { priorityRank: 4, expectedVersion: version }), 409, 'stream-version-conflict');
    const bodyWins = await post(url, { priorityRank: 4, expectedVersion: version + 1 }, { 'if-match': '"1"' });
    expect(bodyWins.statusCode, bodyWins.body).toBe(200);
    const badHeader = await post(url, { priorityRank: 5 }, { 'if-match': 'W/"1"' });
    expect(expectProblem(badHeader, 400, 'request-invalid').field).toBe('if-match');

    const amended = await call(
      'PATCH',
      '/api/requirements/req-patriot',
      { unit: 'rounds' },
      { 'if-match': `"${version + 2}"` },
    );
    expect(amended.statusCode, amended.body).toBe(200);
    await ok('/api/requirements/req-patriot/withdraw', { reason: 'covered by pkg-1' });
    expect((await get('/api/requirements')).json()).toEqual([]);
    expect((await get('/api/requirements?includeWithdrawn=true')).json()).toMatchObject([
      { id: 'req-patriot', status: 'withdrawn', unit: 'rounds' },
    ]);
  });

  it('applies a retried command once under the same Idempotency-Key', async () => {
    const body = { publisher: 'Reuters', language: 'en', title: 'Retried', text: 'A retried story.' };
    const headers = { 'idempotency-key': 'retry-1' };
    const before = await ledgerState(f.db);
    const first = await post('/api/sources', body, headers);
    const second = await post('/api/sources', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.location).toBe(first.headers.location);
    expect((await ledgerState(f.db)).events).toBe(before.events + 1);
    const reused = await post('/api/sources', { ...body, title: 'Another' }, headers);
    expect(expectProblem(reused, 422, 'idempotency-key-reused').field).toBe('Idempotency-Key');
    const recorded = await get(String(first.headers.location));
    expect(recorded.json()).toMatchObject({ id: first.json<{ id: string }>().id, title: 'Retried' });
  });

  it('hides internal errors behind a 500 problem', async () => {
    const broken = await buildServer({
      ...f.deps,
      clock: () => {
        throw new Error('SELECT secret FROM vault');
      },
    });
    try {
      const failed = await broken.inject({
        method: 'POST',
        url: '/api/sources',
        payload: { publisher: 'x', language: 'en', title: 'x', text: 'x' },
        headers: auth,
      });
      const problem = expectProblem(failed, 500, 'internal-error');
      expect(failed.body).not.toMatch(/secret|vault|at /);
      expect(problem.requestId).toEqual(expect.any(String));
    } finally {
      await broken.close();
    }
  });

  it('documents every /api route in an OpenAPI 3.1 document, with a reference page', async () => {
    const response = await get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, Json>>;
    }>();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(doc.info.title).toBe('Tranche API');
    const api = routes.filter(
      (r) => r.method !== 'HEAD' && /^\/(api\/|health$)/.test(r.url) && !r.url.startsWith('/api/docs'),
    );
    expect(api.length).toBeGreaterThan(40);
    const missing = api.filter((r) => {
      const operation = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      return !operation || typeof operation.summary !== 'string' || !Array.isArray(operation.tags);
    });
    expect(missing).toEqual([]);
    const page = await get('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
