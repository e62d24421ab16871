import type { Db } from '../db/index.ts';
import type { ReadScope } from '../domain/access.ts';
import type { ClaimStage } from '../domain/claim/claim.ts';
import type { MoneyJson } from '../domain/money.ts';
import { daysApart } from '../domain/source/story.ts';
import {
  type CandidateEvent,
  coalitionsOf,
  contributionsOf,
  type DonorContribution,
  eventsIn,
  packagesFundedBy,
  type SameFactClaim,
  sameFactClaims,
} from '../projections/queries/proposals.ts';

/** A ledger event that a proposed claim could be evidence for. */
export interface Candidate {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly occurredOn: string;
  readonly label: string;
  /** How well it matches, 0…1: the amount first, then how close before the source's date it happened. */
  readonly score: number;
  /** The amount matches (equal, or within 2%: outlets round and convert), or the claim states none and it happened by the source's date. */
  readonly fits: boolean;
}

/** A command the claim implies, prefilled for a person to check and send; Tranche never sends it itself. */
export interface ImpliedRequest {
  readonly method: 'POST';
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface ProposalMatches {
  readonly candidates: Candidate[];
  readonly sameFact: SameFactClaim[];
  readonly implies: ImpliedRequest | null;
}

/** The claim as matching sees it: donors resolved to organisations, the claim stage, the amount in whole units. */
export interface MatchedClaim {
  readonly donorIds: readonly string[];
  readonly unresolved: readonly string[];
  readonly claimStage: ClaimStage;
  readonly amount: MoneyJson | null;
}

const MAX_CANDIDATES = 5;

/** The event types a claim of each stage can be evidence for. */
const EVIDENCE_FOR: Record<ClaimStage, readonly string[]> = {
  pledged: ['ContributionPledged'],
  committed: ['ContributionCommitted'],
  paid: ['ContributionPaid', 'ContributionCommitted'],
  delivered: ['DeliveryReceived'],
};

const CONTRIBUTION_STEP: Readonly<Record<string, string>> = {
  ContributionPledged: 'pledge',
  ContributionCommitted: 'commitment',
  ContributionPaid: 'payment',
};

/** A decimal string as an integer of ten-thousandths, so amounts compare exactly. */
function units(decimal: string): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  return match ? BigInt(`${match[1]}${(match[2] ?? '').padEnd(4, '0').slice(0, 4)}`) : null;
}

/** 1 when the amounts are equal, 0.8 within 2%, 0.4 within 10%, else 0; EUR and USD claims also match equivalents. */
function amountFit(claim: MoneyJson, event: CandidateEvent): number {
  const theirs =
    event.amount?.currency === claim.currency
      ? event.amount.amount
      : claim.currency === 'EUR'
        ? event.eur
        : claim.currency === 'USD'
          ? event.usd
          : null;
  const a = units(claim.amount);
  const b = theirs === null ? null : units(theirs);
  if (a === null || b === null || a <= 0n || b <= 0n) return 0;
  if (a === b) return 1;
  // A ratio for ranking only: nothing computed here is stored or shown as money.
  const ratio = a < b ? Number(a) / Number(b) : Number(b) / Number(a);
  return ratio >= 0.98 ? 0.8 : ratio >= 0.9 ? 0.4 : 0;
}

/** 0.5…1 when it happened on or before the source's date (closer is better), 0.2 after it, 0.5 when undated. */
function dateFit(publishedOn: string | null, occurredOn: string): number {
  if (!publishedOn || !occurredOn) return 0.5;
  if (occurredOn > publishedOn) return 0.2;
  return 1 - Math.min(daysApart(occurredOn, publishedOn), 90) / 180;
}

function score(
  claim: MatchedClaim,
  publishedOn: string | null,
  event: CandidateEvent,
): { score: number; fits: boolean } {
  const date = dateFit(publishedOn, event.occurredOn);
  const preference = claim.claimStage === 'paid' && event.type === 'ContributionCommitted' ? 0.9 : 1;
  if (!claim.amount) {
    return { score: round(date * preference), fits: !publishedOn || event.occurredOn <= publishedOn };
  }
  const amount = amountFit(claim.amount, event);
  return { score: round((0.7 * amount + 0.3 * date) * preference), fits: amount >= 0.8 };
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function label(event: CandidateEvent, contribution: DonorContribution | undefined, packageId: string): string {
  const step = CONTRIBUTION_STEP[event.type];
  if (step && contribution) {
    const amount = event.amount ? `: ${event.amount.amount} ${event.amount.currency}` : '';
    const target = contribution.packageId ? ` for ${contribution.packageId}` : '';
    return `${step} by ${contribution.donorId}${amount}${target}`;
  }
  return `receipt ${event.receiptId ?? '?'} of ${packageId}${event.full ? ' (full)' : ''}`;
}

const same = (a: MoneyJson, b: MoneyJson): boolean => a.currency === b.currency && units(a.amount) === units(b.amount);

/**
 * What the ledger holds about a proposed claim: the events it could be evidence for (best first), the claims of other
 * sources that state the same fact, and — when no event fits — the command it implies.
 */
export async function matchProposal(
  db: Db,
  scope: ReadScope,
  source: { id: string; publishedOn: string | null },
  claim: MatchedClaim,
): Promise<ProposalMatches> {
  if (claim.donorIds.length === 0) return { candidates: [], sameFact: [], implies: null };
  const donors = [...claim.donorIds, ...(await coalitionsOf(db, scope, claim.donorIds))];
  const delivered = claim.claimStage === 'delivered';
  const contributions = delivered ? [] : await contributionsOf(db, scope, donors);
  const packages = delivered ? await packagesFundedBy(db, scope, donors) : [];
  const streams = delivered
    ? packages.map((id) => `package-${id}`)
    : contributions.map((contribution) => `contribution-${contribution.id}`);
  const events = await eventsIn(db, scope, streams, EVIDENCE_FOR[claim.claimStage]);
  const candidates = events
    .map((event) => {
      const contribution = contributions.find((row) => `contribution-${row.id}` === event.streamId);
      const packageId = event.streamId.slice('package-'.length);
      const { eventId, type, streamId, occurredOn } = event;
      return {
        eventId,
        type,
        streamId,
        occurredOn,
        label: label(event, contribution, packageId),
        ...score(claim, source.publishedOn, event),
      };
    })
    .sort((a, b) => Number(b.fits) - Number(a.fits) || b.score - a.score || b.occurredOn.localeCompare(a.occurredOn))
    .slice(0, MAX_CANDIDATES);
  const sameFact =
    claim.unresolved.length === 0
      ? await sameFactClaims(db, scope, {
          sourceId: source.id,
          donorIds: claim.donorIds,
          stage: claim.claimStage,
          amount: claim.amount,
        })
      : [];
  const implies = candidates.some((candidate) => candidate.fits)
    ? null
    : await impliedRequest(db, scope, source, claim, contributions);
  return { candidates, sameFact, implies };
}

/**
 * The step the ledger lacks for this claim, for one donor (or the coalition of exactly its donors) and an amount: a
 * pledge; for a payment, the commitment or payment of that donor's contribution of that amount when one is pledged or
 * committed, else its pledge. Nothing for deliveries: a receipt needs a shipment and lines a sentence does not give.
 */
async function impliedRequest(
  db: Db,
  scope: ReadScope,
  source: { id: string; publishedOn: string | null },
  claim: MatchedClaim,
  contributions: readonly DonorContribution[],
): Promise<ImpliedRequest | null> {
  const amount = claim.amount;
  if (!amount || claim.unresolved.length > 0 || claim.claimStage === 'delivered') return null;
  const donorId =
    claim.donorIds.length === 1 ? claim.donorIds[0] : (await coalitionsOf(db, scope, claim.donorIds, true))[0];
  if (!donorId) return null;
  const facts = {
    basis: 'reported',
    evidence: [source.id],
    ...(source.publishedOn ? { occurredOn: source.publishedOn } : {}),
  };
  if (claim.claimStage !== 'pledged') {
    const open = contributions.find(
      (row) => row.donorId === donorId && row.status !== 'withdrawn' && same(row.amount, amount),
    );
    if (open?.status === 'pledged') {
      return { method: 'POST', path: `/api/contributions/${encodeURIComponent(open.id)}/commit`, body: facts };
    }
    if (open && claim.claimStage === 'paid') {
      return {
        method: 'POST',
        path: `/api/contributions/${encodeURIComponent(open.id)}/payments`,
        body: { amount, ...facts },
      };
    }
    if (open) return null;
  }
  return { method: 'POST', path: '/api/contributions', body: { donorId, amount, ...facts } };
}
