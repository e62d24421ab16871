/**
 * The curator's review over HTTP: importing documents (grouped into stories), extraction that writes nothing,
 * proposals accepted and linked or rejected once, facts and stories, and problem+json for every refusal.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeContribution } from '../../src/app/contributions.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { CANADA_EN_TEXT, NORDIC_EN_HTML, NORDIC_UK_TEXT } from '../support/articles.ts';
import { signedIn } from '../support/people.ts';

type Json = Record<string, unknown>;
interface Proposal {
  key: string;
  donorIds: string[];
  status: string;
  claimId: string | null;
  reason: string | null;
  candidates: { eventId: string; fits: boolean }[];
}

describe('HTTP API: reviewing sources', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let pledgeEvent = '';
  let auth: Record<string, string> = {};

  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    auth = await signedIn(app, f.deps, 'curator');
    const pledge = await pledgeContribution(f.deps, f.request, {
      id: 'ctb-no',
      donorId: 'no',
      category: 'air-defence',
      amount: { amount: '135000000', currency: 'USD' },
      occurredOn: '2025-08-04',
    });
    pledgeEvent = pledge.events[0]?.eventId ?? '';
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const options: InjectOptions = { method: 'POST', url, headers: { ...auth, ...headers } };
    if (payload !== undefined) options.payload = typeof payload === 'string' ? payload : (payload as Json);
    return app.inject(options);
  };
  const get = (url: string) => app.inject({ method: 'GET', url, headers: auth });

  function expectProblem(response: Awaited<ReturnType<typeof get>>, status: number, code: string): Json {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<Json>();
    expect(problem).toMatchObject({ type: `https://tranche.dev/problems/${code}`, status, code });
    return problem;
  }

  async function proposals(sourceId: string): Promise<Proposal[]> {
    const response = await get(`/api/sources/${sourceId}/proposals`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Proposal[]>();
  }

  it('imports a saved page and its Ukrainian version, which joins its story', async () => {
    const en = await post('/api/sources/import', { id: 'wire-en', content: NORDIC_EN_HTML, fileName: 'purl.html' });
    expect(en.statusCode, en.body).toBe(201);
    expect(en.headers.location).toBe('/api/sources/wire-en');
    expect(en.headers.etag).toBe('"1"');
    expect(en.json()).toMatchObject({ id: 'wire-en', version: 1, storyId: null, groupedWith: null });

    const uk = await post('/api/sources/import', {
      id: 'wire-uk',
      content: NORDIC_UK_TEXT,
      contentType: 'text/plain',
      url: 'https://www.example.com.ua/news/1',
    });
    expect(uk.statusCode, uk.body).toBe(201);
    expect(uk.json()).toMatchObject({ storyId: 'wire-en', groupedWith: { sourceId: 'wire-en', score: 1 } });
    expect((await get('/api/sources/wire-uk')).json()).toMatchObject({
      publisher: 'example.com.ua',
      storyId: 'wire-en',
    });
    expect((await get('/api/stories?multilingual=true')).json()).toEqual([
      {
        id: 'wire-en',
        languages: ['en', 'uk'],
        sources: [
          expect.objectContaining({ id: 'wire-en', language: 'en', publisher: 'Example Wire' }),
          expect.objectContaining({ id: 'wire-uk', language: 'uk' }),
        ],
      },
    ]);
    expect((await get('/api/sources?story=wire-en')).json()).toHaveLength(2);
  });

  it('extracts the claims of a document sent as JSON, text/html or text/plain, and records nothing', async () => {
    const before = await ledgerState(f.db);
    const json = await post('/api/sources/extract', { content: NORDIC_EN_HTML, fileName: 'purl.html' });
    expect(json.statusCode, json.body).toBe(200);
    const extraction = json.json<{
      text: string;
      claims: { evidence: string; span: { start: number; end: number } }[];
    }>();
    expect(extraction).toMatchObject({
      file: 'purl.html',
      language: 'en',
      title: 'Norway and Sweden fund a PURL package for Ukraine',
      author: 'Jane Doe',
      published: '2025-08-05',
      claims: [
        { donors: ['NO'], stage: 'pledged', amount: { value: 135_000_000, currency: 'USD' } },
        { donors: ['SE'], stage: 'pledged', amount: { value: 275_000_000, currency: 'USD' } },
      ],
    });
    for (const claim of extraction.claims) {
      expect(extraction.text.slice(claim.span.start, claim.span.end)).toBe(claim.evidence);
    }
    const html = await post('/api/sources/extract', NORDIC_EN_HTML, { 'content-type': 'text/html; charset=utf-8' });
    expect(html.statusCode, html.body).toBe(200);
    expect(html.json()).toMatchObject({ file: null, claims: extraction.claims });
    const text = await post('/api/sources/extract', NORDIC_UK_TEXT, { 'content-type': 'text/plain' });
    expect(text.json()).toMatchObject({ language: 'uk', claims: [{ donors: ['NO'] }, { donors: ['SE'] }] });
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('accepts a proposal linked to the pledge it reports: 201, and the claim is linked', async () => {
    const [norway] = await proposals('wire-en');
    expect(norway).toMatchObject({
      donorIds: ['no'],
      status: 'open',
      candidates: [{ eventId: pledgeEvent, fits: true }],
    });
    const accepted = await post(`/api/sources/wire-en/proposals/${norway?.key}/accept`, { linkTo: pledgeEvent });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const result = accepted.json<{ id: string; events: { type: string }[] }>();
    expect(accepted.headers.location).toBe(`/api/claims/${result.id}`);
    expect(result.events.map((event) => event.type)).toEqual(['ClaimRecorded', 'ClaimLinked']);
    expect((await get(`/api/claims/${result.id}`)).json()).toMatchObject({
      subject: { type: 'contribution', id: 'ctb-no' },
      donorIds: ['no'],
      stage: 'pledged',
      amount: { amount: '135000000', currency: 'USD' },
      linkedEventIds: [pledgeEvent],
    });
    expect((await proposals('wire-en'))[0]).toMatchObject({ status: 'accepted', claimId: result.id });
  });

  it('reviewing a proposal twice is a 409; an unknown key or source a 404; nothing changes', async () => {
    const [norway, sweden] = await proposals('wire-en');
    const before = await ledgerState(f.db);
    const twice = expectProblem(
      await post(`/api/sources/wire-en/proposals/${norway?.key}/accept`, {}),
      409,
      'proposal-already-reviewed',
    );
    expect(twice.field).toBe('key');
    expectProblem(await post(`/api/sources/wire-en/proposals/${norway?.key}/reject`), 409, 'proposal-already-reviewed');
    expectProblem(await post('/api/sources/wire-en/proposals/0000000000000000/accept', {}), 404, 'proposal-unknown');
    expectProblem(await post('/api/sources/nowhere/proposals/x/reject', {}), 404, 'source-unknown');
    expectProblem(await get('/api/sources/nowhere/proposals'), 404, 'source-unknown');
    expect(await ledgerState(f.db)).toEqual(before);

    const rejected = await post(`/api/sources/wire-en/proposals/${sweden?.key}/reject`, { reason: 'not new' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      streamId: 'source-wire-en',
      version: 2,
      events: [{ type: 'ProposalRejected' }],
    });
    expect((await proposals('wire-en'))[1]).toMatchObject({ status: 'rejected', reason: 'not new' });
    expectProblem(
      await post(`/api/sources/wire-en/proposals/${sweden?.key}/reject`, {}),
      409,
      'proposal-already-reviewed',
    );
  });

  it('lists the facts: one per donors, stage and amount, with the sources that state it', async () => {
    const [uk] = await proposals('wire-uk');
    const accepted = await post(`/api/sources/wire-uk/proposals/${uk?.key}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(201);
    const facts = (await get('/api/facts')).json<{ key: string; claims: unknown[]; sources: { id: string }[] }[]>();
    expect(facts).toEqual([
      expect.objectContaining({
        key: 'no|pledged|135000000 USD',
        donorIds: ['no'],
        amount: { amount: '135000000', currency: 'USD' },
        sources: [
          expect.objectContaining({ id: 'wire-en' }),
          expect.objectContaining({ id: 'wire-uk', language: 'uk' }),
        ],
      }),
    ]);
    expect(facts[0]?.claims).toHaveLength(2);
  });

  it('answers invalid bodies with 400 problem+json naming the field, and changes nothing', async () => {
    const before = await ledgerState(f.db);
    const [, sweden] = await proposals('wire-uk');
    const accept = `/api/sources/wire-uk/proposals/${sweden?.key}/accept`;
    const cases: [url: string, body: unknown, field: string][] = [
      ['/api/sources/import', { publisher: 'x' }, 'content'],
      ['/api/sources/import', { content: NORDIC_UK_TEXT, colour: 'red' }, 'colour'],
      ['/api/sources/import', { content: NORDIC_UK_TEXT, language: 'de' }, 'language'],
      ['/api/sources/import', { content: NORDIC_UK_TEXT, publishedOn: '5 Aug 2025' }, 'publishedOn'],
      ['/api/sources/extract', {}, 'content'],
      [accept, { stage: 'announced' }, 'stage'],
      [accept, { amount: { amount: '1' } }, 'amount.currency'],
      [accept, { donorIds: 'se' }, 'donorIds'],
      [`/api/sources/wire-uk/proposals/${sweden?.key}/reject`, { reason: 5 }, 'reason'],
    ];
    for (const [url, body, field] of cases) {
      const problem = expectProblem(await post(url, body), 400, 'request-invalid');
      expect(problem.field, `${url} ${JSON.stringify(body)}`).toBe(field);
    }
    const nameless = expectProblem(await post('/api/sources/import', { content: CANADA_EN_TEXT }), 400, 'text-missing');
    expect(nameless.field).toBe('publisher');
    const amount = expectProblem(
      await post(accept, { amount: { amount: '-5', currency: 'USD' } }),
      400,
      'amount-must-be-positive',
    );
    expect(amount.field).toBe('amount.amount');
    expect(await ledgerState(f.db)).toEqual(before);
  });
});
