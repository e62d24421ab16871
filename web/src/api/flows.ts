/**
 * GET /api/flows/trackers and /api/flows/totals: what imported trackers (the Kiel Ukraine Support Tracker, OCHA FTS)
 * estimate or report that donors gave, summed by donor and month, with the releases behind them. These are the
 * trackers' own figures: the portal shows them beside the packages and never adds them into the pipeline's totals.
 */
import type { Currency, Localised, Money } from './types.ts';

export type FlowStage = 'pledged' | 'committed' | 'allocated' | 'paid';
export const FLOW_STAGES: readonly FlowStage[] = ['pledged', 'committed', 'allocated', 'paid'];
export type FlowCategory = 'military' | 'financial' | 'humanitarian' | 'total';
export const FLOW_CATEGORIES: readonly FlowCategory[] = ['military', 'financial', 'humanitarian', 'total'];
export type FlowBasis = 'official' | 'reported' | 'estimate';
export const FLOW_BASES: readonly FlowBasis[] = ['official', 'reported', 'estimate'];

/** The flows of one stage and category: how many, and their amount in the reporting currency. */
export interface FlowSum {
  readonly stage: string;
  readonly category: string;
  readonly flows: number;
  readonly amount: Money;
}

export interface FlowMonthSum extends FlowSum {
  /** YYYY-MM */
  readonly month: string;
}

export interface FlowDonor {
  readonly donorId: string;
  readonly kind: string | null;
  readonly names: Localised | null;
  readonly flows: number;
  readonly totals: readonly FlowSum[];
}

/** One import of a tracker's file, with the source record that cites its release. */
export interface FlowRelease {
  readonly importId: string;
  /** Its figures are the tracker's sums; false for a release a later one supersedes (listed, not counted). */
  readonly current: boolean;
  readonly format: string;
  readonly file: string;
  readonly release: string | null;
  readonly completedOn: string;
  readonly rowsRead: number;
  readonly flows: number;
  readonly skippedRows: number;
  readonly source: {
    readonly id: string;
    readonly title: string;
    readonly publisher: string;
    readonly url: string | null;
    readonly publishedOn: string | null;
    readonly language: string;
  } | null;
}

/** A tracker (its flows of one basis) in short: GET /api/flows/trackers. */
export interface FlowTracker {
  readonly basis: string;
  readonly flows: number;
  readonly donorCount: number;
  readonly period: { readonly from: string; readonly to: string };
  readonly releases: readonly FlowRelease[];
}

export interface FlowTrackerTotals extends FlowTracker {
  readonly totals: readonly FlowSum[];
  readonly donors: readonly FlowDonor[];
  readonly months: readonly FlowMonthSum[];
}

/** GET /api/flows/totals */
export interface FlowTotals {
  readonly currency: Currency;
  readonly trackers: readonly FlowTrackerTotals[];
}

/** How a tracker is named: its current releases' titles (the source records citing them), else their labels or files. */
export function trackerTitle(tracker: Pick<FlowTracker, 'releases'>): string | null {
  const titles = tracker.releases
    .filter((release) => release.current)
    .map((release) => release.source?.title ?? release.release ?? release.file);
  const distinct = [...new Set(titles)];
  return distinct.length === 0 ? null : distinct.join('; ');
}
