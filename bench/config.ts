/** The benchmark's sizes and targets (from the environment), the query sets, and what one engine's run yields. */
import type { AppendResult } from './appends.ts';
import { MODULE_QUERIES, SQL_QUERIES } from './dashboard.ts';
import type { EngineKind } from './lib.ts';
import type { PledgeResult } from './pledges.ts';
import type { QuerySet, ReadModelResult } from './read-models.ts';

export const quick = process.env.BENCH_QUICK === '1';
const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const CONFIG = {
  events: envInt('BENCH_EVENTS', quick ? 3_000 : 20_000),
  batchSize: 1_000,
  appendBudgetMs: 150_000,
  commands: envInt('BENCH_COMMANDS', quick ? 50 : 500),
  commandWarmup: 10,
  commandBudgetMs: 60_000,
  small: 10_000,
  large: envInt('BENCH_LARGE', quick ? 50_000 : 1_000_000),
  queryRuns: 200,
  queryWarmup: 3,
  queryBudgetMs: quick ? 1_000 : 3_000,
  queryMinRuns: 5,
  maxFillMs: 240_000,
  targetP95Ms: 20,
  targetRatio: 2,
  targetAppendRatio: 0.5,
  startTimeoutMs: 120_000,
  extractionBudgetMs: quick ? 500 : 3_000,
  /**
   * Rows of each generated file: the target's million for FTS; 200,000 for Kiel, which misses the target at any size
   * (docs/import-speed.md) and whose million takes many minutes an engine. BENCH_IMPORT_ROWS sets both.
   */
  importRows: {
    fts: envInt('BENCH_IMPORT_ROWS', quick ? 20_000 : 1_000_000),
    kiel: envInt('BENCH_IMPORT_ROWS', quick ? 20_000 : 200_000),
  },
  /** BENCH_IMPORT_SHAPES=fts (or kiel): one file shape only; both by default. */
  importShapes: (process.env.BENCH_IMPORT_SHAPES || 'kiel,fts').split(',').map((shape) => shape.trim()),
};

/** BENCH_ONLY=extraction runs only part 4 (no database); BENCH_ONLY=imports only part 5. */
export const only = process.env.BENCH_ONLY;

export const MODULE_SET = 'src/projections/queries';
export const SQL_SET = 'one aggregate SQL each';
export const QUERY_SETS: readonly QuerySet[] = [
  { title: MODULE_SET, queries: MODULE_QUERIES, explain: true },
  { title: SQL_SET, queries: SQL_QUERIES, explain: false },
];

export interface EngineResult {
  readonly kind: EngineKind;
  version?: string;
  openMs?: number;
  skipped?: string;
  appends?: AppendResult;
  pledges?: PledgeResult;
  readModels?: ReadModelResult;
  autoanalyze?: string;
  errors: string[];
}
