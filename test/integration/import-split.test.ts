/**
 * A file read in parts, a thread each (split.ts), against the same file read by one thread into another ledger: the
 * same report, flows, totals and organisations; errors listed with the file's line numbers; and a cut that falls inside
 * a quoted cell read again by one thread.
 */

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportOptions, runImport } from '../../src/app/imports/engine.ts';
import { importFormat } from '../../src/app/imports/formats.ts';
import { findCuts } from '../../src/app/imports/split.ts';
import { importEcbRates } from '../../src/app/rates.ts';
import type { Db } from '../../src/db/index.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { isCi } from '../support/env.ts';
import { flowRows } from '../support/flows.ts';

const SHARED = path.resolve(import.meta.dirname, '../../../shared/data');
const FTS = path.join(SHARED, 'fts/fts_incoming_funding_global.csv');
const ECB = path.join(SHARED, 'ecb/eurofxref-hist.csv');
const KIEL = path.join(SHARED, 'kiel/data_explorer.csv');
const present = existsSync(FTS) && existsSync(ECB) && existsSync(KIEL);
if (!present && !isCi())
  console.warn(`the import-in-parts suite not run: ${SHARED} is missing (the shared public data)`);

/** The 5 lines of the real file whose flows name no source organisation, spread over its three thirds. */
const NO_DONOR = [188, 203, 693, 797, 799];

/** What a ledger holds of its imports, batches aside: the flows, their totals, the imports, the organisations. */
async function imported(db: Db) {
  const flows = await flowRows(db);
  const rows = async (table: string) =>
    (await sql.raw<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4`).execute(db)).rows;
  return {
    flows: flows.sort((a, b) => a.origin_row - b.origin_row),
    totals: await rows('rm_flow_totals'),
    imports: await rows('rm_imports'),
    organisations: await rows('rm_organisations'),
  };
}

/** The batches an import staged, in order: their numbers and flows. */
async function batches(db: Db, importId: string): Promise<{ batch: number; flows: number }[]> {
  return db
    .selectFrom('flow_batches')
    .select(['batch', 'flows'])
    .where('import_id', '=', importId)
    .orderBy('batch')
    .execute();
}

describe.runIf(present || isCi())('a file read in parts, a thread each', () => {
  let one: AppFixture;
  let parts: AppFixture;
  let dir: string;
  const run = (format: string) => (f: AppFixture, file: string, options: ImportOptions) =>
    importFormat(f.db, format, file).then((read) => runImport(f.deps, f.request, read, file, options));
  const fts = run('fts');
  const kiel = run('kiel');

  beforeAll(async () => {
    if (!present) throw new Error(`the import-in-parts suite needs ${SHARED} (required under CI=true)`);
    [one, parts] = [await openAppFixture(), await openAppFixture()];
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-parts-'));
    // The ECB's real USD rates, for the EUR equivalents of 2017–2021 flows.
    const usd = (await readFile(ECB, 'utf8')).split('\n').map((line) => line.split(',').slice(0, 2).join(','));
    await writeFile(path.join(dir, 'ecb.csv'), usd.join('\n'));
    for (const f of [one, parts]) await importEcbRates(f.db, path.join(dir, 'ecb.csv'));
  });
  afterAll(async () => {
    await one?.cleanup();
    await parts?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses the real file read in three parts naming the lines one thread names, and stages nothing', {
    timeout: 60_000,
  }, async () => {
    const before = await ledgerState(parts.db);
    const [alone, split] = [await fts(one, FTS, { readThreads: 1 }), await fts(parts, FTS, { readThreads: 3 })];
    expect(split.errors.map((error) => error.row)).toEqual(NO_DONOR);
    expect(split).toEqual(alone);
    expect(await ledgerState(parts.db)).toEqual(before);
    expect(await batches(parts.db, split.importId)).toEqual([]);
  });

  it('imports the real file read in three parts as one thread imports it, dry run first: the same flows, totals and organisations', {
    timeout: 60_000,
  }, async () => {
    // Batches of 100 flows: several a part, numbered on from the first part's once every part is read.
    const options = { skipInvalid: true, batchSize: 100 };
    const dry = { ...options, dryRun: true };
    expect(await fts(parts, FTS, { ...dry, readThreads: 3 })).toEqual(await fts(one, FTS, { ...dry, readThreads: 1 }));
    const alone = await fts(one, FTS, { ...options, readThreads: 1 });
    const split = await fts(parts, FTS, { ...options, readThreads: 3 });
    expect(split).toEqual(alone);
    expect(split).toMatchObject({ written: true, rowsRead: 1106, flows: 1027, existingFlows: 3, errorCount: 5 });
    expect(await imported(parts.db)).toEqual(await imported(one.db));
    // Numbered 0, 1, 2…; each part ends in a batch of fewer flows, where one thread fills every batch but its last.
    const staged = await batches(parts.db, split.importId);
    expect(staged.map((one) => one.batch)).toEqual(staged.map((_, index) => index));
    expect(staged.slice(0, -1).filter((one) => one.flows < 100)).toHaveLength(2);
    expect((await batches(one.db, alone.importId)).slice(0, -1).every((one) => one.flows >= 100)).toBe(true);
  });

  it('reads a file whose cut falls inside a quoted cell again in one thread, with the same result', {
    timeout: 60_000,
  }, async () => {
    const text = await readFile(FTS, 'utf8');
    const [header = [], ...rows] = parse(text.split('\n').slice(0, 40).join('\n')) as string[][];
    const at = header.indexOf('description');
    const id = header.indexOf('id');
    // A description of many lines, long enough to hold the middle of the file.
    const long = Array.from({ length: 400 }, (_, index) => `line ${index} of a long description`).join('\n');
    const edited = rows.map((row, index) =>
      row.map((cell, column) => (column === id ? `77${index}` : column === at && index === 20 ? long : cell)),
    );
    const file = path.join(dir, 'long-description.csv');
    const written = stringify([header, ...edited]);
    await writeFile(file, written);
    const bytes = Buffer.from(written);
    const cuts = await findCuts(file, bytes.length, 2);
    const start = bytes.indexOf('line 0 of a long description');
    const cut = cuts?.parts[0]?.start ?? 0;
    expect(cut > start && cut < bytes.indexOf('line 399 of a long description')).toBe(true);

    const alone = await fts(one, file, { readThreads: 1 });
    const split = await fts(parts, file, { readThreads: 2 });
    expect(split).toEqual(alone);
    expect(split).toMatchObject({ written: true, rowsRead: rows.length });
    expect(await imported(parts.db)).toEqual(await imported(one.db));
  });

  it('imports the real Kiel file read in three parts as one thread imports it, its release beside it', {
    timeout: 60_000,
  }, async () => {
    const options = { batchSize: 500 };
    const alone = await kiel(one, KIEL, { ...options, readThreads: 1 });
    const split = await kiel(parts, KIEL, { ...options, readThreads: 3 });
    expect(split).toEqual(alone);
    expect(split).toMatchObject({ written: true, refused: false });
    expect(await imported(parts.db)).toEqual(await imported(one.db));
    const staged = await batches(parts.db, split.importId);
    expect(staged.map((one) => one.batch)).toEqual(staged.map((_, index) => index));
    expect(staged.length).toBeGreaterThan((await batches(one.db, alone.importId)).length);
  });
});
