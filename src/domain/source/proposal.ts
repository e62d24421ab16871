import { conflict, notFound } from '../errors.ts';

/**
 * What the app found out about a claim that extraction proposes from a source's text, before a curator reviews it
 * (accepts it as a claim, or rejects it). A proposal is reviewed once.
 */
export interface ProposalReview {
  /** Extraction proposes this key for the source's text. */
  readonly known: boolean;
  /** The claim that accepted it, when one did. */
  readonly acceptedAs: string | null;
  /** Whether a curator rejected it. */
  readonly rejected: boolean;
}

/** Refuses to review a proposal twice (409) or one the source's text does not give (404). */
export function assertReviewable(key: string, review: ProposalReview): void {
  if (review.acceptedAs !== null) {
    throw conflict('proposal-already-reviewed', `proposal ${key} was accepted as claim "${review.acceptedAs}"`, 'key');
  }
  if (review.rejected) throw conflict('proposal-already-reviewed', `proposal ${key} was rejected`, 'key');
  if (!review.known) throw notFound('proposal-unknown', `the source's text gives no proposal ${key}`, 'key');
}
