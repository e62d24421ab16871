import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, assertIsoDate, type Visibility } from '../facts.ts';
import { formatMoney, type MoneyJson, parsePositiveMoney } from '../money.ts';
import { assertReviewable, type ProposalReview } from '../source/proposal.ts';

export const CLAIM_STAGES = ['pledged', 'committed', 'paid', 'delivered'] as const;
export type ClaimStage = (typeof CLAIM_STAGES)[number];

export const SUBJECT_TYPES = ['package', 'contribution'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** What a claim is about, when known: a package or a contribution. */
export interface ClaimSubject {
  readonly type: SubjectType;
  readonly id: string;
}

/** One fact a source states: who, which stage, how much, when, in which sentence. */
export interface ClaimRecord {
  readonly id: string;
  readonly sourceId: string;
  readonly subject: ClaimSubject | null;
  readonly donorIds: readonly string[];
  readonly stage: ClaimStage;
  readonly amount: MoneyJson | null;
  readonly statedOn: string | null;
  readonly sentence: string;
  readonly visibility: Visibility;
  /** The proposal (extracted from the source's text) that a curator accepted as this claim; absent when typed in. */
  readonly proposalKey?: string;
}

/** A proposal being accepted: its key, what is known of its review, and donor codes no organisation carries. */
export type AcceptedProposal = ProposalReview & { readonly key: string; readonly unresolvedDonors: readonly string[] };

/** An event to link the claim to as it is recorded; `eventStreamId` is null when no such event exists. */
export interface LinkTarget {
  readonly eventId: string;
  readonly eventStreamId: string | null;
}

export type ClaimEvent =
  | DomainEvent<'ClaimRecorded', ClaimRecord>
  | DomainEvent<'ClaimLinked', { eventId: string; streamId: string }>;

export type ClaimCommand =
  | ({
      type: 'RecordClaim';
      /** The source's text, so the sentence can be checked against it; null when the source is unknown. */
      sourceText: string | null;
      subjectKnown: boolean;
      knownDonors: ReadonlySet<string>;
    } & Omit<ClaimRecord, 'subject' | 'amount' | 'statedOn' | 'proposalKey'> & {
        subject?: ClaimSubject | null;
        amount?: MoneyJson | null;
        statedOn?: string | null;
        /** When the claim accepts a proposal extracted from the source. */
        proposal?: AcceptedProposal | null;
        /** Links the new claim to this event in the same step (ClaimRecorded, then ClaimLinked). */
        link?: LinkTarget | null;
      })
  | ({ type: 'LinkClaim' } & LinkTarget);

export type ClaimState = { status: 'none' } | ({ status: 'recorded'; links: readonly string[] } & ClaimRecord);

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

type RecordedClaim = Extract<ClaimState, { status: 'recorded' }>;

/** The link of a recorded claim to an event: the event exists, is not linked yet, and is about the claim's subject. */
function linkEvent(state: RecordedClaim, target: LinkTarget): ClaimEvent {
  if (target.eventStreamId === null) throw notFound('event-unknown', `no event "${target.eventId}"`, 'eventId');
  if (state.links.includes(target.eventId)) {
    throw ruleBroken('claim-already-linked', 'the claim is already linked to that event', 'eventId');
  }
  if (state.subject && target.eventStreamId !== `${state.subject.type}-${state.subject.id}`) {
    throw ruleBroken(
      'claim-subject-mismatch',
      `the claim is about ${state.subject.type} ${state.subject.id}; the event is not`,
      'eventId',
    );
  }
  return { type: 'ClaimLinked', data: { eventId: target.eventId, streamId: target.eventStreamId } };
}

/** A proposal is accepted once, and only when every donor code it names is an organisation's (or donors are given). */
function checkProposal(proposal: AcceptedProposal): void {
  assertReviewable(proposal.key, proposal);
  const [code] = proposal.unresolvedDonors;
  if (code !== undefined) {
    throw notFound(
      'organisation-unknown',
      `no organisation carries the code "${code}"; register it, or name the donors (donorIds)`,
      'donorIds',
    );
  }
}

export const claimDecider: Decider<ClaimCommand, ClaimEvent, ClaimState> = {
  streamType: 'claim',
  initialState: { status: 'none' },

  /** Curators record and link claims whichever organisation they work for. */
  actingFor: () => null,

  decide(command, state) {
    switch (command.type) {
      case 'RecordClaim': {
        if (state.status !== 'none') throw ruleBroken('claim-already-recorded', `claim "${command.id}" exists`, 'id');
        assertId(command.id, 'id');
        if (command.sourceText === null)
          throw notFound('source-unknown', `no source "${command.sourceId}"`, 'sourceId');
        if (command.proposal) checkProposal(command.proposal);
        if (!CLAIM_STAGES.includes(command.stage)) {
          throw invalid('stage-invalid', 'stage', `the stage is one of ${CLAIM_STAGES.join(', ')}`);
        }
        const sentence = command.sentence.trim();
        if (sentence === '') throw invalid('text-empty', 'sentence', 'quote the sentence that states the fact');
        if (!squash(command.sourceText).includes(squash(sentence))) {
          throw ruleBroken(
            'claim-sentence-not-in-source',
            'the quoted sentence does not appear in the source text',
            'sentence',
          );
        }
        if (command.subject && !command.subjectKnown) {
          throw notFound(
            `${command.subject.type}-unknown`,
            `no ${command.subject.type} "${command.subject.id}"`,
            'subject.id',
          );
        }
        command.donorIds.forEach((donor, index) => {
          if (!command.knownDonors.has(donor)) {
            throw notFound('organisation-unknown', `"${donor}" is not a registered organisation`, `donorIds[${index}]`);
          }
        });
        const recorded: ClaimEvent = {
          type: 'ClaimRecorded',
          data: {
            id: command.id,
            sourceId: command.sourceId,
            subject: command.subject ?? null,
            donorIds: command.donorIds,
            stage: command.stage,
            amount: command.amount ? formatMoney(parsePositiveMoney(command.amount, 'amount')) : null,
            statedOn: command.statedOn ? assertIsoDate(command.statedOn, 'statedOn') : null,
            sentence,
            visibility: command.visibility,
            ...(command.proposal ? { proposalKey: command.proposal.key } : {}),
          },
        };
        if (!command.link) return [recorded];
        return [recorded, linkEvent({ status: 'recorded', ...recorded.data, links: [] }, command.link)];
      }
      case 'LinkClaim': {
        if (state.status === 'none') throw notFound('claim-unknown', 'no such claim');
        return [linkEvent(state, command)];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ClaimRecorded':
        return { status: 'recorded', ...event.data, links: [] };
      case 'ClaimLinked':
        return state.status === 'none' ? state : { ...state, links: [...state.links, event.data.eventId] };
      default:
        return unreachable(event);
    }
  },
};
