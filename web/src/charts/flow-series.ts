/**
 * Trackers' flows (GET /api/flows/totals) as what the tables and charts show: one column or series per stage and
 * category that has flows, in the order a flow moves (pledged, committed, allocated, paid; military, financial,
 * humanitarian, total), and one value per month from the first to the last. Pure, so the unit tests check exactly
 * what is drawn.
 */
import { FLOW_CATEGORIES, FLOW_STAGES, type FlowMonthSum, type FlowSum } from '../api/flows.ts';
import { monthsBetween } from './donor-months-series.ts';

/** A stage and a category: one column of a tracker's tables, one series of its charts. */
export interface FlowKey {
  /** `allocated:military` */
  readonly id: string;
  readonly stage: string;
  readonly category: string;
}

const rank = (order: readonly string[], value: string): number => {
  const index = order.indexOf(value);
  return index === -1 ? order.length : index;
};

export const flowKeyId = (sum: Pick<FlowSum, 'stage' | 'category'>): string => `${sum.stage}:${sum.category}`;

/** The stages and categories the sums have, each once, stages first in the order a flow moves through them. */
export function flowKeys(sums: readonly Pick<FlowSum, 'stage' | 'category'>[]): FlowKey[] {
  const keys = new Map<string, FlowKey>();
  for (const sum of sums) keys.set(flowKeyId(sum), { id: flowKeyId(sum), stage: sum.stage, category: sum.category });
  return [...keys.values()].sort(
    (a, b) =>
      rank(FLOW_STAGES, a.stage) - rank(FLOW_STAGES, b.stage) ||
      rank(FLOW_CATEGORIES, a.category) - rank(FLOW_CATEGORIES, b.category) ||
      a.id.localeCompare(b.id),
  );
}

export interface FlowMonthSeries {
  /** YYYY-MM, oldest first, without gaps. */
  readonly months: readonly string[];
  readonly keys: readonly FlowKey[];
  /** Per key id, one amount per month (whole units, for drawing; the exact sums stay in the rows). */
  readonly values: Readonly<Record<string, readonly number[]>>;
}

/** Monthly sums as chart series: every month from the first to the last with flows, months without any as zero. */
export function flowMonthSeries(rows: readonly FlowMonthSum[]): FlowMonthSeries {
  const keys = flowKeys(rows);
  const sorted = rows.map((row) => row.month).sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const months = first && last ? monthsBetween(first, last) : [];
  const position = new Map(months.map((month, index) => [month, index]));
  const values: Record<string, number[]> = Object.fromEntries(keys.map((key) => [key.id, months.map(() => 0)]));
  for (const row of rows) {
    const index = position.get(row.month);
    const series = values[flowKeyId(row)];
    const amount = Number(row.amount.amount);
    if (index === undefined || !series || !Number.isFinite(amount)) continue;
    series[index] = (series[index] ?? 0) + amount;
  }
  return { months, keys, values };
}

/** Colours a canvas can tell apart, each with contrast against white, given to the keys in order. */
const PALETTE = ['#0b5cad', '#d08a00', '#1d7f4e', '#7a4fa3', '#b3261e', '#00727f', '#5d6b7a', '#8a5a00'] as const;

export const flowColour = (index: number): string => PALETTE[index % PALETTE.length] ?? PALETTE[0];
