/**
 * Part 2: the dashboard's summary queries over read models holding a small and a large number of contributions.
 * The read models are filled synthetically (see synthetic.ts); each query is run a number of times and its
 * p50/p95/p99 reported; the large size is compared with the small one.
 */
import type { Database } from '../src/db/index.ts';
import { type DashboardQuery, type ExplainedStatement, explainSlowest } from './dashboard.ts';
import { breathe, type Latency, latency, progress } from './lib.ts';
import { type FillResult, fillReadModels } from './synthetic.ts';

export interface QuerySet {
  readonly title: string;
  readonly queries: readonly DashboardQuery[];
  /** EXPLAIN the statements behind the queries that miss a target at the large size. */
  readonly explain: boolean;
}

export interface SizeResult {
  readonly requested: number;
  readonly fill: FillResult;
  /** By set title, then query name. */
  readonly latencies: ReadonlyMap<string, ReadonlyMap<string, Latency>>;
  /** By query name: the slowest statements behind queries that missed a target at this size. */
  readonly plans: ReadonlyMap<string, ExplainedStatement[]>;
}

export interface ReadModelResult {
  readonly sizes: readonly SizeResult[];
  /** Why the large size was cut down, if it was. */
  readonly note?: string;
}

export interface ReadModelOptions {
  readonly small: number;
  readonly large: number;
  readonly runs: number;
  readonly warmup: number;
  /** Per query and size: stop sampling after this (but after at least `minRuns`). */
  readonly budgetMs: number;
  readonly minRuns: number;
  /** The largest fill time accepted; the large size shrinks to fit if the small fill predicts more. */
  readonly maxFillMs: number;
  /** p95 target in ms for the large size. */
  readonly targetP95Ms: number;
  readonly targetRatio: number;
}

const missed = (
  large: Latency,
  small: Latency | undefined,
  options: Pick<ReadModelOptions, 'targetP95Ms' | 'targetRatio'>,
) => large.p95 > options.targetP95Ms || (small !== undefined && large.p95 > options.targetRatio * small.p95);

/**
 * Samples the queries in turns (run i of every query, then run i + 1 …) so that a burst of other work on the machine
 * hits all of them alike. A query stops after `runs` runs, or once its own time passes `budgetMs` (after at least
 * `minRuns`).
 */
async function sampleRoundRobin(
  database: Database,
  queries: readonly DashboardQuery[],
  options: ReadModelOptions,
): Promise<Map<string, Latency>> {
  const { db } = database;
  // Warm-up: `warmup` runs each, but no more than a second's worth for a slow one (at least one run).
  for (const query of queries) {
    const started = performance.now();
    for (let w = 0; w < options.warmup && (w === 0 || performance.now() - started < 1000); w += 1)
      await query.run(db, w);
  }
  const samples = queries.map(() => [] as number[]);
  const spent = queries.map(() => 0);
  const active = (q: number) => {
    const n = samples[q]?.length ?? 0;
    return n < options.runs && (n < options.minRuns || (spent[q] ?? 0) < options.budgetMs);
  };
  for (let i = 0; queries.some((_, q) => active(q)); i += 1) {
    for (const [q, query] of queries.entries()) {
      if (!active(q)) continue;
      await breathe();
      const started = performance.now();
      await query.run(db, i);
      const ms = performance.now() - started;
      samples[q]?.push(ms);
      spent[q] = (spent[q] ?? 0) + ms;
    }
  }
  return new Map(queries.map((query, q) => [query.name, latency(samples[q] ?? [])]));
}

async function measureSize(
  database: Database,
  n: number,
  sets: readonly QuerySet[],
  options: ReadModelOptions,
  label: string,
  baseline?: SizeResult,
): Promise<SizeResult> {
  const { db } = database;
  const fill = await fillReadModels(db, n, (step) => progress(`${label}: ${step}`));
  const latencies = new Map<string, Map<string, Latency>>();
  for (const set of sets) {
    progress(`${label}: ${set.title}, ${set.queries.length} queries round-robin`);
    latencies.set(set.title, await sampleRoundRobin(database, set.queries, options));
  }
  const plans = new Map<string, ExplainedStatement[]>();
  if (baseline) {
    for (const set of sets.filter((s) => s.explain)) {
      for (const query of set.queries) {
        const large = latencies.get(set.title)?.get(query.name);
        const small = baseline.latencies.get(set.title)?.get(query.name);
        if (large && !query.information && missed(large, small, options)) {
          progress(`${label}: EXPLAIN ${query.name}`);
          plans.set(query.name, await explainSlowest(database.pool, db, query));
        }
      }
    }
  }
  return { requested: n, fill, latencies, plans };
}

export async function benchReadModels(
  database: Database,
  sets: readonly QuerySet[],
  options: ReadModelOptions,
  label: string,
): Promise<ReadModelResult> {
  const small = await measureSize(database, options.small, sets, options, `${label} ${options.small}`);
  // Filling grows roughly linearly with rows: predict the large fill from the small one (pessimistically, since the
  // small one is mostly fixed costs) and shrink the large size when the prediction does not fit this part's time.
  const predicted = (small.fill.ms * options.large) / options.small;
  let large = options.large;
  let note: string | undefined;
  if (predicted > options.maxFillMs) {
    large = Math.max(options.small * 10, Math.floor((options.large * options.maxFillMs) / predicted / 10_000) * 10_000);
    note = `large size cut to ${large} contributions: the small fill predicted ${(predicted / 1000).toFixed(0)} s for ${options.large}`;
  }
  const big = await measureSize(database, large, sets, options, `${label} ${large}`, small);
  return { sizes: [small, big], ...(note ? { note } : {}) };
}
