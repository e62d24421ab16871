import type { ClaimStage, ClaimSubject } from '../claim/claim.ts';
import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { formatMoney, type MoneyJson, parsePositiveMoney } from '../money.ts';

/**
 * A reported figure (a package's value, a contribution's amount) for which sources may disagree: the claims coexist,
 * and a curator adopts one of them, or a range between two. See `figureId`.
 */
export type FigureEvent = DomainEvent<
  'FigureAdopted',
  {
    subject: ClaimSubject;
    stage: ClaimStage;
    claimId: string | null;
    low: MoneyJson;
    high: MoneyJson;
    note: string | null;
  }
>;

/** What the app found of a claim named by the command. */
export interface ClaimFacts {
  readonly subject: ClaimSubject | null;
  readonly stage: ClaimStage;
  readonly amount: MoneyJson | null;
}

export type FigureCommand =
  | {
      type: 'AdoptClaim';
      subject: ClaimSubject;
      stage: ClaimStage;
      claimId: string;
      claim: ClaimFacts | null;
      note?: string | null;
    }
  | {
      type: 'AdoptRange';
      subject: ClaimSubject;
      stage: ClaimStage;
      low: MoneyJson;
      high: MoneyJson;
      note?: string | null;
    };

export type FigureState =
  | { status: 'open' }
  | { status: 'adopted'; claimId: string | null; low: MoneyJson; high: MoneyJson };

/** A figure is one record per subject and stage: `<subject type>:<subject id>:<stage>`. */
export const figureId = (subject: ClaimSubject, stage: ClaimStage): string => `${subject.type}:${subject.id}:${stage}`;

export const figureDecider: Decider<FigureCommand, FigureEvent, FigureState> = {
  streamType: 'figure',
  initialState: { status: 'open' },

  /** Curators adopt figures whichever organisation they work for. */
  actingFor: () => null,

  decide(command, state) {
    const note = command.note?.trim() || null;
    switch (command.type) {
      case 'AdoptClaim': {
        const claim = command.claim;
        if (!claim) throw notFound('claim-unknown', `no claim "${command.claimId}"`, 'claimId');
        if (
          !claim.subject ||
          claim.subject.type !== command.subject.type ||
          claim.subject.id !== command.subject.id ||
          claim.stage !== command.stage
        ) {
          throw ruleBroken('claim-subject-mismatch', 'the claim is not about this figure', 'claimId');
        }
        if (!claim.amount) throw ruleBroken('claim-has-no-amount', 'the claim states no amount to adopt', 'claimId');
        if (state.status === 'adopted' && state.claimId === command.claimId) {
          throw ruleBroken('claim-already-adopted', 'that claim is already the adopted value', 'claimId');
        }
        return [
          {
            type: 'FigureAdopted',
            data: {
              subject: command.subject,
              stage: command.stage,
              claimId: command.claimId,
              low: claim.amount,
              high: claim.amount,
              note,
            },
          },
        ];
      }
      case 'AdoptRange': {
        const low = parsePositiveMoney(command.low, 'low');
        const high = parsePositiveMoney(command.high, 'high');
        if (low.currency !== high.currency)
          throw invalid('currency-mismatch', 'high.currency', 'both ends of a range share a currency');
        if (high.minor < low.minor)
          throw invalid('range-inverted', 'high.amount', 'the high end is not below the low end');
        return [
          {
            type: 'FigureAdopted',
            data: {
              subject: command.subject,
              stage: command.stage,
              claimId: null,
              low: formatMoney(low),
              high: formatMoney(high),
              note,
            },
          },
        ];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(_state, event) {
    return { status: 'adopted', claimId: event.data.claimId, low: event.data.low, high: event.data.high };
  },
};
