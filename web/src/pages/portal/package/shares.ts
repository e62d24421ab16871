/**
 * Who funded what share of a package. A contribution in the target's own currency is compared with the target as
 * stated (USD 90 M of USD 500 M is 18 %, whatever the exchange rate); one in another currency through both
 * equivalents in the reporting currency.
 */
import type { Contribution, Money } from '../../../api/types.ts';

/** part ÷ whole of two decimal strings; null when the whole is zero or either is not a number. */
export function ratio(part: string, whole: string): number | null {
  const numerator = Number(part);
  const denominator = Number(whole);
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return null;
  return numerator / denominator;
}

export interface ContributionShare {
  readonly contribution: Contribution;
  /** Of the package's target, 0…1 (more when over-funded); null without a target. */
  readonly share: number | null;
  /** The part of the contribution paid, 0…1. */
  readonly paidShare: number | null;
}

export function contributionShares(
  contributions: readonly Contribution[],
  target: Money,
  targetReporting: Money,
): ContributionShare[] {
  return contributions.map((contribution) => ({
    contribution,
    share:
      contribution.amount.currency === target.currency
        ? ratio(contribution.amount.amount, target.amount)
        : contribution.reporting.amount.currency === targetReporting.currency
          ? ratio(contribution.reporting.amount.amount, targetReporting.amount)
          : null,
    paidShare: ratio(contribution.paidAmount.amount, contribution.amount.amount),
  }));
}

export interface Segment {
  readonly id: string;
  readonly donorId: string;
  /** Where it starts and how wide it is, as shares of the whole bar (0…1). */
  readonly start: number;
  readonly width: number;
}

/**
 * The stacked bar of the shares: one segment per contribution still standing (withdrawn ones left out), end to end,
 * cut at the whole bar when the package is over-funded.
 */
export function stackSegments(shares: readonly ContributionShare[]): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const { contribution, share } of shares) {
    if (contribution.status === 'withdrawn' || share === null || share <= 0) continue;
    const width = Math.min(share, 1 - start);
    if (width <= 0) break;
    segments.push({ id: contribution.id, donorId: contribution.donorId, start, width });
    start += width;
  }
  return segments;
}

/** The share of the target that no standing contribution covers (0 when fully funded). */
export function unfundedShare(shares: readonly ContributionShare[]): number {
  const covered = shares
    .filter(({ contribution }) => contribution.status !== 'withdrawn')
    .reduce((sum, { share }) => sum + (share ?? 0), 0);
  const rest = 1 - covered;
  return rest > 1e-9 ? rest : 0;
}
