/**
 * The bar charts' numbers, from the rows of GET /api/totals: one value per stage for each donor, month or category.
 * Pure (no React, no Chart.js), so the unit tests check exactly what the charts draw.
 */
import type { Stage, TotalRow } from '../api/types.ts';

/** The categories along a chart's axis (ids, months) and, for each stage, one amount per category. */
export interface StageTable {
  readonly keys: readonly string[];
  readonly values: Readonly<Record<Stage, readonly number[]>>;
}

/** Sums the rows' amounts by key and stage; `keys` fixes the order (and may name keys with no rows: zeros). */
function tableOf(rows: readonly TotalRow[], keyOf: (row: TotalRow) => string | undefined, keys: readonly string[]) {
  const index = new Map(keys.map((key, position) => [key, position]));
  const zeros = () => keys.map(() => 0);
  const values: Record<Stage, number[]> = { pledged: zeros(), committed: zeros(), paid: zeros(), delivered: zeros() };
  for (const row of rows) {
    const key = keyOf(row);
    const position = key === undefined ? undefined : index.get(key);
    if (position === undefined) continue;
    const amount = Number(row.amount.amount);
    if (Number.isFinite(amount)) values[row.stage][position] = (values[row.stage][position] ?? 0) + amount;
  }
  return { keys, values };
}

/** Each key's total at `stage`, for ordering. */
function totalsAt(rows: readonly TotalRow[], keyOf: (row: TotalRow) => string | undefined, stage: Stage) {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    const amount = row.stage === stage ? Number(row.amount.amount) : 0;
    totals.set(key, (totals.get(key) ?? 0) + (Number.isFinite(amount) ? amount : 0));
  }
  return totals;
}

/** Keys by their pledged total, largest first; ties (and keys never pledged) by their id. */
function byPledged(rows: readonly TotalRow[], keyOf: (row: TotalRow) => string | undefined): string[] {
  const totals = totalsAt(rows, keyOf, 'pledged');
  return [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
}

/** By donor (`by=donor` rows): donors by what they pledged, largest first. */
export function donorSeries(rows: readonly TotalRow[]): StageTable {
  const keyOf = (row: TotalRow) => row.donorId;
  return tableOf(rows, keyOf, byPledged(rows, keyOf));
}

/** By category (`by=category` rows): categories by what was pledged for them, largest first. */
export function categorySeries(rows: readonly TotalRow[]): StageTable {
  const keyOf = (row: TotalRow) => row.category;
  return tableOf(rows, keyOf, byPledged(rows, keyOf));
}

/** By month (`by=month` rows): every month from the first to the last, those with nothing recorded as zeros. */
export function monthSeries(rows: readonly TotalRow[]): StageTable {
  const months = rows.map((row) => row.month).filter((month): month is string => isMonth(month));
  months.sort();
  const first = months[0];
  const last = months[months.length - 1];
  const keys = first !== undefined && last !== undefined ? monthsBetween(first, last) : [];
  return tableOf(rows, (row) => row.month, keys);
}

const isMonth = (value: string | undefined): value is string => value !== undefined && /^\d{4}-\d{2}$/.test(value);

/** "2025-11", "2026-02" → 2025-11, 2025-12, 2026-01, 2026-02. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * A name short enough for a chart's axis on a phone: without a trailing "(…)", and cut after a word with "…" when
 * still longer than `max` characters. "Norway, Poland and Germany (joint PURL package)" → "Norway, Poland and Germany".
 */
export function axisLabel(name: string, max = 32): string {
  const bare = name.replace(/\s*\([^()]*\)\s*$/, '').trim() || name;
  if (bare.length <= max) return bare;
  const cut = bare.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}
