/**
 * The summary queries a dashboard makes, over the read models only, in two sets:
 * - MODULE_QUERIES: the project's query module (src/projections/queries/), the functions /api/summary,
 *   /api/totals, /api/packages and /api/contributions call, for a person of a partner organisation;
 * - SQL_QUERIES: for comparison, the same questions each asked as one aggregate SQL statement (the bench's own),
 *   filtered to what a partner organisation may read.
 * `explainSlowest` captures the SQL a function runs (a logging Kysely over the same pool) and EXPLAINs the slowest.
 */
import { CompiledQuery, Kysely, PostgresDialect, type RawBuilder, sql } from 'kysely';
import type pg from 'pg';
import type { Db, Schema } from '../src/db/index.ts';
import type { ReadScope } from '../src/domain/access.ts';
import { listContributions } from '../src/projections/queries/contributions.ts';
import { listPackages } from '../src/projections/queries/packages.ts';
import { donorSummary, donorTotals, pipelineSummary } from '../src/projections/queries/totals.ts';
import { DONOR_COUNT, donorId } from './synthetic.ts';

/** What a partner organisation's dashboard may read. */
export const VISIBLE = ['public', 'partners'];

/** The reader the module's queries run for: a person of one donor organisation (aggregates: VISIBLE). */
const PARTNER: ReadScope = { all: false, partner: true, organisations: [donorId(0)] };

export interface DashboardQuery {
  readonly name: string;
  /** What it answers, for the table. */
  readonly what: string;
  /** Run number `i` (some rotate through the donors so that not every run reads the same pages). */
  readonly run: (db: Db, i: number) => Promise<unknown>;
  /** Measured for information only: not a dashboard summary, so the targets do not apply (e.g. a full export). */
  readonly information?: boolean;
}

const donorOf = (i: number): string => donorId(i % DONOR_COUNT);

export const MODULE_QUERIES: readonly DashboardQuery[] = [
  {
    name: 'pipelineSummary',
    what: 'totals by stage (EUR), packages by status, median lag (GET /api/summary)',
    run: (db) => pipelineSummary(db, PARTNER, 'EUR'),
  },
  {
    name: 'donorTotals by donor',
    what: 'donor × stage, the donors chart (GET /api/totals?by=donor)',
    run: (db) => donorTotals(db, PARTNER, { currency: 'EUR', by: ['donor'] }),
  },
  {
    name: 'donorTotals by month',
    what: 'month × stage, the months chart (GET /api/totals?by=month)',
    run: (db) => donorTotals(db, PARTNER, { currency: 'EUR', by: ['month'] }),
  },
  {
    name: 'donorTotals by category',
    what: 'category × stage, the categories chart (GET /api/totals?by=category)',
    run: (db) => donorTotals(db, PARTNER, { currency: 'EUR', by: ['category'] }),
  },
  {
    name: 'donorTotals, one donor by month',
    what: "one donor's month × stage chart (GET /api/totals?donor=&by=month)",
    run: (db, i) => donorTotals(db, PARTNER, { currency: 'EUR', donorId: donorOf(i), by: ['month'] }),
  },
  {
    name: 'donorTotals, finest grain (export)',
    what: 'every donor × stage × category × month row, for an export, not a chart (GET /api/totals)',
    run: (db) => donorTotals(db, PARTNER, { currency: 'EUR' }),
    information: true,
  },
  {
    name: 'donorSummary',
    what: "one donor's totals by stage and median lag",
    run: (db, i) => donorSummary(db, PARTNER, donorOf(i), 'EUR'),
  },
  {
    name: 'listPackages',
    what: 'a page of 20 packages (all of them at 10k) with funded / paid / delivered shares and donors (GET /api/packages?limit=20)',
    run: (db) => listPackages(db, PARTNER, { currency: 'EUR', limit: 20 }),
  },
  {
    name: 'listContributions, donor page',
    what: "one donor's newest 50 contributions (GET /api/contributions?donor=&limit=50)",
    run: (db, i) => listContributions(db, PARTNER, { donorId: donorOf(i), currency: 'EUR', limit: 50 }),
  },
];

const visible = sql`${VISIBLE}::text[]`;

const SQL_DEFINITIONS: readonly { name: string; what: string; build: (i: number) => RawBuilder<unknown> }[] = [
  {
    name: 'totals by stage',
    what: 'EUR per stage (rm_donor_totals)',
    build: () => sql`
      SELECT stage, sum(eur)::text AS eur FROM rm_donor_totals
      WHERE visibility = ANY(${visible}) GROUP BY stage`,
  },
  {
    name: 'donor × stage',
    what: 'EUR per donor and stage (rm_donor_totals)',
    build: () => sql`
      SELECT donor_id, stage, sum(eur)::text AS eur FROM rm_donor_totals
      WHERE visibility = ANY(${visible}) GROUP BY donor_id, stage ORDER BY donor_id, stage`,
  },
  {
    name: 'month × stage',
    what: 'EUR per month and stage (rm_donor_totals)',
    build: () => sql`
      SELECT month, stage, sum(eur)::text AS eur FROM rm_donor_totals
      WHERE visibility = ANY(${visible}) GROUP BY month, stage ORDER BY month, stage`,
  },
  {
    name: 'packages by status',
    what: 'count, target, funded/paid/delivered shares (rm_packages)',
    build: () => sql`
      SELECT status, count(*) AS packages, sum(target_eur)::text AS target_eur,
        round(sum(least(pledged_eur, target_eur))::numeric / nullif(sum(target_eur), 0), 4) AS funded_share,
        round(sum(least(paid_eur, target_eur))::numeric / nullif(sum(target_eur), 0), 4) AS paid_share,
        round(sum(target_eur * delivered_num / delivered_den) / nullif(sum(target_eur), 0), 4) AS delivered_share
      FROM rm_packages WHERE visibility = ANY(${visible}) GROUP BY status ORDER BY status`,
  },
  {
    name: 'median lag (all)',
    what: 'median days pledge → delivery, cumulative counts (rm_delivery_lags)',
    build: () => sql`
      WITH counts AS (
        SELECT lag_days, sum(contributions) AS n FROM rm_delivery_lags
        WHERE visibility = ANY(${visible}) GROUP BY lag_days
      ), running AS (
        SELECT lag_days, sum(n) OVER (ORDER BY lag_days) AS upto, sum(n) OVER () AS total FROM counts
      )
      SELECT lag_days FROM running WHERE upto * 2 >= total ORDER BY lag_days LIMIT 1`,
  },
  {
    name: 'median lag (donor)',
    what: "one donor's median lag (rm_delivery_lags primary key)",
    build: (i) => sql`
      WITH counts AS (
        SELECT lag_days, sum(contributions) AS n FROM rm_delivery_lags
        WHERE donor_id = ${donorOf(i)} AND visibility = ANY(${visible}) GROUP BY lag_days
      ), running AS (
        SELECT lag_days, sum(n) OVER (ORDER BY lag_days) AS upto, sum(n) OVER () AS total FROM counts
      )
      SELECT lag_days FROM running WHERE upto * 2 >= total ORDER BY lag_days LIMIT 1`,
  },
  {
    name: 'donor page',
    what: "one donor's latest 50 contributions, ORDER BY pledged_on DESC (donor index)",
    build: (i) => sql`
      SELECT id, package_id, category, status, currency, amount::text, amount_eur, paid_eur, delivered_eur, pledged_on
      FROM rm_contributions
      WHERE donor_id = ${donorOf(i)} AND visibility = ANY(${visible})
      ORDER BY pledged_on DESC LIMIT 50`,
  },
  {
    name: 'donor page, stable order',
    what: 'the same with a tie-breaker (pledged_on DESC, id DESC), as pagination needs',
    build: (i) => sql`
      SELECT id, package_id, category, status, currency, amount::text, amount_eur, paid_eur, delivered_eur, pledged_on
      FROM rm_contributions
      WHERE donor_id = ${donorOf(i)} AND visibility = ANY(${visible})
      ORDER BY pledged_on DESC, id DESC LIMIT 50`,
  },
];

export const SQL_QUERIES: readonly DashboardQuery[] = SQL_DEFINITIONS.map(({ name, what, build }) => ({
  name,
  what,
  run: (db, i) => build(i).execute(db),
}));

export interface ExplainedStatement {
  readonly sql: string;
  /** How long it took in the captured run. */
  readonly ms: number;
  readonly plan: string[];
}

/**
 * Runs the query once through a logging Kysely over the same pool, then EXPLAIN (ANALYZE, BUFFERS) the statements
 * that took at least a quarter of the time (at most `max`), with the same parameters.
 */
export async function explainSlowest(
  pool: pg.Pool,
  db: Db,
  query: DashboardQuery,
  max = 2,
): Promise<ExplainedStatement[]> {
  const captured: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
  // Not destroyed: destroying it would end the pool the bench database still uses.
  const logging = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') {
        captured.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
      }
    },
  });
  await query.run(logging, 7);
  const total = captured.reduce((sum, statement) => sum + statement.ms, 0);
  const slowest = [...captured]
    .sort((a, b) => b.ms - a.ms)
    .filter((statement) => statement.ms >= total / 4)
    .slice(0, max);
  const out: ExplainedStatement[] = [];
  for (const statement of slowest) {
    const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.sql}`, [...statement.parameters]),
    );
    out.push({
      sql: statement.sql.replace(/\s+/g, ' ').trim(),
      ms: statement.ms,
      plan: result.rows.map((row) => row['QUERY PLAN']),
    });
  }
  return out;
}
