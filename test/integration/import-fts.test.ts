/**
 * OCHA FTS incoming funding flows: the real `fts_incoming_funding_global.csv` (../shared/data/fts) through the
 * importer, `tranche import fts` and `POST /api/imports/fts`.
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
import type { Database } from '../../src/db/index.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { type CliResult, inspect as inspectDatabase, runCli } from '../support/cli.ts';
import { isCi } from '../support/env.ts';
import { flowRows } from '../support/flows.ts';
import { signedIn } from '../support/people.ts';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/data');
const FTS = path.join(SHARED, 'fts/fts_incoming_funding_global.csv');
const ECB = path.join(SHARED, 'ecb/eurofxref-hist.csv');
const present = existsSync(FTS) && existsSync(ECB);
if (!present && !isCi()) console.warn(`FTS import suite not run: ${SHARED} is missing (the shared public data)`);

/** The lines (the header is line 1) of the 5 real flows without a source organisation: refused, a flow needs a donor. */
const NO_DONOR = [188, 203, 693, 797, 799];
const NO_DONOR_REASON = 'the source organisation is missing: a flow needs its donor';

/**
 * A small file from the real file's first rows: two good flows (new ids; the second with a line break in its
 * description, so it takes lines 7–8), a flow of no money (no flow, no error), and five wrong rows.
 */
async function writeSamples(dir: string): Promise<{ bad: string; good: string }> {
  const text = await readFile(FTS, 'utf8');
  const [header = [], luxembourg = [], canada = []] = parse(text.split('\n').slice(0, 3).join('\n')) as string[][];
  const row = (base: string[], changes: Record<string, string>) =>
    base.map((cell, index) => changes[header[index] ?? ''] ?? cell);
  const goods = (prefix: string) => [
    row(luxembourg, { id: `${prefix}1` }),
    row(canada, { id: `${prefix}2`, description: 'Two lines:\nthe second' }),
  ];
  const zero = row(luxembourg, { id: '990003', amountUSD: '0', originalAmount: '0' });
  const [first = [], second = []] = goods('99000');
  const bad = [
    first,
    row(luxembourg, { id: '990004', status: 'unknown' }),
    row(luxembourg, { id: '990005', amountUSD: '' }),
    row(luxembourg, { id: '990006', originalCurrency: 'XYZ' }),
    row(luxembourg, { id: '990007', srcOrganization: '', srcOrganizationTypes: '' }),
    second,
    row(luxembourg, { id: '990008', date: '25/02/2021' }),
    zero,
  ];
  const files = { bad: path.join(dir, 'bad.csv'), good: path.join(dir, 'good.csv') };
  await writeFile(files.bad, stringify([header, ...bad]));
  await writeFile(files.good, stringify([header, ...goods('199000'), zero]));
  return files;
}

const BAD_ERRORS = [
  { row: 3, column: 'status', reason: '"unknown" is not one of pledge, commitment, paid' },
  { row: 4, column: 'amountUSD', reason: 'the amount in US dollars is missing' },
  { row: 5, column: 'originalCurrency', reason: '"XYZ" is not an ISO 4217 currency code' },
  { row: 6, column: 'srcOrganization', reason: NO_DONOR_REASON },
  { row: 9, column: 'date', reason: '"25/02/2021" is not a date written YYYY-MM-DD' },
];

describe.runIf(present || isCi())('importing OCHA FTS incoming funding flows', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let dir: string;
  let samples: { bad: string; good: string };
  let auth: Record<string, string> = {};
  const fts = (file: string, options = {}) =>
    importFormat(f.db, 'fts', file).then((format) => runImport(f.deps, f.request, format, file, options));

  beforeAll(async () => {
    if (!present) throw new Error(`the FTS import suite needs ${SHARED} (required under CI=true)`);
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    auth = await signedIn(app, f.deps, 'importer');
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-fts-'));
    samples = await writeSamples(dir);
    // The ECB's real USD rates (the fixture's start in 2025), for the EUR equivalents of 2017–2021 flows.
    const usd = (await readFile(ECB, 'utf8')).split('\n').map((line) => line.split(',').slice(0, 2).join(','));
    await writeFile(path.join(dir, 'ecb.csv'), usd.join('\n'));
    await importEcbRates(f.db, path.join(dir, 'ecb.csv'));
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file with bad rows as a whole, naming each line, column and reason, and writes nothing', async () => {
    const before = await ledgerState(f.db);
    const report = await fts(samples.bad);
    expect(report).toMatchObject({ written: false, refused: true, rowsRead: 8, flows: 2, errorCount: 5 });
    expect(report.errors).toEqual(BAD_ERRORS);
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('refuses the real file by default: 5 of its 1,106 flows name no source organisation', async () => {
    const before = await ledgerState(f.db);
    const report = await fts(FTS);
    expect(report).toMatchObject({ written: false, refused: true, rowsRead: 1106, errorCount: 5 });
    expect(report.errors).toEqual(NO_DONOR.map((row) => ({ row, column: 'srcOrganization', reason: NO_DONOR_REASON })));
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('imports the rest of the real file with skipInvalid: a dry run first, then 1,024 flows and 198 organisations', async () => {
    const before = await ledgerState(f.db);
    const dry = await fts(FTS, { dryRun: true, skipInvalid: true });
    expect(dry).toMatchObject({ dryRun: true, written: false, refused: false, rowsRead: 1106, flows: 1027 });
    expect(dry.newOrganisations).toHaveLength(198);
    expect(await ledgerState(f.db)).toEqual(before);

    const report = await fts(FTS, { skipInvalid: true });
    // 74 rows carry no money (most "Parked"): no flow. 3 ids come twice, on identical rows: one flow each.
    expect(report).toMatchObject({ written: true, rowsRead: 1106, flows: 1027, existingFlows: 3, errorCount: 5 });
    expect([...report.newOrganisations].sort()).toEqual([...dry.newOrganisations].sort());
    const flows = (await flowRows(f.db)).filter((flow) => flow.import_id === report.importId);
    expect({
      flows: flows.length,
      ids: new Set(flows.map((flow) => flow.id)).size,
      twice: flows.filter((flow) => ['fts:207188', 'fts:210819', 'fts:209248'].includes(flow.id)).length,
    }).toEqual({ flows: 1024, ids: 1024, twice: 3 });
    const stages = new Map<string, number>();
    for (const flow of flows) stages.set(flow.stage, (stages.get(flow.stage) ?? 0) + 1);
    expect(Object.fromEntries(stages)).toEqual({ committed: 347, paid: 675, pledged: 2 });
    const kinds = await sql<{ kind: string; n: number }>`
      SELECT kind, count(*)::int AS n FROM rm_organisations WHERE id = ANY(${report.newOrganisations})
      GROUP BY kind ORDER BY kind`.execute(f.db);
    expect(kinds.rows).toEqual([
      { kind: 'international-organisation', n: 37 },
      { kind: 'ngo', n: 86 },
      { kind: 'other', n: 42 },
      { kind: 'state', n: 33 },
    ]);
    const totals = await sql<{ flows: string; usd: string }>`
      SELECT (SELECT sum(flows)::text FROM rm_flow_totals) AS flows, (SELECT sum(usd)::text FROM rm_flow_totals) AS usd`.execute(
      f.db,
    );
    // The totals the events carry add up to the flows the ledger holds, exactly.
    const usd = flows.reduce((sum, flow) => sum + BigInt((flow.amount_usd ?? '0').replace('.', '')), 0n);
    const places = 10n ** 10n;
    expect(totals.rows[0]).toEqual({
      flows: String(flows.length),
      usd: `${usd / places}.${String(usd % places).padStart(10, '0')}`,
    });
  });

  it('records FTS flow 228238 exactly: 500,000 EUR committed by Luxembourg to the ICRC, USD 606,796 at FTS’s 0.824', async () => {
    const flow = (await flowRows(f.db)).find((row) => row.id === 'fts:228238');
    expect(flow).toMatchObject({
      donor_id: 'lu',
      recipient_id: 'fts-international-committee-of-the-red-cross',
      stage: 'committed',
      category: 'humanitarian',
      period: '2021-02-25',
      amount: '500000.0000000000',
      currency: 'EUR',
      amount_eur: '500000.0000000000',
      amount_usd: '606796.0000000000',
      rate_source: 'stated',
      rate_stated: '0.8240000000',
      basis: 'reported',
      source_id: 'ocha-fts',
      origin_file: 'fts_incoming_funding_global.csv',
      origin_row: 2,
      origin_release: null,
    });
    const organisations = await f.db
      .selectFrom('rm_organisations')
      .select(['id', 'kind', 'iso3166', 'name_en', 'name_uk', 'name_ru'])
      .where('id', 'in', ['lu', 'fts-international-committee-of-the-red-cross', 'fts-multiple'])
      .orderBy('id')
      .execute();
    const icrc = 'International Committee of the Red Cross';
    expect(organisations).toEqual([
      {
        id: 'fts-international-committee-of-the-red-cross',
        kind: 'international-organisation',
        iso3166: null,
        name_en: icrc,
        name_uk: icrc,
        name_ru: icrc,
      },
      { id: 'fts-multiple', kind: 'ngo', iso3166: null, name_en: 'Multiple', name_uk: 'Multiple', name_ru: 'Multiple' },
      { id: 'lu', kind: 'state', iso3166: 'LU', name_en: 'Luxembourg', name_uk: 'Люксембург', name_ru: 'Люксембург' },
    ]);
    // 3,000,000 CAD from Canada (the ledger's `ca`): USD as FTS states it, EUR at the ECB's 1.2084 USD of 2021-02-18.
    const canada = (await flowRows(f.db)).find((row) => row.id === 'fts:228103');
    expect(canada).toMatchObject({
      donor_id: 'ca',
      amount: '3000000.0000000000',
      currency: 'CAD',
      amount_usd: '2311248.0000000000',
      amount_eur: '1912651.4400000000',
    });
    const source = await f.db
      .selectFrom('rm_sources')
      .select(['title', 'publisher', 'url'])
      .where('id', '=', 'ocha-fts')
      .executeTakeFirstOrThrow();
    expect(source).toEqual({
      title: 'OCHA FTS incoming funding flows',
      publisher: 'UN OCHA Financial Tracking Service',
      url: 'https://fts.unocha.org/',
    });
  });

  it('creates nothing when the same file is imported again', async () => {
    const before = await ledgerState(f.db);
    expect(await fts(FTS, { skipInvalid: true })).toMatchObject({ alreadyImported: true, written: false });
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('imports the good rows of a bad file with skipInvalid and lists the others', async () => {
    const report = await fts(samples.bad, { skipInvalid: true });
    expect(report).toMatchObject({ written: true, flows: 2, existingFlows: 0, newOrganisations: [], errorCount: 5 });
    expect(report.errors).toEqual(BAD_ERRORS);
    const flows = (await flowRows(f.db))
      .filter((flow) => flow.import_id === report.importId)
      .map(({ id, origin_row, description }) => ({ id, origin_row, description }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(flows).toEqual([
      { id: 'fts:990001', origin_row: 2, description: expect.stringContaining('ICRC') },
      { id: 'fts:990002', origin_row: 7, description: 'Two lines:\nthe second' },
    ]);
  });

  it('over HTTP: refused rows are a 422 with each row, a dry run a 200, an import a 201', async () => {
    const post = async (query: string, file: string) =>
      app.inject({
        method: 'POST',
        url: `/api/imports/fts?${query}`,
        headers: { ...auth, 'content-type': 'text/csv' },
        payload: await readFile(file, 'utf8'),
      });
    const before = await ledgerState(f.db);
    const refused = await post('fileName=bad.csv', samples.bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'import-rows-refused', rowErrors: BAD_ERRORS });
    const dry = await post('dryRun=true', samples.good);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, written: false, rowsRead: 3, flows: 2, errorCount: 0 });
    expect(await ledgerState(f.db)).toEqual(before);
    const created = await post('fileName=good.csv', samples.good);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ written: true, flows: 2, existingFlows: 0, file: 'good.csv' });
    const ids = (await flowRows(f.db)).map((flow) => flow.id).filter((id) => id.startsWith('fts:1990'));
    expect(ids.sort()).toEqual(['fts:1990001', 'fts:1990002']);
  });
});

describe.runIf(present || isCi())('tranche import fts', () => {
  let f: AppFixture;
  let env: NodeJS.ProcessEnv;

  const cli = (line: string): Promise<CliResult> => runCli(line.split(' '), env);

  const inspect = <T>(read: (database: Database) => Promise<T>): Promise<T> => inspectDatabase(f.test, read);

  beforeAll(async () => {
    if (!present) throw new Error(`the FTS import suite needs ${SHARED} (required under CI=true)`);
    f = await openAppFixture();
    const base = { ...process.env, TRANCHE_DEBUG: '', HOST: '', PORT: '' };
    const config = f.test.config;
    if (config.kind === 'pglite') {
      await f.test.database.close();
      env = { ...base, DATABASE_URL: '', TRANCHE_DB_SCHEMA: '', TRANCHE_DATA_DIR: config.dataDir };
    } else {
      env = { ...base, DATABASE_URL: config.url, TRANCHE_DB_SCHEMA: config.schema ?? '' };
    }
  });
  afterAll(async () => {
    await f?.cleanup();
  });

  it('refuses the real file (exit 2, each line on stderr; read in parts, the same), then imports the rest with --skip-invalid, once', {
    timeout: 60_000,
  }, async () => {
    const refused = await cli(`import fts ${FTS} --dry-run`);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('fts_incoming_funding_global.csv: 1,106 rows read, 1,027 flows\n');
    expect(refused.stdout).toContain('dry run: nothing was written');
    for (const row of NO_DONOR) expect(refused.stderr).toContain(`line ${row}, srcOrganization: ${NO_DONOR_REASON}\n`);
    expect(refused.stderr).toContain('5 rows refused: nothing was imported');
    // Read in three parts, a thread each: the same lines, the same counts.
    const parts = await cli(`import fts ${FTS} --dry-run --threads 3`);
    expect(parts).toEqual(refused);
    const wrong = await cli(`import fts ${FTS} --threads 0`);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toBe('error: request-invalid: threads: --threads is a whole number from 1 to 16\n');

    const imported = await cli(`import fts ${FTS} --skip-invalid`);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('3 flows were already recorded (by another import, or earlier in this file)\n');
    expect(imported.stdout).toMatch(/imported as fts-[0-9a-f]{16}-s; 5 rows skipped\n$/);
    expect(await inspect(async ({ db }) => (await flowRows(db)).length)).toBe(1024);

    const again = await cli(`import fts ${FTS} --skip-invalid`);
    expect(again).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/already imported as fts-.*; nothing new\n$/),
    });
  });

  it('says how many flows a later snapshot amends: a pledge of the file, since paid', async () => {
    const [header = [], ...rows] = parse(await readFile(FTS, 'utf8'), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
    const status = header.indexOf('status');
    const pledge = rows.findIndex((row) => row[status] === 'pledge');
    const later = rows.map((row, index) =>
      index === pledge ? row.map((cell, at) => (at === status ? 'paid' : cell)) : row,
    );
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-fts-later-'));
    try {
      const file = path.join(dir, 'fts_later.csv');
      await writeFile(file, stringify([header, ...later]));
      const imported = await cli(`import fts ${file} --skip-invalid`);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain(
        '1 flow amends the version an earlier import recorded (a later status or amount)\n',
      );
      expect(imported.stdout).toContain('1,026 flows were already recorded');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
