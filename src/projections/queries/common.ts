import type { Db } from '../../db/index.ts';
import { type MoneyJson, minorToDecimal } from '../../domain/money.ts';

/** Totals are offered in either currency the ledger keeps equivalents in. */
export const REPORTING_CURRENCIES = ['EUR', 'USD'] as const;
export type ReportingCurrency = (typeof REPORTING_CURRENCIES)[number];

/** Cents (as PostgreSQL returns bigint/numeric: a string) to money JSON. */
export const cents = (value: string | bigint | null | undefined, currency: ReportingCurrency): MoneyJson => ({
  amount: minorToDecimal(BigInt(value ?? 0), 2),
  currency,
});

/** A share from two exact integers, to six decimal places, for display; the exact parts travel alongside. */
export function share(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 1_000_000n) / whole) / 1_000_000;
}

/** The median of a distribution given as (value, count) pairs sorted by value. */
export function medianOfCounts(rows: readonly { value: number; count: number }[]): number | null {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (total <= 0) return null;
  const lowerRank = Math.floor((total - 1) / 2);
  const upperRank = Math.floor(total / 2);
  let seen = 0;
  let lower: number | null = null;
  for (const row of rows) {
    if (row.count <= 0) continue;
    if (lower === null && seen + row.count > lowerRank) lower = row.value;
    if (seen + row.count > upperRank) return ((lower ?? row.value) + row.value) / 2;
    seen += row.count;
  }
  return lower;
}

/** numeric(30,10) comes back with trailing zeros; money JSON keeps only what the currency needs. */
export function trimDecimal(value: string): string {
  if (!value.includes('.')) return value;
  const [whole, fraction = ''] = value.split('.');
  const kept = fraction.replace(/0+$/, '');
  return kept.length === 0 ? (whole ?? '0') : `${whole}.${kept.length === 1 ? `${kept}0` : kept}`;
}

/** A record's current version (the number of events in its stream), for optimistic concurrency. */
export async function recordVersion(db: Db, streamId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('stream_id', '=', streamId)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
