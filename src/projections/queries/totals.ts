import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { cents, medianOfCounts, type ReportingCurrency } from './common.ts';

export const STAGES = ['pledged', 'committed', 'paid', 'delivered'] as const;

export interface PipelineSummary {
  currency: ReportingCurrency;
  totals: Record<(typeof STAGES)[number], MoneyJson>;
  /** Pledged but not yet delivered, and the days from pledge to full delivery (median over contributions). */
  gap: { amount: MoneyJson; medianLagDays: number | null; deliveredContributions: number };
  packagesByStatus: Record<string, number>;
}

/** The overview's figures: totals by stage, the pledge-to-delivery gap and its lag, and packages by status. */
export async function pipelineSummary(db: Db, currency: ReportingCurrency): Promise<PipelineSummary> {
  const column = currency === 'EUR' ? 'eur' : 'usd';
  const [stages, statuses, lags] = await Promise.all([
    db
      .selectFrom('rm_donor_totals')
      .select(['stage', sql<string>`sum(${sql.ref(column)})::text`.as('total')])
      .groupBy('stage')
      .execute(),
    db
      .selectFrom('rm_packages')
      .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('rm_delivery_lags')
      .select(['lag_days', sql<string>`sum(contributions)::text`.as('count')])
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

export interface TotalsRow {
  donorId: string;
  stage: string;
  category: string;
  month: string;
  amount: MoneyJson;
}

export interface TotalsFilter {
  currency: ReportingCurrency;
  donorId?: string | undefined;
  stage?: string | undefined;
  category?: string | undefined;
  /** Inclusive months, YYYY-MM. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Donor totals by stage × category × month: the rows behind every chart of the overview. */
export async function donorTotals(db: Db, filter: TotalsFilter): Promise<TotalsRow[]> {
  const column = filter.currency === 'EUR' ? 'eur' : 'usd';
  let query = db
    .selectFrom('rm_donor_totals')
    .select(['donor_id', 'stage', 'category', 'month', sql<string>`sum(${sql.ref(column)})::text`.as('total')])
    .groupBy(['donor_id', 'stage', 'category', 'month'])
    .orderBy('month')
    .orderBy('donor_id')
    .orderBy('stage')
    .orderBy('category');
  if (filter.donorId) query = query.where('donor_id', '=', filter.donorId);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.from) query = query.where('month', '>=', `${filter.from}-01`);
  if (filter.to) query = query.where('month', '<=', `${filter.to}-01`);
  const rows = await query.execute();
  return rows
    .filter((row) => row.total !== '0')
    .map((row) => ({
      donorId: row.donor_id,
      stage: row.stage,
      category: row.category,
      month: row.month.slice(0, 7),
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

/** One donor's totals by stage and its median days from pledge to delivery. */
export async function donorSummary(db: Db, donorId: string, currency: ReportingCurrency): Promise<DonorSummary> {
  const column = currency === 'EUR' ? 'eur' : 'usd';
  const [stages, lags, coalitions] = await Promise.all([
    db
      .selectFrom('rm_donor_totals')
      .select(['stage', sql<string>`sum(${sql.ref(column)})::text`.as('total')])
      .where('donor_id', '=', donorId)
      .groupBy('stage')
      .execute(),
    db
      .selectFrom('rm_delivery_lags')
      .select(['lag_days', sql<string>`sum(contributions)::text`.as('count')])
      .where('donor_id', '=', donorId)
      .groupBy('lag_days')
      .orderBy('lag_days')
      .execute(),
    db
      .selectFrom('rm_organisations')
      .select('id')
      .where(sql<boolean>`${donorId} = ANY(members)`)
      .orderBy('id')
      .execute(),
  ]);
  const total = (stage: string) => cents(stages.find((row) => row.stage === stage)?.total ?? '0', currency);
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
    coalitions: coalitions.map((row) => row.id),
  };
}
