import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { cents, medianOfCounts, type ReportingCurrency } from './common.ts';
import { visibleMembers } from './scoped-columns.ts';
import { aggregatedFor, organisationVisible } from './visibility.ts';

export const STAGES = ['pledged', 'committed', 'paid', 'delivered'] as const;

export interface PipelineSummary {
  currency: ReportingCurrency;
  totals: Record<(typeof STAGES)[number], MoneyJson>;
  /** Pledged but not yet delivered, and the days from pledge to full delivery (median over contributions). */
  gap: { amount: MoneyJson; medianLagDays: number | null; deliveredContributions: number };
  packagesByStatus: Record<string, number>;
}

/**
 * The overview's figures: totals by stage, the pledge-to-delivery gap and its lag, and packages by status, from the
 * records of the visibilities the reader's aggregates count (aggregateVisibilities).
 */
export async function pipelineSummary(db: Db, scope: ReadScope, currency: ReportingCurrency): Promise<PipelineSummary> {
  const column = currency === 'EUR' ? 'eur' : 'usd';
  const [stages, statuses, lags] = await Promise.all([
    db
      .selectFrom('rm_totals_stage')
      .select(['stage', sql<string>`sum(${sql.ref(column)})::text`.as('total')])
      .where(aggregatedFor(scope, 'visibility'))
      .groupBy('stage')
      .execute(),
    db
      .selectFrom('rm_packages')
      .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
      .where(aggregatedFor(scope, 'visibility'))
      .groupBy('status')
      .execute(),
    db
      .selectFrom('rm_delivery_lags')
      .select(['lag_days', sql<string>`sum(contributions)::text`.as('count')])
      .where(aggregatedFor(scope, 'visibility'))
      .groupBy('lag_days')
      .orderBy('lag_days')
      .execute(),
  ]);
  const total = (stage: string) => BigInt(stages.find((row) => row.stage === stage)?.total ?? '0');
  const counts = lags.map((row) => ({ value: row.lag_days, count: Number(row.count) }));
  return {
    currency,
    totals: {
      pledged: cents(total('pledged'), currency),
      committed: cents(total('committed'), currency),
      paid: cents(total('paid'), currency),
      delivered: cents(total('delivered'), currency),
    },
    gap: {
      amount: cents(total('pledged') - total('delivered'), currency),
      medianLagDays: medianOfCounts(counts),
      deliveredContributions: counts.reduce((sum, row) => sum + row.count, 0),
    },
    packagesByStatus: Object.fromEntries(statuses.map((row) => [row.status, Number(row.count)])),
  };
}

/** The dimensions totals can be grouped by, besides the stage. */
export const TOTALS_DIMENSIONS = ['donor', 'category', 'month'] as const;
export type TotalsDimension = (typeof TOTALS_DIMENSIONS)[number];
export const isTotalsDimension = (value: string): value is TotalsDimension =>
  TOTALS_DIMENSIONS.some((dimension) => dimension === value);

export interface TotalsRow {
  stage: string;
  donorId?: string;
  category?: string;
  month?: string;
  amount: MoneyJson;
}

export interface TotalsFilter {
  currency: ReportingCurrency;
  /** What to group by besides the stage; default all three (the finest grain). */
  by?: readonly TotalsDimension[] | undefined;
  donorId?: string | undefined;
  stage?: string | undefined;
  category?: string | undefined;
  /** Inclusive months, YYYY-MM. */
  from?: string | undefined;
  to?: string | undefined;
}

const COLUMN: Record<TotalsDimension, 'donor_id' | 'category' | 'month'> = {
  donor: 'donor_id',
  category: 'category',
  month: 'month',
};

/** The smallest rollup that holds every dimension asked for or filtered on (see projections/totals.ts). */
function rollupFor(dimensions: ReadonlySet<TotalsDimension>) {
  const has = (...wanted: TotalsDimension[]) => [...dimensions].every((d) => wanted.includes(d));
  if (has()) return 'rm_totals_stage' as const;
  if (has('donor')) return 'rm_totals_donor' as const;
  if (has('month')) return 'rm_totals_month' as const;
  if (has('category')) return 'rm_totals_category' as const;
  if (has('donor', 'month')) return 'rm_totals_donor_month' as const;
  return 'rm_donor_totals' as const;
}

/**
 * Totals by stage and the chosen dimensions (donor, category, month): the rows behind every chart of the overview.
 * Each grouping reads the smallest rollup that has its dimensions, so a chart costs the same at any size; only the
 * visibilities the reader's aggregates count are summed.
 */
export async function donorTotals(db: Db, scope: ReadScope, filter: TotalsFilter): Promise<TotalsRow[]> {
  const by = [...new Set(filter.by ?? TOTALS_DIMENSIONS)];
  const filtered: TotalsDimension[] = [
    ...(filter.donorId ? (['donor'] as const) : []),
    ...(filter.category ? (['category'] as const) : []),
    ...(filter.from || filter.to ? (['month'] as const) : []),
  ];
  const table = rollupFor(new Set([...by, ...filtered]));
  const groups = by.map((dimension) => COLUMN[dimension]);
  const money = filter.currency === 'EUR' ? 'eur' : 'usd';
  const conditions = [
    aggregatedFor(scope, 'visibility'),
    ...(filter.donorId ? [sql`donor_id = ${filter.donorId}`] : []),
    ...(filter.stage ? [sql`stage = ${filter.stage}`] : []),
    ...(filter.category ? [sql`category = ${filter.category}`] : []),
    ...(filter.from ? [sql`month >= ${`${filter.from}-01`}::date`] : []),
    ...(filter.to ? [sql`month <= ${`${filter.to}-01`}::date`] : []),
  ];
  const keys = sql.join([...groups.map((column) => sql.ref(column)), sql.ref('stage')]);
  const order = sql.join([
    ...(['month', 'donor_id', 'category'] as const).filter((c) => groups.includes(c)).map((c) => sql.ref(c)),
    sql.ref('stage'),
  ]);
  const result = await sql<{ stage: string; donor_id?: string; category?: string; month?: string; total: string }>`
    SELECT ${keys}, sum(${sql.ref(money)})::text AS total
    FROM ${sql.table(table)}
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY ${keys}
    HAVING sum(${sql.ref(money)}) <> 0
    ORDER BY ${order}`.execute(db);
  return result.rows.map((row) => ({
    stage: row.stage,
    ...(row.donor_id !== undefined ? { donorId: row.donor_id } : {}),
    ...(row.category !== undefined ? { category: row.category } : {}),
    ...(row.month !== undefined ? { month: String(row.month).slice(0, 7) } : {}),
    amount: cents(row.total, filter.currency),
  }));
}

export interface DonorSummary {
  donorId: string;
  currency: ReportingCurrency;
  totals: Record<(typeof STAGES)[number], MoneyJson>;
  medianLagDays: number | null;
  /** Coalitions the donor belongs to, whose joint contributions it shares in. */
  coalitions: string[];
}

interface SummaryRows {
  readonly stages: readonly { donor_id: string; stage: string; total: string }[];
  readonly lags: readonly { donor_id: string; lag_days: number; count: string }[];
  readonly coalitions: readonly { id: string; members: string[] }[];
}

/**
 * Donors' totals by stage and median days from pledge to delivery: one donor (`donorId`) or every donor, members
 * of a coalition that gave included, in the same three queries either way.
 */
async function summaryRows(
  db: Db,
  scope: ReadScope,
  currency: ReportingCurrency,
  donorId?: string,
): Promise<SummaryRows> {
  const column = currency === 'EUR' ? 'eur' : 'usd';
  let stages = db
    .selectFrom('rm_totals_donor')
    .select(['donor_id', 'stage', sql<string>`sum(${sql.ref(column)})::text`.as('total')])
    .where(aggregatedFor(scope, 'visibility'))
    .groupBy(['donor_id', 'stage']);
  let lags = db
    .selectFrom('rm_delivery_lags')
    .select(['donor_id', 'lag_days', sql<string>`sum(contributions)::text`.as('count')])
    .where(aggregatedFor(scope, 'visibility'))
    .groupBy(['donor_id', 'lag_days'])
    .orderBy('lag_days');
  // The coalitions the reader may see, with the members the reader may see.
  let coalitions = db
    .selectFrom('rm_organisations as o')
    .select(['o.id', visibleMembers(scope, 'o').as('members')])
    .where(sql<boolean>`cardinality(o.members) > 0`)
    .where(organisationVisible(scope, 'o'));
  if (donorId !== undefined) {
    stages = stages.where('donor_id', '=', donorId);
    lags = lags.where('donor_id', '=', donorId);
    coalitions = coalitions.where(sql<boolean>`${donorId} = ANY(o.members)`);
  }
  const [stageRows, lagRows, coalitionRows] = await Promise.all([
    stages.execute(),
    lags.execute(),
    coalitions.orderBy('o.id').execute(),
  ]);
  return { stages: stageRows, lags: lagRows, coalitions: coalitionRows };
}

function summaryOf(donorId: string, rows: SummaryRows, currency: ReportingCurrency): DonorSummary {
  const total = (stage: string) =>
    cents(rows.stages.find((row) => row.donor_id === donorId && row.stage === stage)?.total ?? '0', currency);
  const lags = rows.lags.filter((row) => row.donor_id === donorId);
  return {
    donorId,
    currency,
    totals: {
      pledged: total('pledged'),
      committed: total('committed'),
      paid: total('paid'),
      delivered: total('delivered'),
    },
    medianLagDays: medianOfCounts(lags.map((row) => ({ value: row.lag_days, count: Number(row.count) }))),
    coalitions: rows.coalitions.filter((row) => row.members.includes(donorId)).map((row) => row.id),
  };
}

/** One donor's totals by stage and its median days from pledge to delivery. */
export async function donorSummary(
  db: Db,
  scope: ReadScope,
  donorId: string,
  currency: ReportingCurrency,
): Promise<DonorSummary> {
  return summaryOf(donorId, await summaryRows(db, scope, currency, donorId), currency);
}

/** Every donor's summary (the donors list): each organisation that gave, and each member of a coalition that gave. */
export async function donorSummaries(db: Db, scope: ReadScope, currency: ReportingCurrency): Promise<DonorSummary[]> {
  const rows = await summaryRows(db, scope, currency);
  const gave = new Set(rows.stages.map((row) => row.donor_id));
  const donors = new Set(gave);
  for (const coalition of rows.coalitions) {
    if (gave.has(coalition.id)) for (const member of coalition.members) donors.add(member);
  }
  return [...donors].sort().map((donorId) => summaryOf(donorId, rows, currency));
}
