/**
 * Importing a generated Kiel- or FTS-shaped CSV (`tranche import kiel | fts`) against PostgreSQL's own `COPY` of the
 * same file into a plain table, in the same run on the same engine. Beside it, what bounds the ratio: a dry run of the
 * file (the reading alone), and the rows the import writes in `rm_flow_totals` written alone (the read model alone).
 * And the importer's memory for a file five times smaller, the whole file, and the file again as a later snapshot, to
 * show that memory does not grow with the file.
 */

import { createWriteStream } from 'node:fs';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import countries from 'i18n-iso-countries';
import { sql } from 'kysely';
import { runImport } from '../src/app/imports/engine.ts';
import { importFormat } from '../src/app/imports/formats.ts';
import { importEcbRates } from '../src/app/rates.ts';
import type { Database } from '../src/db/index.ts';
import { operator } from '../src/domain/access.ts';
import { progress } from './lib.ts';

const HEADER = 'country,iso,year,month,total,financial,humanitarian,military,commitments,to_be_allocated,gdp,pct_gdp';
const COLUMNS = HEADER.split(',');

/**
 * `rows` Kiel-shaped rows from `firstYear` on, each a distinct (donor, year, month); one to four flows a row, like the
 * real file. Files with other first years share no row.
 */
async function writeKielShaped(file: string, rows: number, firstYear: number): Promise<void> {
  const codes = Object.keys(countries.getAlpha3Codes());
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(`${HEADER}\n`);
  let seed = 1;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const amount = () => (random() < 0.4 ? '0' : (random() * 2).toFixed(6));
  for (let index = 0; index < rows; index += 1) {
    const code = codes[index % codes.length] ?? 'DEU';
    const slot = Math.floor(index / codes.length);
    const year = firstYear + Math.floor(slot / 12);
    const month = (slot % 12) + 1;
    const military = (random() * 3).toFixed(6);
    const financial = amount();
    const humanitarian = amount();
    const total = (Number(military) + Number(financial) + Number(humanitarian)).toFixed(6);
    await write(
      `"Country ${code}","${code}",${year},${month},${total},${financial},${humanitarian},${military},${amount()},0,1000,0.1\n`,
    );
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export interface ImportBenchResult {
  readonly format: string;
  readonly rows: number;
  readonly flows: number;
  readonly bytes: number;
  /** COPY of the file before the timed import, and after it. */
  readonly copyMs: number;
  readonly copyAfterMs: number;
  readonly importMs: number;
  /** A dry run of the same file just before it: every row read and checked, nothing written. */
  readonly dryRunMs: number;
  /** The rows the timed import added to rm_flow_totals or changed, and the time to write them alone into an empty copy. */
  readonly totalsRows: number;
  readonly totalsWriteMs: number;
  readonly smallRows: number;
  /** Memory held after a collection, at most, importing a fifth of the rows and all of them (MB). */
  readonly smallLiveMb: number;
  readonly liveMb: number;
  /** The same, importing the file again as a new snapshot: every row held, compared with its recorded version. */
  readonly snapshotLiveMb: number;
  /** That import's time, with its collections (not comparable with importMs). */
  readonly snapshotMs: number;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** What the process holds after a full garbage collection: the JS heap and the buffers outside it, in bytes. */
function liveBytes(): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/**
 * Runs an import and measures the memory it holds: after a full collection at every tenth of the file, every second
 * (the recording transaction reports no progress) and at the end, the most held above what was held before it
 * started, in MB. A sampled peak would mostly show when the collector last ran; memory held after a collection is
 * what grows when an importer keeps what it has read.
 */
async function liveMemory<T>(
  work: (onProgress: (progress: { bytes: number; total: number }) => void) => Promise<T>,
): Promise<{ result: T; liveMb: number }> {
  const start = liveBytes();
  let most = 0;
  let nextTenth = 1;
  const sample = () => {
    most = Math.max(most, liveBytes() - start);
  };
  const timer = setInterval(sample, 1000);
  try {
    const result = await work(({ bytes, total }) => {
      if (bytes < (total * nextTenth) / 10) return;
      nextTenth = Math.floor((bytes / total) * 10) + 1;
      sample();
    });
    return { result, liveMb: Math.max(most, liveBytes() - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** A file shape: how to write `rows` rows of it (files with other `variant`s share no row) and COPY's table. */
interface Shape {
  readonly format: 'kiel' | 'fts';
  readonly file: string;
  write(file: string, rows: number, variant: number): Promise<void>;
  /** The file's columns and their types in the COPY baseline's table. */
  readonly columns: readonly (readonly [string, string])[];
}

const KIEL_SHAPE: Shape = {
  format: 'kiel',
  file: 'data_explorer.csv',
  write: (file, rows, variant) => writeKielShaped(file, rows, 1000 * (variant + 1)),
  columns: COLUMNS.map((column) => [column, column === 'country' || column === 'iso' ? 'text' : 'numeric'] as const),
};

const FTS_NUMERIC = new Set(['amountUSD', 'originalAmount', 'exchangeRate']);

/** An FTS-shaped file from the real file's rows: see writeFtsShaped. */
async function ftsShape(sharedDataDir: string): Promise<Shape> {
  const [header = [], ...templates] = parse(
    await readFile(path.join(sharedDataDir, 'fts', 'fts_incoming_funding_global.csv'), 'utf8'),
    { bom: true, relax_column_count: true },
  ) as string[][];
  const at = (name: string) => header.indexOf(name);
  // Rows the import records: a donor, money, and a status it reads (the HXL row and the rest are left out).
  const usable = templates.filter(
    (row) =>
      (row[at('srcOrganization')] ?? '') !== '' &&
      ['pledge', 'commitment', 'paid'].includes(row[at('status')] ?? '') &&
      Number(row[at('amountUSD')]) > 0,
  );
  return {
    format: 'fts',
    file: 'fts.csv',
    write: (file, rows, variant) => writeFtsShaped(file, rows, variant, header, usable),
    columns: header.map((name) => [name, FTS_NUMERIC.has(name) ? 'numeric' : 'text'] as const),
  };
}

/**
 * `rows` FTS flows: the real file's usable rows again and again, each time with new ids and moved on a month, over
 * ten years; so about fourteen flows share a donor's month and stage, as in the live FTS database.
 */
async function writeFtsShaped(
  file: string,
  rows: number,
  variant: number,
  header: readonly string[],
  templates: readonly string[][],
): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  const id = header.indexOf('id');
  const date = header.indexOf('date');
  await write(stringify([header]));
  let block: string[][] = [];
  for (let index = 0; index < rows; index += 1) {
    const row = [...(templates[index % templates.length] ?? [])];
    const shift = Math.floor(index / templates.length) % 120;
    row[id] = String(10_000_000 * (variant + 1) + index);
    const [year = 2021, month = 1, day = 1] = (row[date] ?? '2021-01-01').split('-').map(Number);
    const moved = new Date(Date.UTC(year, month - 1 + shift, Math.min(day, 28)));
    row[date] = moved.toISOString().slice(0, 10);
    block.push(row);
    if (block.length === 1000) {
      await write(stringify(block));
      block = [];
    }
  }
  await write(stringify(block));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * The least an import that keeps `rm_flow_totals` must do: write the rows it adds there or changes. Those rows (the
 * table's rows that `bench_totals_before`, a copy taken before the import, lacks) are written again, alone, into an
 * empty table of its columns and primary key and timed; COPY's time over that is the highest ratio such an import
 * could reach. A Kiel-shaped row is a donor's month no other row gives, so each of its flows adds a row of its own.
 */
async function writeTotalsAlone(database: Database): Promise<{ rows: number; ms: number }> {
  const db = database.db;
  await sql`CREATE TABLE bench_totals_new AS SELECT * FROM rm_flow_totals EXCEPT ALL SELECT * FROM bench_totals_before`.execute(
    db,
  );
  await sql`CREATE TABLE bench_totals_alone (LIKE rm_flow_totals INCLUDING ALL)`.execute(db);
  const started = performance.now();
  const { numAffectedRows } = await sql`INSERT INTO bench_totals_alone SELECT * FROM bench_totals_new`.execute(db);
  const ms = performance.now() - started;
  await sql`DROP TABLE bench_totals_before, bench_totals_new, bench_totals_alone`.execute(db);
  return { rows: Number(numAffectedRows ?? 0), ms };
}

/** Benchmarks the `shapes` named (kiel, fts); the FTS shape needs the shared data's FTS file. */
export async function benchImports(
  database: Database,
  rows: Readonly<Record<Shape['format'], number>>,
  shapes: readonly string[],
  sharedDataDir: string | null,
  label: string,
): Promise<ImportBenchResult[]> {
  if (sharedDataDir) await importEcbRates(database.db, path.join(sharedDataDir, 'ecb', 'eurofxref-hist.csv'));
  const known = [KIEL_SHAPE, ...(sharedDataDir ? [await ftsShape(sharedDataDir)] : [])];
  for (const shape of shapes)
    if (!known.some((candidate) => candidate.format === shape))
      throw new Error(
        `BENCH_IMPORT_SHAPES: "${shape}" is not a shape this run can write (kiel, or fts with the shared data)`,
      );
  const results: ImportBenchResult[] = [];
  for (const shape of known.filter((candidate) => shapes.includes(candidate.format)))
    results.push(await benchShape(database, shape, rows[shape.format], `${label}, ${shape.format}`));
  return results;
}

async function benchShape(database: Database, shape: Shape, rows: number, label: string): Promise<ImportBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-import-bench-'));
  try {
    const big = path.join(dir, 'big', shape.file);
    const small = path.join(dir, 'small', shape.file);
    const again = path.join(dir, 'again', shape.file);
    const smallRows = Math.max(1000, Math.floor(rows / 5));
    progress(`${label}: writing ${rows.toLocaleString('en')} rows`);
    for (const file of [big, small, again]) await mkdir(path.dirname(file));
    await shape.write(big, rows, 1);
    await shape.write(small, smallRows, 0);
    await shape.write(again, rows, 2);

    // COPY before the timed import and again after it: these machines speed up and slow down over minutes, and the
    // ratio is taken against the mean of the two.
    const copy = async () => {
      const columns = shape.columns.map(([name, type]) => `"${name}" ${type}`);
      await sql.raw(`CREATE TABLE bench_copy (${columns.join(', ')})`).execute(database.db);
      const begun = performance.now();
      await database.copyCsv(
        'bench_copy',
        shape.columns.map(([name]) => `"${name}"`),
        big,
      );
      const ms = performance.now() - begun;
      await sql`DROP TABLE bench_copy`.execute(database.db);
      return ms;
    };
    progress(`${label}: COPY of the same file`);
    const copyMs = await copy();

    let next = 0;
    const deps = {
      db: database.db,
      clock: () => new Date(),
      newId: (prefix: string) => `${prefix}-${shape.format}-${(next++).toString(36)}`,
    };
    const request = { principal: operator('bench') };
    // FTS rows whose organisation type is unknown are listed, not imported: the same rule as for the real file.
    const skipInvalid = shape.format === 'fts';
    progress(`${label}: importing ${smallRows.toLocaleString('en')} rows (memory baseline)`);
    const smallRun = await liveMemory(async (onProgress) =>
      runImport(deps, request, await importFormat(database.db, shape.format, small), small, {
        onProgress,
        skipInvalid,
      }),
    );
    // The reading alone: a dry run reads and checks every row, as the import does, and writes nothing.
    progress(`${label}: a dry run of ${rows.toLocaleString('en')} rows`);
    let started = performance.now();
    await runImport(deps, request, await importFormat(database.db, shape.format, big), big, {
      skipInvalid,
      dryRun: true,
    });
    const dryRunMs = performance.now() - started;
    await sql`CREATE TABLE bench_totals_before AS SELECT * FROM rm_flow_totals`.execute(database.db);
    progress(`${label}: importing ${rows.toLocaleString('en')} rows`);
    started = performance.now();
    const timed = await runImport(deps, request, await importFormat(database.db, shape.format, big), big, {
      skipInvalid,
    });
    const importMs = performance.now() - started;
    if (!timed.written) throw new Error(`the import wrote nothing: ${timed.errors[0]?.reason ?? '?'}`);
    progress(`${label}: the rows the import wrote in rm_flow_totals, written alone`);
    const totals = await writeTotalsAlone(database);
    progress(`${label}: COPY of the same file again`);
    const copyAfterMs = await copy();
    // As many other rows, for the memory: a timed run is not slowed by collections.
    progress(`${label}: importing ${rows.toLocaleString('en')} other rows (memory)`);
    const bigRun = await liveMemory(async (onProgress) =>
      runImport(deps, request, await importFormat(database.db, shape.format, again), again, {
        onProgress,
        skipInvalid,
      }),
    );
    // The big file again as a later snapshot (a blank line more, so another file): every row is held.
    const snapshot = path.join(dir, 'snapshot', shape.file);
    await mkdir(path.dirname(snapshot));
    await copyFile(big, snapshot);
    await appendFile(snapshot, '\n');
    progress(`${label}: importing the ${rows.toLocaleString('en')} rows again as a later snapshot (memory)`);
    started = performance.now();
    const snapshotRun = await liveMemory(async (onProgress) =>
      runImport(deps, request, await importFormat(database.db, shape.format, snapshot), snapshot, {
        onProgress,
        skipInvalid,
      }),
    );
    const snapshotMs = performance.now() - started;
    if (snapshotRun.result.existingFlows !== timed.flows)
      throw new Error(`the snapshot found ${snapshotRun.result.existingFlows} of ${timed.flows} flows held`);
    return {
      format: shape.format,
      rows,
      flows: timed.flows,
      bytes: (await stat(big)).size,
      copyMs,
      copyAfterMs,
      importMs,
      dryRunMs,
      totalsRows: totals.rows,
      totalsWriteMs: totals.ms,
      smallRows,
      smallLiveMb: smallRun.liveMb,
      liveMb: bigRun.liveMb,
      snapshotLiveMb: snapshotRun.liveMb,
      snapshotMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
