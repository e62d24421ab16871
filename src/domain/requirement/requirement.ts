import { assertCategory } from '../categories.ts';
import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, assertLocalizedText, assertPositiveInteger, type LocalizedText, type Visibility } from '../facts.ts';
import { formatMoney, type MoneyJson, parsePositiveMoney } from '../money.ts';

/** The recipient's need, as listed: what, how much when known, its estimated value and its priority rank. */
export interface RequirementDetails {
  readonly title: LocalizedText;
  readonly category: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly estimatedValue: MoneyJson | null;
}

export type RequirementEvent =
  | DomainEvent<
      'RequirementListed',
      { id: string; recipientId: string; priorityRank: number; visibility: Visibility } & RequirementDetails
    >
  | DomainEvent<'RequirementAmended', Partial<RequirementDetails>>
  | DomainEvent<'RequirementReprioritised', { priorityRank: number }>
  | DomainEvent<'RequirementWithdrawn', { reason: string }>;

export interface RequirementInput {
  title?: LocalizedText;
  category?: string;
  quantity?: number | null;
  unit?: string | null;
  estimatedValue?: MoneyJson | null;
}

export type RequirementCommand =
  | ({
      type: 'ListRequirement';
      id: string;
      recipientId: string;
      priorityRank: number;
      visibility: Visibility;
      /** Whether the recipient is a registered organisation (the app looks it up). */
      recipientKnown: boolean;
    } & RequirementInput & { title: LocalizedText; category: string })
  | ({ type: 'AmendRequirement' } & RequirementInput)
  | { type: 'ReprioritiseRequirement'; priorityRank: number }
  | { type: 'WithdrawRequirement'; reason: string };

type RequirementRecord = {
  id: string;
  recipientId: string;
  priorityRank: number;
  visibility: Visibility;
} & RequirementDetails;

export type RequirementState =
  | { status: 'unlisted' }
  | ({ status: 'listed' } & RequirementRecord)
  | ({ status: 'withdrawn' } & RequirementRecord);

function checkRank(rank: number): number {
  if (!Number.isSafeInteger(rank) || rank < 1) {
    throw invalid('priority-rank-invalid', 'priorityRank', 'the priority rank is a whole number from 1 (most urgent)');
  }
  return rank;
}

function checkDetails(input: RequirementInput): Partial<RequirementDetails> {
  const out: { -readonly [K in keyof RequirementDetails]?: RequirementDetails[K] } = {};
  if (input.title !== undefined) {
    assertLocalizedText(input.title, 'title');
    out.title = input.title;
  }
  if (input.category !== undefined) out.category = assertCategory(input.category, 'category').id;
  if (input.quantity !== undefined) {
    out.quantity = input.quantity === null ? null : assertPositiveInteger(input.quantity, 'quantity');
  }
  if (input.unit !== undefined) {
    if (input.unit !== null && input.unit.trim() === '')
      throw invalid('unit-empty', 'unit', 'the unit must not be empty');
    out.unit = input.unit === null ? null : input.unit.trim();
  }
  if (input.estimatedValue !== undefined) {
    out.estimatedValue =
      input.estimatedValue === null ? null : formatMoney(parsePositiveMoney(input.estimatedValue, 'estimatedValue'));
  }
  return out;
}

function listed(state: RequirementState): Extract<RequirementState, { status: 'listed' }> {
  if (state.status === 'unlisted') throw notFound('requirement-unknown', 'no such requirement');
  if (state.status === 'withdrawn') throw ruleBroken('requirement-withdrawn', 'the requirement has been withdrawn');
  return state;
}

export const requirementDecider: Decider<RequirementCommand, RequirementEvent, RequirementState> = {
  streamType: 'requirement',
  initialState: { status: 'unlisted' },

  /** The recipient whose need it is. */
  actingFor: (command, state) =>
    command.type === 'ListRequirement' ? command.recipientId : state.status === 'unlisted' ? null : state.recipientId,

  decide(command, state) {
    switch (command.type) {
      case 'ListRequirement': {
        if (state.status !== 'unlisted') {
          throw ruleBroken('requirement-already-listed', `requirement "${command.id}" is already listed`, 'id');
        }
        if (!command.recipientKnown) {
          throw notFound(
            'organisation-unknown',
            `recipient "${command.recipientId}" is not a registered organisation`,
            'recipientId',
          );
        }
        const details = checkDetails(command);
        return [
          {
            type: 'RequirementListed',
            data: {
              id: assertId(command.id, 'id'),
              recipientId: command.recipientId,
              priorityRank: checkRank(command.priorityRank),
              visibility: command.visibility,
              title: details.title ?? command.title,
              category: details.category ?? command.category,
              quantity: details.quantity ?? null,
              unit: details.unit ?? null,
              estimatedValue: details.estimatedValue ?? null,
            },
          },
        ];
      }
      case 'AmendRequirement': {
        listed(state);
        const details = checkDetails(command);
        if (Object.keys(details).length === 0)
          throw invalid('nothing-to-change', 'title', 'name at least one thing to change');
        return [{ type: 'RequirementAmended', data: details }];
      }
      case 'ReprioritiseRequirement': {
        const current = listed(state);
        const priorityRank = checkRank(command.priorityRank);
        if (priorityRank === current.priorityRank) return [];
        return [{ type: 'RequirementReprioritised', data: { priorityRank } }];
      }
      case 'WithdrawRequirement': {
        listed(state);
        if (command.reason.trim() === '')
          throw invalid('reason-required', 'reason', 'say why the requirement is withdrawn');
        return [{ type: 'RequirementWithdrawn', data: { reason: command.reason.trim() } }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RequirementListed':
        return { status: 'listed', ...event.data };
      case 'RequirementAmended':
        return state.status === 'unlisted' ? state : { ...state, ...event.data };
      case 'RequirementReprioritised':
        return state.status === 'unlisted' ? state : { ...state, priorityRank: event.data.priorityRank };
      case 'RequirementWithdrawn':
        return state.status === 'unlisted' ? state : { ...state, status: 'withdrawn' };
      default:
        return unreachable(event);
    }
  },
};
