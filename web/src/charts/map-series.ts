/**
 * What the donor map shades: each donor state's total at one stage (from `by=donor` rows of GET /api/totals), its
 * shade on a scale of equal steps from zero, and the donors whose money the map cannot place — coalitions, which
 * are no one state, and states it does not draw. Pure, for the unit tests.
 */
import type { Money, Organisation, Stage, TotalRow } from '../api/types.ts';
import { numericOf } from './iso-numeric.ts';

/** How many shades the map uses. */
export const MAP_STEPS = 5;

export interface MapState {
  readonly donorId: string;
  /** The shape's id in the atlas (ISO 3166-1 numeric, three digits). */
  readonly numeric: string;
  readonly money: Money;
  readonly value: number;
  /** 0 (lightest) … MAP_STEPS - 1 (darkest). */
  readonly step: number;
}

export interface OffMapDonor {
  readonly donorId: string;
  readonly money: Money;
  readonly reason: 'coalition' | 'not-drawn';
}

export interface MapSeries {
  /** Donor states with money at the stage, largest first. */
  readonly states: readonly MapState[];
  /** Coalitions (any that appear in the rows, even with nothing at this stage) and donors the map cannot draw. */
  readonly offMap: readonly OffMapDonor[];
  /** MAP_STEPS + 1 bounds, from 0: step i covers [bounds[i], bounds[i + 1]). */
  readonly bounds: readonly number[];
}

/**
 * The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at least `raw`: legend steps of 100 M rather
 * than 99.8 M.
 */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) if (factor * power >= raw * (1 - 1e-12)) return factor * power;
  return 10 * power;
}

/** Equal steps from 0 to a round number at or above `max`: the legend's bounds. */
export function quantizeBounds(max: number, steps = MAP_STEPS): number[] {
  const step = niceStep(max / steps);
  return Array.from({ length: steps + 1 }, (_, index) => index * step);
}

/** Which step a value falls in: below bounds[1] is 0, the top bound itself is the last step. */
export function stepOf(value: number, bounds: readonly number[]): number {
  const last = bounds.length - 2;
  for (let index = 0; index < last; index += 1)
    if (value < (bounds[index + 1] ?? Number.POSITIVE_INFINITY)) return index;
  return Math.max(0, last);
}

/**
 * `drawn`: the numeric ids the atlas has shapes for (a state too small for the map, like Malta at 1:110 m, is
 * listed as not drawn instead of vanishing).
 */
export function mapSeries(
  rows: readonly TotalRow[],
  organisations: readonly Organisation[],
  stage: Stage,
  drawn: ReadonlySet<string>,
): MapSeries {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  // One row per donor and stage with `by=donor`; should a donor have several, their sum is shown.
  const amounts = new Map<string, { value: number; money: Money }>();
  for (const row of rows) {
    if (row.donorId === undefined) continue;
    const seen = amounts.get(row.donorId) ?? { value: 0, money: { amount: '0', currency: row.amount.currency } };
    if (row.stage !== stage) {
      amounts.set(row.donorId, seen);
      continue;
    }
    const amount = Number(row.amount.amount);
    const value = seen.value + (Number.isFinite(amount) ? amount : 0);
    const money = seen.value === 0 ? row.amount : { amount: value.toFixed(2), currency: row.amount.currency };
    amounts.set(row.donorId, { value, money });
  }
  const placed: Omit<MapState, 'step'>[] = [];
  const offMap: OffMapDonor[] = [];
  for (const [donorId, { value, money }] of amounts) {
    const organisation = byId.get(donorId);
    if (organisation?.kind === 'coalition') {
      offMap.push({ donorId, money, reason: 'coalition' });
      continue;
    }
    if (!(value > 0)) continue;
    const numeric =
      organisation?.kind === 'state' && organisation.iso3166 ? numericOf(organisation.iso3166) : undefined;
    if (numeric !== undefined && drawn.has(numeric)) placed.push({ donorId, numeric, money, value });
    else offMap.push({ donorId, money, reason: 'not-drawn' });
  }
  const max = Math.max(0, ...placed.map((state) => state.value));
  const bounds = quantizeBounds(max);
  const states = placed
    .map((state) => ({ ...state, step: stepOf(state.value, bounds) }))
    .sort((a, b) => b.value - a.value || a.donorId.localeCompare(b.donorId));
  offMap.sort((a, b) =>
    a.reason === b.reason ? a.donorId.localeCompare(b.donorId) : a.reason === 'coalition' ? -1 : 1,
  );
  return { states, offMap, bounds };
}
