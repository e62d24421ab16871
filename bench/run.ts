/**
 * `npm run bench`: Tranche's benchmarks in one run, each figure next to a baseline measured in the same process
 * (machines are noisy: ratios, never asserted times). Progress goes to stderr, the report to stdout.
 *
 *   1. ledger appends vs a plain multi-row INSERT of the same rows; pledges through the full use-case path
 *   2. dashboard summary queries over the read models at 10k and 1M contributions
 *   3. cold start of `npm start` to the first served request
 *   4. extraction throughput: articles read and their claims extracted, per second on one core
 *   5. imports: generated Kiel- and FTS-shaped CSVs (200,000 and 1,000,000 rows) through the importer against COPY of
 *      the same file, on both engines
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_QUICK=1 for a smoke run
 * with small sizes, BENCH_ONLY=extraction or imports for part 4 or 5 alone, BENCH_IMPORT_ROWS, BENCH_IMPORT_SHAPES, BENCH_EVENTS / BENCH_LARGE / BENCH_COMMANDS to change sizes.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../src/db/index.ts';
import { benchAppends } from './appends.ts';
import { benchColdStart, type ColdStartResult, liveChildren, liveFolders } from './cold-start.ts';
import { CONFIG, type EngineResult, only, QUERY_SETS, quick } from './config.ts';
import { benchExtraction } from './extraction.ts';
import { benchImports, type ImportBenchResult } from './imports.ts';
import {
  type BenchDatabase,
  ENGINE_LABEL,
  type EngineKind,
  engineVersion,
  errorText,
  fmtInt,
  fmtMs,
  openFreshPglite,
  openFreshServerSchema,
  print,
  progress,
  SERVER_URL,
  serverUnavailable,
  stopRequested,
} from './lib.ts';
import { benchPledges } from './pledges.ts';
import { benchReadModels } from './read-models.ts';
import { printAppends, printColdStart, printEngineNotes, printImports, printReadModels } from './report.ts';

/** What to remove if the run is interrupted. */
const open = new Set<BenchDatabase>();
let interrupting = false;

async function interrupted(signal: NodeJS.Signals): Promise<void> {
  // Ctrl-C reaches npm, tsx and this process, and tsx relays it again: act on the first, ignore the rest.
  if (interrupting) return;
  interrupting = true;
  stopRequested();
  process.stderr.write(`\n${signal}: cleaning up\n`);
  for (const child of liveChildren) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  await Promise.allSettled([
    ...[...open].map((bench) => bench.abort()),
    ...[...liveFolders].map((folder) => rm(folder, { recursive: true, force: true })),
  ]);
  process.exit(130);
}
process.on('SIGINT', (signal) => void interrupted(signal));
process.on('SIGTERM', (signal) => void interrupted(signal));

async function step<T>(result: EngineResult, name: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    result.errors.push(`${name}: ${errorText(error)}`);
    progress(`${ENGINE_LABEL[result.kind]} ${name} failed: ${errorText(error)}`);
    return undefined;
  }
}

/** Whether autovacuum has analysed `events` by now (minutes after part 1 appended to it, never analysed by hand). */
async function autoanalyzeState(database: Database): Promise<string> {
  const result = await sql<{ n: string; last_autoanalyze: Date | null; autovacuum: string }>`
    SELECT n_live_tup::text AS n, last_autoanalyze, current_setting('autovacuum') AS autovacuum
    FROM pg_stat_user_tables WHERE relname = 'events' AND schemaname = current_schema()`.execute(database.db);
  const row = result.rows[0];
  if (!row) return 'no statistics';
  return `events (${fmtInt(Number(row.n))} rows): last_autoanalyze ${row.last_autoanalyze ? new Date(row.last_autoanalyze).toISOString().slice(11, 19) : 'never'} (autovacuum = ${row.autovacuum})`;
}

async function runEngine(kind: EngineKind): Promise<EngineResult> {
  const result: EngineResult = { kind, errors: [] };
  if (kind === 'postgres') {
    const down = await serverUnavailable();
    if (down) {
      result.skipped = `PostgreSQL server at ${SERVER_URL} unreachable (${down}): column skipped`;
      return result;
    }
  }
  progress(`${ENGINE_LABEL[kind]}: opening a fresh database`);
  let bench: BenchDatabase;
  try {
    bench = kind === 'pglite' ? await openFreshPglite() : await openFreshServerSchema();
  } catch (error) {
    result.skipped = `could not open: ${errorText(error)}`;
    return result;
  }
  open.add(bench);
  try {
    const { db } = bench.database;
    result.openMs = bench.openMs;
    result.version = await engineVersion(bench.database);
    progress(`${ENGINE_LABEL[kind]}: ${result.version}, ${bench.where}`);
    result.appends = await step(result, 'appends', () =>
      benchAppends(bench.database, {
        events: CONFIG.events,
        batchSize: CONFIG.batchSize,
        budgetMs: CONFIG.appendBudgetMs,
      }),
    );
    result.pledges = await step(result, 'pledges', () =>
      benchPledges(db, { commands: CONFIG.commands, warmup: CONFIG.commandWarmup, budgetMs: CONFIG.commandBudgetMs }),
    );
    result.readModels = await step(result, 'read models', () =>
      benchReadModels(
        bench.database,
        QUERY_SETS,
        {
          small: CONFIG.small,
          large: CONFIG.large,
          runs: CONFIG.queryRuns,
          warmup: CONFIG.queryWarmup,
          budgetMs: CONFIG.queryBudgetMs,
          minRuns: CONFIG.queryMinRuns,
          maxFillMs: CONFIG.maxFillMs,
          targetP95Ms: CONFIG.targetP95Ms,
          targetRatio: CONFIG.targetRatio,
        },
        ENGINE_LABEL[kind],
      ),
    );
    result.autoanalyze = await step(result, 'autovacuum check', () => autoanalyzeState(bench.database));
  } finally {
    progress(`${ENGINE_LABEL[kind]}: removing ${bench.where}`);
    await bench.cleanup().catch((error) => result.errors.push(`cleanup: ${errorText(error)}`));
    open.delete(bench);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const started = performance.now();
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
print(
  `Tranche benchmarks — ${new Date().toISOString().slice(0, 19)}Z${quick ? ' — QUICK (BENCH_QUICK=1: small sizes)' : ''}`,
);
print(
  `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start ${load()}`,
);
print(
  'Figures vary between runs (other work on the machine): read the ratios, each measured against a baseline in the same process.',
);

if (only === undefined) {
  const results: EngineResult[] = [];
  for (const kind of ['pglite', 'postgres'] as const) results.push(await runEngine(kind));

  printAppends(results);
  printReadModels(results);
  printEngineNotes(results);

  let cold: ColdStartResult | undefined;
  let coldError: string | undefined;
  try {
    cold = await benchColdStart(CONFIG.startTimeoutMs);
  } catch (error) {
    coldError = errorText(error);
  }
  printColdStart(cold, coldError);
}

if (only === undefined || only === 'extraction') benchExtraction(CONFIG.extractionBudgetMs);

if (only === undefined || only === 'imports') {
  const shared = path.resolve(process.env.TRANCHE_SHARED_DATA || '../shared/data');
  const sharedDataDir = existsSync(path.join(shared, 'ecb', 'eurofxref-hist.csv')) ? shared : null;
  const imports: { kind: EngineKind; results?: ImportBenchResult[]; error?: string }[] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const down = kind === 'postgres' ? await serverUnavailable() : undefined;
    if (down) {
      imports.push({ kind, error: `server unreachable (${down})` });
      continue;
    }
    const bench = kind === 'pglite' ? await openFreshPglite() : await openFreshServerSchema();
    open.add(bench);
    try {
      imports.push({
        kind,
        results: await benchImports(
          bench.database,
          CONFIG.importRows,
          CONFIG.importShapes,
          sharedDataDir,
          ENGINE_LABEL[kind],
        ),
      });
    } catch (error) {
      imports.push({ kind, error: errorText(error) });
    } finally {
      await bench.cleanup();
      open.delete(bench);
    }
  }
  printImports(imports);
}

print();
print(`Total ${fmtMs(performance.now() - started)}; load average at end ${load()}.`);
