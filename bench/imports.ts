/**
 * Importing a million rows of a Kiel-shaped CSV (`tranche import kiel`) against PostgreSQL's own `COPY` of the same
 * file into a plain table, in the same run on the same engine; and the importer's peak heap for a file ten times
 * smaller (a fifth), to show that memory does not grow with the file.
 */

import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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

/** `rows` Kiel-shaped rows, each a distinct (donor, year, month); one to four flows a row, like the real file. */
async function writeKielShaped(file: string, rows: number): Promise<void> {
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
    const year = 2000 + Math.floor(slot / 12);
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
  readonly rows: number;
  readonly flows: number;
  readonly bytes: number;
  readonly copyMs: number;
  readonly importMs: number;
  readonly smallRows: number;
  readonly smallPeakHeapMb: number;
  readonly peakHeapMb: number;
}

/** Samples the heap while `work` runs; returns the peak above the heap at the start, in MB. */
async function peakHeap<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 50);
  try {
    const result = await work();
    return { result, peakMb: (Math.max(peak, process.memoryUsage().heapUsed) - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchImports(
  database: Database,
  rows: number,
  ratesFile: string | null,
  label: string,
): Promise<ImportBenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-import-bench-'));
  try {
    const big = path.join(dir, 'data_explorer.csv');
    const small = path.join(dir, 'small', 'data_explorer.csv');
    const smallRows = Math.max(1000, Math.floor(rows / 5));
    progress(`${label}: writing ${rows.toLocaleString('en')} Kiel-shaped rows`);
    await writeKielShaped(big, rows);
    await mkdir(path.dirname(small));
    await writeKielShaped(small, smallRows);
    if (ratesFile) await importEcbRates(database.db, ratesFile);

    const columns = COLUMNS.map(
      (column) => `${column} ${column === 'country' || column === 'iso' ? 'text' : 'numeric'}`,
    );
    await sql.raw(`CREATE TABLE bench_copy (${columns.join(', ')})`).execute(database.db);
    progress(`${label}: COPY of the same file`);
    let started = performance.now();
    await database.copyCsv('bench_copy', COLUMNS, big);
    const copyMs = performance.now() - started;
    await sql`DROP TABLE bench_copy`.execute(database.db);

    let next = 0;
    const deps = {
      db: database.db,
      clock: () => new Date(),
      newId: (prefix: string) => `${prefix}-${(next++).toString(36)}`,
    };
    const request = { principal: operator('bench') };
    progress(`${label}: importing ${smallRows.toLocaleString('en')} rows (memory baseline)`);
    const smallRun = await peakHeap(async () =>
      runImport(deps, request, await importFormat(database.db, 'kiel', small), small),
    );
    progress(`${label}: importing ${rows.toLocaleString('en')} rows`);
    started = performance.now();
    const bigRun = await peakHeap(async () =>
      runImport(deps, request, await importFormat(database.db, 'kiel', big), big),
    );
    const importMs = performance.now() - started;
    if (!bigRun.result.written) throw new Error(`the import wrote nothing: ${bigRun.result.errors[0]?.reason ?? '?'}`);
    return {
      rows,
      flows: bigRun.result.flows,
      bytes: (await stat(big)).size,
      copyMs,
      importMs,
      smallRows,
      smallPeakHeapMb: smallRun.peakMb,
      peakHeapMb: bigRun.peakMb,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
