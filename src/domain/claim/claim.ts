import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, assertIsoDate, type Visibility } from '../facts.ts';
import { formatMoney, type MoneyJson, parsePositiveMoney } from '../money.ts';

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
    } & Omit<ClaimRecord, 'subject' | 'amount' | 'statedOn'> & {
        subject?: ClaimSubject | null;
        amount?: MoneyJson | null;
        statedOn?: string | null;
      })
  | { type: 'LinkClaim'; eventId: string; eventStreamId: string | null };

export type ClaimState = { status: 'none' } | ({ status: 'recorded'; links: readonly string[] } & ClaimRecord);

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

export const claimDecider: Decider<ClaimCommand, ClaimEvent, ClaimState> = {
  streamType: 'claim',
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'RecordClaim': {
        if (state.status !== 'none') throw ruleBroken('claim-already-recorded', `claim "${command.id}" exists`, 'id');
        assertId(command.id, 'id');
        if (command.sourceText === null)
          throw notFound('source-unknown', `no source "${command.sourceId}"`, 'sourceId');
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
        return [
          {
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
            },
          },
        ];
      }
      case 'LinkClaim': {
        if (state.status === 'none') throw notFound('claim-unknown', 'no such claim');
        if (command.eventStreamId === null) throw notFound('event-unknown', `no event "${command.eventId}"`, 'eventId');
        if (state.links.includes(command.eventId)) {
          throw ruleBroken('claim-already-linked', 'the claim is already linked to that event', 'eventId');
        }
        if (state.subject && command.eventStreamId !== `${state.subject.type}-${state.subject.id}`) {
          throw ruleBroken(
            'claim-subject-mismatch',
            `the claim is about ${state.subject.type} ${state.subject.id}; the event is not`,
            'eventId',
          );
        }
        return [{ type: 'ClaimLinked', data: { eventId: command.eventId, streamId: command.eventStreamId } }];
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
