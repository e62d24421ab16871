import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../db/index.ts';
import { FULL_SCOPE, type ReadScope } from '../domain/access.ts';
import { type ClaimCommand, type ClaimStage, type ClaimSubject, claimDecider } from '../domain/claim/claim.ts';
import { LANGUAGES, type Language } from '../domain/facts.ts';
import type { MoneyJson } from '../domain/money.ts';
import type { ProposalReview } from '../domain/source/proposal.ts';
import { type SourceCommand, type SourceState, sourceDecider } from '../domain/source/source.ts';
import { type ExtractStage, extractClaims } from '../ingest/extract/index.ts';
import { findEvent } from '../ledger/read.ts';
import {
  organisationsByCode,
  type ProposalReviews,
  proposalReviews,
  type SameFactClaim,
} from '../projections/queries/proposals.ts';
import { sourceVisible } from '../projections/queries/visibility.ts';
import { type CommandTx, existingStreams, loadState, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import { type Candidate, type ImpliedRequest, matchProposal } from './proposal-matches.ts';
import type { acceptProposalSchema, rejectProposalSchema } from './schemas.ts';

/** A claim that extraction proposes from a source's text, before a curator reviews it. */
export interface Proposal {
  /** Stable while the text and the extraction are: the first 16 hex digits of sha256 over where and what it is. */
  readonly key: string;
  /** ISO 3166-1 alpha-2 codes, or `EU`. */
  readonly donors: string[];
  readonly stage: ExtractStage;
  /** The stage of the claim it would become: pledged → pledged, funded → paid, delivered → delivered. */
  readonly claimStage: ClaimStage;
  readonly amount: MoneyJson | null;
  readonly mechanism: 'PURL' | null;
  /** The sentence, and where it sits in the source's text. */
  readonly evidence: string;
  readonly span: { readonly start: number; readonly end: number };
}

const CLAIM_STAGE: Record<ExtractStage, ClaimStage> = { pledged: 'pledged', funded: 'paid', delivered: 'delivered' };

/** The proposal's key: sha256 over the sentence's start in the text, the donors, the stage and the amount. */
function proposalKey(start: number, donors: readonly string[], stage: string, amount: MoneyJson | null): string {
  const what = JSON.stringify([start, [...donors].sort(), stage, amount ? [amount.amount, amount.currency] : null]);
  return createHash('sha256').update(what).digest('hex').slice(0, 16);
}

/** The claims extraction proposes from a text, each once. */
function extractProposals(text: string, language: Language): Proposal[] {
  const seen = new Set<string>();
  return extractClaims(text, language).flatMap((claim) => {
    const amount = claim.amount
      ? { amount: BigInt(Math.round(claim.amount.value)).toString(), currency: claim.amount.currency }
      : null;
    const key = proposalKey(claim.span.start, claim.donors, claim.stage, amount);
    if (seen.has(key)) return [];
    seen.add(key);
    const { donors, stage, mechanism, evidence, span } = claim;
    return [{ key, donors, stage, claimStage: CLAIM_STAGE[stage], amount, mechanism, evidence, span }];
  });
}

export interface ProposalView extends Proposal {
  /** The organisations that carry the donor codes; codes no organisation carries are `unresolved`. */
  donorIds: string[];
  unresolved: string[];
  status: 'open' | 'accepted' | 'rejected';
  /** The claim it was accepted as. */
  claimId: string | null;
  /** Why it was rejected, when a reason was given. */
  reason: string | null;
  candidates: Candidate[];
  /** Claims of other sources that state the same fact: same donors, stage and amount. */
  sameFact: SameFactClaim[];
  implies: ImpliedRequest | null;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The claim a proposal was accepted as: the one carrying its key, or a claim of the same source typed in by hand that
 * quotes the same sentence with the same stage and donors (so the fact is not claimed twice from one source).
 */
function acceptedClaim(proposal: Proposal, donorIds: readonly string[], reviews: ProposalReviews): string | null {
  const keyed = reviews.accepted.get(proposal.key);
  if (keyed) return keyed;
  const sameDonors = (ids: readonly string[]) =>
    ids.length === donorIds.length && ids.every((id) => donorIds.includes(id));
  const typed = reviews.typedIn.find(
    (claim) =>
      claim.stage === proposal.claimStage &&
      sameDonors(claim.donorIds) &&
      squash(claim.sentence) === squash(proposal.evidence),
  );
  return typed?.id ?? null;
}

const languageOf = (value: string): Language => LANGUAGES.find((language) => language === value) ?? 'en';

/**
 * The proposals for a recorded source's text, with their review and what the ledger holds about each, as far as the
 * reader may see it; undefined when there is no such source, or the reader may not see it.
 */
export async function listProposals(db: Db, scope: ReadScope, sourceId: string): Promise<ProposalView[] | undefined> {
  const source = await db
    .selectFrom('rm_sources as s')
    .select(['s.body', 's.language', 's.published_on'])
    .where('s.id', '=', sourceId)
    .where(sourceVisible(scope, 's'))
    .executeTakeFirst();
  if (!source) return undefined;
  const proposals = extractProposals(source.body, languageOf(source.language));
  const [reviews, codes] = await Promise.all([
    proposalReviews(db, scope, sourceId),
    organisationsByCode(
      db,
      scope,
      proposals.flatMap((proposal) => proposal.donors),
    ),
  ]);
  const views: ProposalView[] = [];
  for (const proposal of proposals) {
    const donorIds = proposal.donors.flatMap((code) => codes.get(code.toUpperCase()) ?? []);
    const unresolved = proposal.donors.filter((code) => !codes.has(code.toUpperCase()));
    const claimId = acceptedClaim(proposal, donorIds, reviews);
    const rejected = reviews.rejected.has(proposal.key);
    const matches = await matchProposal(
      db,
      scope,
      { id: sourceId, publishedOn: source.published_on },
      { donorIds, unresolved, claimStage: proposal.claimStage, amount: proposal.amount },
    );
    views.push({
      ...proposal,
      donorIds,
      unresolved,
      status: claimId ? 'accepted' : rejected ? 'rejected' : 'open',
      claimId,
      reason: rejected ? (reviews.rejected.get(proposal.key) ?? null) : null,
      ...matches,
    });
  }
  return views;
}

/** The proposal `key` of a source, as the command's transaction sees it, and what is known of its review. */
async function reviewOf(
  tx: CommandTx,
  sourceId: string,
  key: string,
  source: SourceState,
): Promise<{ proposal: Proposal | undefined; review: ProposalReview }> {
  const proposal =
    source.status === 'recorded'
      ? extractProposals(source.text, source.language).find((candidate) => candidate.key === key)
      : undefined;
  // A command decides on the whole ledger: what is already claimed, whichever reader could see it.
  const reviews = await proposalReviews(tx, FULL_SCOPE, sourceId);
  const codes = proposal ? await organisationsByCode(tx, FULL_SCOPE, proposal.donors) : new Map<string, string>();
  const donorIds = proposal ? proposal.donors.flatMap((code) => codes.get(code.toUpperCase()) ?? []) : [];
  return {
    proposal,
    review: {
      known: proposal !== undefined,
      acceptedAs: proposal ? acceptedClaim(proposal, donorIds, reviews) : null,
      rejected: source.status === 'recorded' && source.rejectedKeys.includes(key),
    },
  };
}

/** A package or a contribution, when the event belongs to one. */
function subjectOf(event: { streamType: string; streamId: string } | undefined): ClaimSubject | null {
  if (event?.streamType !== 'package' && event?.streamType !== 'contribution') return null;
  return { type: event.streamType, id: event.streamId.slice(event.streamType.length + 1) };
}

/** The day the source was published, when it has passed: the default day its claims and reviews happened on. */
async function publishedDay(deps: AppDeps, sourceId: string): Promise<string | undefined> {
  const row = await deps.db
    .selectFrom('rm_sources')
    .select('published_on')
    .where('id', '=', sourceId)
    .executeTakeFirst();
  const today = deps.clock().toISOString().slice(0, 10);
  return row?.published_on && row.published_on <= today ? row.published_on : undefined;
}

/**
 * Accepts a proposal as a claim that carries its key: the curator's fields win over the proposal's; the donors default
 * to the organisations carrying its codes, the subject to the linked event's package or contribution. With `linkTo`
 * the claim is linked to that event in the same step.
 */
export async function acceptProposal(
  deps: AppDeps,
  request: RequestContext,
  sourceId: string,
  key: string,
  input: z.infer<typeof acceptProposalSchema>,
): Promise<CommandResult> {
  const id = deps.newId('clm');
  const facts = {
    ...input,
    basis: input.basis ?? 'reported',
    evidence: [...new Set([sourceId, ...(input.evidence ?? [])])],
    occurredOn: input.occurredOn ?? (await publishedDay(deps, sourceId)),
  };
  return runCommand(
    deps,
    request,
    facts,
    {
      decider: claimDecider,
      id,
      command: async (_state, tx): Promise<ClaimCommand> => {
        const source = await loadState(tx, sourceDecider, sourceId);
        const { proposal, review } = await reviewOf(tx, sourceId, key, source);
        const codes = proposal?.donors ?? [];
        const found = input.donorIds ? new Map<string, string>() : await organisationsByCode(tx, FULL_SCOPE, codes);
        const donorIds = input.donorIds ?? codes.flatMap((code) => found.get(code.toUpperCase()) ?? []);
        const target = input.linkTo ? await findEvent(tx, input.linkTo) : undefined;
        const subject = input.subject !== undefined ? input.subject : subjectOf(target);
        const recorded = source.status === 'recorded' ? source : null;
        return {
          type: 'RecordClaim',
          id,
          sourceId,
          sourceText: recorded ? `${recorded.title}\n${recorded.text}` : null,
          subject,
          subjectKnown: subject ? (await existingStreams(tx, subject.type, [subject.id])).size === 1 : true,
          donorIds,
          knownDonors: await existingStreams(tx, 'organisation', donorIds),
          stage: input.stage ?? proposal?.claimStage ?? 'pledged',
          amount: input.amount !== undefined ? input.amount : (proposal?.amount ?? null),
          statedOn: recorded?.publishedOn ?? null,
          sentence: input.sentence ?? proposal?.evidence ?? '',
          visibility: input.visibility ?? recorded?.visibility ?? 'public',
          proposal: {
            key,
            ...review,
            unresolvedDonors: input.donorIds ? [] : codes.filter((code) => !found.has(code.toUpperCase())),
          },
          link: input.linkTo ? { eventId: input.linkTo, eventStreamId: target?.streamId ?? null } : null,
        };
      },
      visibility: recordVisibility(input.visibility),
    },
    { sourceId, key, ...input },
  );
}

/** Rejects a proposal, with the reason, as an event of its source (on the day of the review, by default). */
export function rejectProposal(
  deps: AppDeps,
  request: RequestContext,
  sourceId: string,
  key: string,
  input: z.infer<typeof rejectProposalSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: sourceDecider,
      id: sourceId,
      command: async (state, tx): Promise<SourceCommand> => {
        const { review } = await reviewOf(tx, sourceId, key, state);
        return {
          type: 'RejectProposal',
          key,
          reason: input.reason ?? null,
          known: review.known,
          acceptedAs: review.acceptedAs,
        };
      },
      visibility: recordVisibility(),
    },
    { sourceId, key, ...input },
  );
}
