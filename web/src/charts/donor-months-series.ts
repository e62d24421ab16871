/**
 * A donor's totals by month as the series of a bar chart: one series per stage, one value per month from the first
 * month with money to the last, months without any shown as zero so the axis keeps time. Rows of several donors (a
 * donor's coalitions) are added together.
 */
import type { Stage, TotalRow } from '../api/types.ts';

export interface DonorMonthSeries {
  /** YYYY-MM, oldest first, without gaps. */
  readonly months: readonly string[];
  /** Per stage, one amount per month in the rows' currency (whole units, for drawing, not for sums shown as text). */
  readonly values: Readonly<Record<Stage, readonly number[]>>;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Every month from `first` to `last`, both included: `2025-11`, `2026-02` → Nov, Dec, Jan, Feb. */
export function monthsBetween(first: string, last: string): string[] {
  const from = MONTH.exec(first);
  const to = MONTH.exec(last);
  if (!from || !to) return [];
  const months: string[] = [];
  let year = Number(from[1]);
  let month = Number(from[2]);
  const end = Number(to[1]) * 12 + Number(to[2]);
  while (year * 12 + month <= end) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function donorMonthSeries(rows: readonly TotalRow[]): DonorMonthSeries {
  const sums = new Map<string, number>();
  const seen: string[] = [];
  for (const row of rows) {
    if (!row.month || !MONTH.test(row.month)) continue;
    const amount = Number(row.amount.amount);
    if (!Number.isFinite(amount)) continue;
    const key = `${row.month}|${row.stage}`;
    sums.set(key, (sums.get(key) ?? 0) + amount);
    seen.push(row.month);
  }
  const sorted = [...new Set(seen)].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const months = first && last ? monthsBetween(first, last) : [];
  const series = (stage: Stage) => months.map((month) => sums.get(`${month}|${stage}`) ?? 0);
  return {
    months,
    values: {
      pledged: series('pledged'),
      committed: series('committed'),
      paid: series('paid'),
      delivered: series('delivered'),
    },
  };
}
