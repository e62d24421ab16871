/**
 * GET /api/records: the records and the sources behind a figure. For every combination of stage, donor, month and
 * category, the records add up to exactly what GET /api/totals (and /api/summary) answers — through amendments and a
 * withdrawal after goods arrived, receipts over two months, a joint package in three currencies and general support —
 * and each record names the sources of its events with their sentences.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from '../support/app-fixtures.ts';
import { signedIn } from '../support/people.ts';
import { buildRecordsLedger } from '../support/records-ledger.ts';

interface Money {
  amount: string;
  currency: string;
}
interface Source {
  sourceId: string;
  title: string;
  url: string | null;
  language: string;
  claims: { claimId: string; sentence: string; linked: boolean }[];
}
interface FigureRecord {
  contributionId: string;
  donorId: string;
  packageId: string | null;
  packageTitle: Record<string, string> | null;
  category: string;
  amount: Money;
  original: Money;
  on: string;
  basis: string;
  parts: { type: string; on: string; amount: Money }[];
  sources: Source[];
}
interface Figure {
  currency: string;
  stage: string;
  filters: Record<string, string>;
  total: Money;
  records: FigureRecord[];
}

/** Exact cents of a decimal string with two places (the reporting currencies). */
const centsOf = (amount: string): bigint => BigInt(amount.replace('.', ''));

describe('GET /api/records: the records behind a figure', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let auth: Record<string, string> = {};

  beforeAll(async () => {
    f = await openAppFixture();
    await buildRecordsLedger(f);
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    auth = await signedIn(app, f.deps, 'reader');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  const get = async <T>(url: string, headers = auth): Promise<T> => {
    const response = await app.inject({ method: 'GET', headers, url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<T>();
  };
  const query = (params: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const sum = (amounts: readonly Money[]) => amounts.reduce((total, money) => total + centsOf(money.amount), 0n);

  /** The figure /api/totals gives for these filters: the sum of its rows (none when it is zero). */
  async function totalsFigure(params: Record<string, string | undefined>, headers = auth): Promise<bigint> {
    const { month, ...rest } = params;
    const rows = await get<{ amount: Money }[]>(
      `/api/totals?${query({ ...rest, from: month, to: month, by: 'donor' })}`,
      headers,
    );
    return sum(rows.map((row) => row.amount));
  }

  it('adds up to /api/totals for every stage, donor, month and category, in EUR and in USD, for every reader', async () => {
    // Each reader's totals count their own visibilities (se's contributions are partners-only).
    const readers = {
      anonymous: {},
      partner: await signedIn(app, f.deps, 'records-partner', [{ organisationId: 'ua', role: 'recipient-planner' }]),
      everything: auth,
    };
    const combinations: Record<string, string | undefined>[] = [];
    for (const stage of ['pledged', 'committed', 'paid', 'delivered'])
      for (const donor of [undefined, 'nl', 'de', 'se', 'dk', 'ca'])
        for (const month of [undefined, '2025-08', '2025-09', '2025-10'])
          for (const category of [undefined, 'air-defence', 'financial'])
            combinations.push({ stage, donor, month, category });
    let nonZero = 0;
    const runs = Object.entries(readers).flatMap(([reader, headers]) =>
      ['EUR', 'USD'].map((currency) => ({ reader, headers, currency })),
    );
    for (const { reader, headers, currency } of runs) {
      // The currency is a column of the same rows: USD is checked without the category filter, to keep the run short.
      for (const params of combinations.filter((c) => currency === 'EUR' || c.category === undefined)) {
        const figure = await get<Figure>(`/api/records?${query({ ...params, currency })}`, headers);
        const expected = await totalsFigure({ ...params, currency }, headers);
        const label = JSON.stringify({ ...params, currency, reader });
        expect(sum(figure.records.map((record) => record.amount)), label).toBe(expected);
        expect(centsOf(figure.total.amount), label).toBe(expected);
        expect(figure.total.currency).toBe(currency);
        for (const record of figure.records)
          expect(sum(record.parts.map((part) => part.amount)), label).toBe(centsOf(record.amount.amount));
        if (expected !== 0n) nonZero += 1;
      }
    }
    expect(nonZero).toBeGreaterThan(300);
  }, 180_000);

  it('matches /api/summary with no filter', async () => {
    for (const currency of ['EUR', 'USD']) {
      const summary = await get<{ totals: Record<string, Money> }>(`/api/summary?currency=${currency}`);
      for (const stage of ['pledged', 'committed', 'paid', 'delivered']) {
        const figure = await get<Figure>(`/api/records?currency=${currency}&stage=${stage}`);
        expect(figure.total, `${stage} ${currency}`).toEqual(summary.totals[stage]);
      }
    }
  });

  it('counts delivered value where the totals date it: receipts, an amendment, a withdrawal the next month', async () => {
    const august = await get<Figure>('/api/records?stage=delivered&month=2025-08');
    expect(august.filters).toEqual({ month: '2025-08' });
    const nl = august.records.find((record) => record.contributionId === 'ctb-nl');
    expect(nl?.parts.map((part) => [part.type, part.on])).toEqual([
      ['DeliveryReceived', '2025-08-28'],
      ['ContributionAmended', '2025-08-29'],
    ]);
    expect(nl).toMatchObject({ on: '2025-08-29', basis: 'reported', packageTitle: { en: 'PURL: Patriot' } });
    expect(nl?.sources.map((source) => source.sourceId).sort()).toEqual(['src-arrived', 'src-nl']);
    const arrived = nl?.sources.find((source) => source.sourceId === 'src-arrived');
    expect(arrived).toMatchObject({ url: 'https://example.org/arrived', language: 'en' });
    expect(arrived?.claims).toEqual([
      expect.objectContaining({ claimId: 'clm-arrived', linked: true, sentence: expect.stringMatching(/^The first/) }),
    ]);

    const late = await get<Figure>('/api/records?stage=delivered&donor=dk&category=air-defence&month=2025-10');
    expect(late.records.map((record) => [record.contributionId, record.parts.map((part) => part.type)])).toEqual([
      ['ctb-dk-late', ['ContributionAmended']],
    ]);
    expect(late.total).toEqual({ amount: '5000000.00', currency: 'EUR' });

    const september = await get<Figure>('/api/records?stage=delivered&month=2025-09&donor=de');
    expect(september.records).toHaveLength(1);
    expect(september.records[0]?.parts.map((part) => part.type)).toEqual(['ContributionWithdrawn']);
    expect(september.records[0]?.amount.amount.startsWith('-')).toBe(true);
    expect(september.total).toEqual(september.records[0]?.amount);
  });

  it('lists each payment in its month, in the donor’s currency too, with the sentence linked to it', async () => {
    const paid = await get<Figure>('/api/records?stage=paid&donor=nl&currency=EUR');
    expect(paid.records).toHaveLength(1);
    const [record] = paid.records;
    expect(record).toMatchObject({
      contributionId: 'ctb-nl',
      amount: { amount: '350000000.00', currency: 'EUR' },
      original: { amount: '350000000.00', currency: 'EUR' },
      on: '2025-09-16',
      basis: 'official',
    });
    expect(record?.parts.map((part) => part.on)).toEqual(['2025-08-11', '2025-09-16']);
    const source = record?.sources.find((candidate) => candidate.sourceId === 'src-nl');
    expect(source?.claims).toEqual([
      expect.objectContaining({ claimId: 'clm-nl-paid', linked: true, sentence: expect.stringMatching(/^Payment/) }),
    ]);

    const august = await get<Figure>('/api/records?stage=paid&donor=nl&month=2025-08');
    expect(august.records[0]).toMatchObject({ amount: { amount: '100000000.00' }, on: '2025-08-11' });
  });

  it('keeps a joint package’s figure with each donor, in its own currency, with the sentence about the package', async () => {
    const figure = await get<Figure>('/api/records?stage=paid&donor=se&currency=USD');
    expect(figure.records).toHaveLength(1);
    const [record] = figure.records;
    expect(record).toMatchObject({ contributionId: 'ctb-se', original: { amount: '500000000.00', currency: 'SEK' } });
    expect(record?.sources).toEqual([
      expect.objectContaining({
        sourceId: 'src-nordic',
        language: 'uk',
        url: null,
        claims: [expect.objectContaining({ claimId: 'clm-nordic', linked: false })],
      }),
    ]);
    const joint = await get<Figure>('/api/records?stage=delivered&category=air-defence&month=2025-09');
    expect(new Set(joint.records.map((r) => r.donorId))).toEqual(new Set(['nl', 'de', 'no', 'se', 'dk']));
  });

  it('answers bad input with 400 problem+json naming the field', async () => {
    for (const [url, field] of [
      ['/api/records?stage=shipped', 'stage'],
      ['/api/records?month=2025-13', 'month'],
      ['/api/records?category=tanks', 'category'],
      ['/api/records?currency=GBP', 'currency'],
      ['/api/records?donor=', 'donor'],
      ['/api/records?year=2025', 'year'],
    ] as const) {
      const response = await app.inject({ method: 'GET', headers: auth, url });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json(), url).toMatchObject({ code: 'request-invalid', field });
    }
  });

  it('defaults to the pledged stage in EUR, and is in the OpenAPI document under overview', async () => {
    const figure = await get<Figure>('/api/records');
    expect(figure).toMatchObject({ currency: 'EUR', stage: 'pledged', filters: {} });
    expect(figure.records.map((record) => record.contributionId).sort()).toEqual(
      ['ctb-ca', 'ctb-dk', 'ctb-dk-late', 'ctb-nl', 'ctb-no', 'ctb-se'].sort(),
    );
    const document = await get<{ paths: Record<string, { get?: { tags?: string[]; summary?: string } }> }>(
      '/api/openapi.json',
    );
    expect(document.paths['/api/records']?.get?.tags).toEqual(['overview']);
  });
});
