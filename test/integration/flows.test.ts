/**
 * The imported trackers' flows over HTTP (GET /api/flows/totals, GET /api/flows/trackers): the real Kiel file
 * (public) and a few real FTS rows imported for partners only. Every sum the API gives equals what rm_flow_totals
 * holds for the same filters and the reader's visibilities, added up here row by row; a visitor never sees the
 * partners' import, a signed-in partner does; the pipeline's totals do not move; bad query parameters are a
 * problem+json 400 naming the parameter.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/imports/engine.ts';
import { importFormat } from '../../src/app/imports/formats.ts';
import { importEcbRates } from '../../src/app/rates.ts';
import type { Visibility } from '../../src/domain/facts.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from '../support/app-fixtures.ts';
import { isCi } from '../support/env.ts';
import { signedIn } from '../support/people.ts';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/data');
const KIEL = path.join(SHARED, 'kiel/data_explorer.csv');
const FTS = path.join(SHARED, 'fts/fts_incoming_funding_global.csv');
const ECB = path.join(SHARED, 'ecb/eurofxref-hist.csv');
const present = [KIEL, FTS, ECB].every((file) => existsSync(file));
if (!present && !isCi()) console.warn(`tracker flows suite not run: ${SHARED} is missing (the shared public data)`);

interface Money {
  amount: string;
  currency: string;
}
interface Sum {
  stage: string;
  category: string;
  flows: number;
  amount: Money;
}
interface Release {
  importId: string;
  format: string;
  release: string | null;
  source: { id: string; title: string; publisher: string } | null;
}
interface Tracker {
  basis: string;
  flows: number;
  donorCount: number;
  period: { from: string; to: string };
  releases: Release[];
}
interface TrackerTotals extends Tracker {
  totals: Sum[];
  donors: { donorId: string; kind: string | null; names: { en: string } | null; flows: number; totals: Sum[] }[];
  months: (Sum & { month: string })[];
}
interface Totals {
  currency: string;
  trackers: TrackerTotals[];
}

/** One row of rm_flow_totals, read whole, to add up here. */
interface StoredRow {
  donor_id: string;
  month: string;
  stage: string;
  category: string;
  basis: string;
  visibility: string;
  flows: string;
  eur: string;
  usd: string;
}

/** A decimal string in units of 10⁻¹⁰ (numeric(30,10)'s scale), so sums are exact. */
function scaled(decimal: string): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole) * 10n ** 10n + BigInt(fraction.padEnd(10, '0').slice(0, 10) || '0');
}

/** The sums the API should give: rm_flow_totals' rows for the filter and visibilities, added up by `key`. */
function expected(
  rows: readonly StoredRow[],
  visibilities: readonly Visibility[],
  filter: Record<string, string>,
  key: (row: StoredRow) => string,
): Map<string, { flows: number; amount: bigint }> {
  const currency = filter.currency === 'USD' ? 'usd' : 'eur';
  const out = new Map<string, { flows: number; amount: bigint }>();
  for (const row of rows) {
    if (!visibilities.some((visibility) => visibility === row.visibility)) continue;
    if (filter.donor !== undefined && row.donor_id !== filter.donor) continue;
    if (filter.from !== undefined && row.month < filter.from) continue;
    if (filter.to !== undefined && row.month > filter.to) continue;
    if (filter.stage !== undefined && row.stage !== filter.stage) continue;
    if (filter.category !== undefined && row.category !== filter.category) continue;
    if (filter.basis !== undefined && row.basis !== filter.basis) continue;
    const sum = out.get(key(row)) ?? { flows: 0, amount: 0n };
    out.set(key(row), { flows: sum.flows + Number(row.flows), amount: sum.amount + scaled(row[currency]) });
  }
  return out;
}

/** The API's answer as the same map: per donor, per month and overall, each keyed with its tracker. */
function answered(totals: Totals, by: 'donor' | 'month' | 'all'): Map<string, { flows: number; amount: bigint }> {
  const out = new Map<string, { flows: number; amount: bigint }>();
  const put = (key: string, sum: Sum) => {
    expect(out.has(key), key).toBe(false);
    expect(sum.amount.currency).toBe(totals.currency);
    out.set(key, { flows: sum.flows, amount: scaled(sum.amount.amount) });
  };
  for (const tracker of totals.trackers) {
    if (by === 'donor') {
      for (const donor of tracker.donors) {
        for (const sum of donor.totals) put(`${tracker.basis}|${donor.donorId}|${sum.stage}|${sum.category}`, sum);
      }
    } else if (by === 'month') {
      for (const sum of tracker.months) put(`${tracker.basis}|${sum.month}|${sum.stage}|${sum.category}`, sum);
    } else {
      for (const sum of tracker.totals) put(`${tracker.basis}|${sum.stage}|${sum.category}`, sum);
    }
  }
  return out;
}

const KEYS = {
  donor: (row: StoredRow) => `${row.basis}|${row.donor_id}|${row.stage}|${row.category}`,
  month: (row: StoredRow) => `${row.basis}|${row.month}|${row.stage}|${row.category}`,
  all: (row: StoredRow) => `${row.basis}|${row.stage}|${row.category}`,
} as const;

/** The first real FTS rows with money and a donor, as a small file of their own. */
async function ftsSample(dir: string): Promise<string> {
  const text = await readFile(FTS, 'utf8');
  const [header = [], ...rows] = parse(text.split('\n').slice(0, 12).join('\n')) as string[][];
  const file = path.join(dir, 'fts-partners.csv');
  await writeFile(file, stringify([header, ...rows.slice(0, 6)]));
  return file;
}

describe.runIf(present || isCi())('tracker flows over HTTP', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let dir: string;
  let partner: Record<string, string> = {};
  let auditor: Record<string, string> = {};
  let stored: StoredRow[] = [];
  let summaryBefore: unknown;

  const get = async <T>(url: string, headers: Record<string, string> = {}): Promise<T> => {
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json<T>();
  };

  beforeAll(async () => {
    if (!present) throw new Error(`the tracker flows suite needs ${SHARED} (required under CI=true)`);
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    summaryBefore = (await app.inject({ method: 'GET', url: '/api/summary' })).json();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-flows-'));
    // The ECB's real USD rates (the fixture's start in August 2025), for the equivalents of 2017–2026 flows.
    const usd = (await readFile(ECB, 'utf8')).split('\n').map((line) => line.split(',').slice(0, 2).join(','));
    await writeFile(path.join(dir, 'ecb.csv'), usd.join('\n'));
    await importEcbRates(f.db, path.join(dir, 'ecb.csv'));
    const kiel = await runImport(f.deps, f.request, await importFormat(f.db, 'kiel', KIEL), KIEL);
    expect(kiel).toMatchObject({ written: true, errorCount: 0 });
    const sample = await ftsSample(dir);
    const fts = await runImport(f.deps, f.request, await importFormat(f.db, 'fts', sample), sample, {
      visibility: 'partners',
    });
    expect(fts).toMatchObject({ written: true, errorCount: 0 });
    expect(fts.flows).toBeGreaterThan(0);
    partner = await signedIn(app, f.deps, 'nl-officer', [{ organisationId: 'nl', role: 'donor-officer' }]);
    auditor = await signedIn(app, f.deps, 'auditor', [{ organisationId: '*', role: 'auditor' }]);
    const { rows } = await sql<StoredRow>`
      SELECT donor_id, month, stage, category, basis, visibility, flows::text AS flows, eur::text AS eur, usd::text AS usd
      FROM rm_flow_totals`.execute(f.db);
    stored = rows;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("shows Kiel's 42 donors over 2022-01 to 2026-04 as estimates, citing Release 29", async () => {
    const trackers = await get<Tracker[]>('/api/flows/trackers');
    expect(trackers).toHaveLength(1);
    expect(trackers[0]).toMatchObject({
      basis: 'estimate',
      donorCount: 42,
      period: { from: '2022-01', to: '2026-04' },
    });
    expect(trackers[0]?.releases).toEqual([
      expect.objectContaining({
        format: 'kiel',
        file: 'data_explorer.csv',
        release: 'Ukraine Support Tracker, Release 29 (04/2026)',
        source: expect.objectContaining({
          id: 'kiel-r29',
          title: 'Ukraine Support Tracker, Release 29 (04/2026)',
          publisher: 'Kiel Institute for the World Economy',
        }),
      }),
    ]);
    const totals = await get<Totals>('/api/flows/totals?donor=au&from=2022-02&to=2022-02&category=military');
    const [kiel] = totals.trackers;
    // Australia, February 2022: 0.002645 billion euros of military aid.
    expect(kiel?.donors).toEqual([
      {
        donorId: 'au',
        kind: 'state',
        names: { uk: 'Австралія', en: 'Australia', ru: 'Австралия' },
        flows: 1,
        totals: [
          { stage: 'allocated', category: 'military', flows: 1, amount: { amount: '2645000', currency: 'EUR' } },
        ],
      },
    ]);
    expect(kiel?.months).toEqual([
      {
        month: '2022-02',
        stage: 'allocated',
        category: 'military',
        flows: 1,
        amount: { amount: '2645000', currency: 'EUR' },
      },
    ]);
  });

  it.each<Record<string, string>>([
    {},
    { currency: 'USD' },
    { donor: 'de' },
    { from: '2023-01', to: '2023-12', currency: 'USD' },
    { stage: 'committed' },
    { category: 'humanitarian', basis: 'estimate' },
    { donor: 'nl', stage: 'allocated', category: 'military', from: '2024-06' },
    { basis: 'reported' },
  ])('sums exactly what rm_flow_totals holds for %j, for each reader', async (filter) => {
    const query = new URLSearchParams(filter).toString();
    const readers: [Record<string, string>, Visibility[]][] = [
      [{}, ['public']],
      [partner, ['public', 'partners']],
      [auditor, ['public', 'partners', 'restricted']],
    ];
    for (const [headers, visibilities] of readers) {
      const totals = await get<Totals>(`/api/flows/totals?${query}`, headers);
      expect(totals.currency).toBe(filter.currency ?? 'EUR');
      for (const by of ['donor', 'month', 'all'] as const) {
        expect(answered(totals, by), `${query} by ${by} as ${visibilities.join('+')}`).toEqual(
          expected(stored, visibilities, filter, KEYS[by]),
        );
      }
      for (const tracker of totals.trackers) {
        expect(tracker.flows).toBe(tracker.totals.reduce((sum, row) => sum + row.flows, 0));
        expect(tracker.donorCount).toBe(tracker.donors.length);
        expect(tracker.period.from <= tracker.period.to).toBe(true);
      }
    }
  });

  it('keeps a partners-only import from the visitor, and shows it to a signed-in partner', async () => {
    const visitor = await get<Totals>('/api/flows/totals');
    expect(visitor.trackers.map((tracker) => tracker.basis)).toEqual(['estimate']);
    expect(JSON.stringify(visitor)).not.toContain('fts');
    const visitorTrackers = await get<Tracker[]>('/api/flows/trackers');
    expect(visitorTrackers.flatMap((tracker) => tracker.releases.map((release) => release.format))).toEqual(['kiel']);

    for (const headers of [partner, auditor]) {
      const seen = await get<Totals>('/api/flows/totals', headers);
      expect(seen.trackers.map((tracker) => tracker.basis)).toEqual(['estimate', 'reported']);
      const fts = seen.trackers.find((tracker) => tracker.basis === 'reported');
      expect(fts?.releases).toEqual([
        expect.objectContaining({
          format: 'fts',
          release: null,
          source: expect.objectContaining({ id: 'ocha-fts', title: 'OCHA FTS incoming funding flows' }),
        }),
      ]);
      expect(fts?.totals.every((sum) => sum.category === 'humanitarian')).toBe(true);
      const trackers = await get<Tracker[]>('/api/flows/trackers', headers);
      expect(trackers.map((tracker) => [tracker.basis, tracker.releases.map((release) => release.format)])).toEqual([
        ['estimate', ['kiel']],
        ['reported', ['fts']],
      ]);
    }
    // A filter on the partners' tracker tells the visitor nothing either.
    expect((await get<Totals>('/api/flows/totals?basis=reported')).trackers).toEqual([]);
  });

  it("never adds the trackers' flows into the pipeline's totals", async () => {
    expect((await app.inject({ method: 'GET', url: '/api/summary' })).json()).toEqual(summaryBefore);
  });

  it.each([
    ['from=2023-13', 'from'],
    ['to=2023', 'to'],
    ['from=2024-05&to=2024-01', 'to'],
    ['stage=delivered', 'stage'],
    ['category=air-defence', 'category'],
    ['basis=guess', 'basis'],
    ['currency=GBP', 'currency'],
    ['donor=', 'donor'],
    ['donors=de', 'donors'],
  ])('refuses ?%s with a problem+json 400 naming %s', async (query, field) => {
    const response = await app.inject({ method: 'GET', url: `/api/flows/totals?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'request-invalid', field });
  });

  it('refuses any parameter on the trackers summary, naming it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/flows/trackers?donor=de' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request-invalid', field: 'donor' });
  });
});
