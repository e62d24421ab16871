/**
 * Shared helpers for `npm run bench`: the two engines (a fresh PGlite folder, a fresh schema on the PostgreSQL
 * server), timing and percentiles, time budgets, number formatting and tables.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Table from 'cli-table3';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/index.ts';

export const SERVER_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export type EngineKind = 'pglite' | 'postgres';

export const ENGINE_LABEL: Record<EngineKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL server' };

/** An open, migrated database that belongs to this bench run only, and how to remove it. */
export interface BenchDatabase {
  readonly kind: EngineKind;
  readonly database: Database;
  /** Where it lives: the temporary folder, or `schema @ url`. */
  readonly where: string;
  /** Time to open it, including initdb (PGlite) and migrations. */
  readonly openMs: number;
  /** Closes it and removes the folder or drops the schema. Safe to call twice. */
  cleanup(): Promise<void>;
  /** When interrupted: the same without waiting for statements still running (they are cancelled or abandoned). */
  abort(): Promise<void>;
}

const withTimeout = (work: Promise<unknown>, ms: number): Promise<unknown> =>
  Promise.race([work.catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms).unref())]);

/** Opens PGlite in a new temporary folder (initdb + migrations). */
export async function openFreshPglite(): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tranche-bench-'));
  const started = performance.now();
  let database: Database;
  try {
    database = await openDatabase({ kind: 'pglite', dataDir }, { holder: 'tranche bench' });
  } catch (error) {
    await removeFolder(dataDir);
    throw error;
  }
  const openMs = performance.now() - started;
  let done: Promise<void> | undefined;
  return {
    kind: 'pglite',
    database,
    where: dataDir,
    openMs,
    cleanup: () => {
      done ??= database
        .close()
        .catch(() => {})
        .then(() => removeFolder(dataDir));
      return done;
    },
    // PGlite runs in this process: a statement in flight keeps close() waiting, so give it a moment, then remove.
    abort: async () => {
      await withTimeout(database.close(), 3000);
      await removeFolder(dataDir);
    },
  };
}

async function removeFolder(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.lock`, { recursive: true, force: true });
}

/** Why the server cannot be used, or undefined when it answers. */
export async function serverUnavailable(url = SERVER_URL): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Opens a new schema `bench_<random>` on the server (migrated); cleanup() drops it. */
export async function openFreshServerSchema(url = SERVER_URL): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  // Named, so that an interrupted run can cancel its own statements before dropping the schema.
  const named = new URL(url);
  named.searchParams.set('application_name', schema);
  const config: DatabaseConfig = { kind: 'postgres', url: named.toString(), schema };
  const started = performance.now();
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    await dropSchema(url, schema).catch(() => {});
    throw error;
  }
  const openMs = performance.now() - started;
  let done: Promise<void> | undefined;
  return {
    kind: 'postgres',
    database,
    where: `schema ${schema} @ ${url}`,
    openMs,
    cleanup: () => {
      done ??= database
        .close()
        .catch(() => {})
        .then(() => dropSchema(url, schema));
      return done;
    },
    abort: async () => {
      // Terminating the backends makes the pool's idle clients emit errors: expected here.
      database.pool.on('error', () => {});
      await dropSchema(url, schema, true);
      await withTimeout(database.close(), 3000);
    },
  };
}

async function dropSchema(url: string, schema: string, terminate = false): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    if (terminate) {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        schema,
      ]);
    }
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** The engine's version string, shortened. */
export async function engineVersion(database: Database): Promise<string> {
  const result = await sql<{ version: string }>`SELECT version()`.execute(database.db);
  const text = result.rows[0]?.version ?? '?';
  return text.replace(/ on .*$/, '').replace(/,.*$/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Time

let stopping = false;

/** Makes every later `breathe()` wait forever, so that the main flow stops while an interrupted run cleans up. */
export function stopRequested(): void {
  stopping = true;
}

/**
 * Lets the event loop reach its poll phase. PGlite answers queries through promises alone, so a loop of queries
 * never does otherwise, and a Ctrl-C would wait for the whole part to finish; call this between units of work.
 */
export async function breathe(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (stopping) await new Promise(() => {});
}

/** A point in time after which a loop stops starting new work. */
export class Deadline {
  private readonly end: number;
  constructor(readonly ms: number) {
    this.end = performance.now() + ms;
  }
  get passed(): boolean {
    return performance.now() >= this.end;
  }
  get remainingMs(): number {
    return Math.max(0, this.end - performance.now());
  }
}

/** Nearest-rank percentile of samples (ms). */
function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export interface Latency {
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export function latency(samples: readonly number[]): Latency {
  return {
    runs: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

/** Progress goes to stderr so that stdout holds only the report. */
export function progress(message: string): void {
  process.stderr.write(`  … ${message}\n`);
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function fmtInt(value: number): string {
  return Number.isFinite(value) ? integer.format(value) : '—';
}

export function fmtRate(value: number): string {
  return Number.isFinite(value) ? `${integer.format(value)}/s` : '—';
}

export function fmtMs(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function fmtRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

export function fmtLatency(l: Latency | undefined): string {
  if (!l) return '—';
  return `${fmtMs(l.p50)} / ${fmtMs(l.p95)} / ${fmtMs(l.p99)}`;
}

/** ✓ when the condition holds, ✗ otherwise (— when it could not be measured). */
export function verdict(ok: boolean | undefined): string {
  if (ok === undefined) return '—';
  return ok ? 'ok' : 'MISSED';
}

/** A boxed table; `widths` fixes some columns' widths (null: as wide as the content), wrapping longer text. */
export function table(head: string[], rows: string[][], widths: (number | null)[] = []): string {
  const t = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: widths });
  for (const row of rows) t.push(row);
  return t.toString();
}

export function heading(text: string): void {
  process.stdout.write(`\n${text}\n${'='.repeat(Math.min(text.length, 118))}\n`);
}

export function print(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
