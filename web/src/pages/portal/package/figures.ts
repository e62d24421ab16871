/**
 * Conflicting reported values, side by side: per stage (pledged, committed, paid, delivered), every claim with its
 * source, lowest amount first, the adopted one marked, and the adopted range when one was adopted.
 */
import type { AdoptedFigure, Figure } from '../../../api/packages.ts';
import type { Claim } from '../../../api/types.ts';
import { STAGES } from '../../../api/types.ts';

export interface ReportedValue {
  readonly claim: Claim;
  /** The claim a curator adopted as the figure to show. */
  readonly adopted: boolean;
  /** Its amount lies inside the adopted range (same currency). */
  readonly inRange: boolean;
}

export interface StageFigures {
  readonly stage: string;
  readonly values: readonly ReportedValue[];
  readonly adopted: AdoptedFigure | null;
  /** The adopted figure is a range (low below high), not one value. */
  readonly isRange: boolean;
  /** How many different amounts are reported (a claim without an amount counts as none). */
  readonly distinctValues: number;
  /** Sources disagree: more than one distinct amount is reported. */
  readonly conflicting: boolean;
}

const stageRank = (stage: string): number => {
  const index = (STAGES as readonly string[]).indexOf(stage);
  return index === -1 ? STAGES.length : index;
};

function compareClaims(a: Claim, b: Claim): number {
  if (a.amount === null || b.amount === null) return (a.amount === null ? 1 : 0) - (b.amount === null ? 1 : 0);
  if (a.amount.currency !== b.amount.currency) return a.amount.currency < b.amount.currency ? -1 : 1;
  const difference = Number(a.amount.amount) - Number(b.amount.amount);
  if (difference !== 0) return difference;
  return (a.statedOn ?? '') < (b.statedOn ?? '') ? -1 : (a.statedOn ?? '') > (b.statedOn ?? '') ? 1 : 0;
}

function within(claim: Claim, adopted: AdoptedFigure | null): boolean {
  if (!adopted || !claim.amount || claim.amount.currency !== adopted.low.currency) return false;
  const value = Number(claim.amount.amount);
  return value >= Number(adopted.low.amount) && value <= Number(adopted.high.amount);
}

/** `<amount> <currency>` once per distinct amount; a claim without an amount counts as none. */
const amountKey = (claim: Claim): string | null =>
  claim.amount ? `${Number(claim.amount.amount)} ${claim.amount.currency}` : null;

export function stageFigures(figures: readonly Figure[]): StageFigures[] {
  return [...figures]
    .sort((a, b) => stageRank(a.stage) - stageRank(b.stage) || (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0))
    .map((figure) => {
      const amounts = new Set(figure.claims.map(amountKey).filter((key) => key !== null));
      const adopted = figure.adopted;
      return {
        stage: figure.stage,
        values: [...figure.claims].sort(compareClaims).map((claim) => ({
          claim,
          adopted: adopted?.claimId === claim.id,
          inRange: within(claim, adopted),
        })),
        adopted,
        isRange: adopted !== null && Number(adopted.low.amount) !== Number(adopted.high.amount),
        distinctValues: amounts.size,
        conflicting: amounts.size > 1,
      };
    });
}
