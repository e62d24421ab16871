import { assertCategory } from '../categories.ts';
import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId, type Visibility } from '../facts.ts';
import { type Equivalents, formatMoney, type Money, type MoneyJson, parseMoney, parsePositiveMoney } from '../money.ts';
import type { PackageStatus } from '../package/package.ts';

export type ContributionEvent =
  | DomainEvent<
      'ContributionPledged',
      {
        id: string;
        donorId: string;
        packageId: string | null;
        category: string;
        amount: MoneyJson;
        equivalents: Equivalents;
        visibility: Visibility;
      }
    >
  | DomainEvent<'ContributionCommitted', { amount: MoneyJson; equivalents: Equivalents }>
  | DomainEvent<'ContributionPaid', { paymentId: string; amount: MoneyJson; equivalents: Equivalents }>
  | DomainEvent<'ContributionAmended', { amount: MoneyJson; equivalents: Equivalents; reason: string }>
  | DomainEvent<'ContributionWithdrawn', { reason: string }>;

/** What the app found of the package a contribution is for. */
export interface PackageFacts {
  readonly status: PackageStatus | 'none';
  readonly category: string;
}

export type ContributionCommand =
  | {
      type: 'PledgeContribution';
      id: string;
      donorId: string;
      donorKnown: boolean;
      packageId?: string | null;
      package: PackageFacts | null;
      category?: string | null;
      amount: MoneyJson;
      equivalents: Equivalents;
      visibility: Visibility;
    }
  | { type: 'CommitContribution'; amount: MoneyJson; equivalents: Equivalents }
  | { type: 'PayContribution'; paymentId: string; amount: MoneyJson; equivalents: Equivalents }
  | { type: 'AmendContribution'; amount: MoneyJson; equivalents: Equivalents; reason: string }
  | { type: 'WithdrawContribution'; reason: string };

export type ContributionStage = 'pledged' | 'committed' | 'withdrawn';

export type ContributionState =
  | { status: 'none' }
  | {
      status: ContributionStage;
      id: string;
      donorId: string;
      packageId: string | null;
      category: string;
      currency: string;
      /** The amount now promised: pledged, then as committed or amended. */
      amount: MoneyJson;
      paid: MoneyJson;
      paymentIds: readonly string[];
      /** The value date of the pledge's exchange rate, which every later stage of the contribution keeps. */
      rateDate: string;
      /** Rates the pledge's source stated, which every later stage keeps too. */
      statedRate: { eur?: string; usd?: string } | null;
      visibility: Visibility;
    };

type Open = Extract<ContributionState, { id: string }>;

function open(state: ContributionState): Open {
  if (state.status === 'none') throw notFound('contribution-unknown', 'no such contribution');
  if (state.status === 'withdrawn') throw ruleBroken('contribution-withdrawn', 'the contribution has been withdrawn');
  return state;
}

function sameCurrency(state: Open, json: MoneyJson): Money {
  const amount = parsePositiveMoney(json, 'amount');
  if (amount.currency !== state.currency) {
    throw invalid(
      'currency-mismatch',
      'amount.currency',
      `this contribution is in ${state.currency}, not ${amount.currency}`,
    );
  }
  return amount;
}

function reason(text: string): string {
  if (text.trim() === '') throw invalid('reason-required', 'reason', 'say why');
  return text.trim();
}

export const contributionDecider: Decider<ContributionCommand, ContributionEvent, ContributionState> = {
  streamType: 'contribution',
  initialState: { status: 'none' },

  /** The donor: only its own officers pledge, commit, pay, amend or withdraw its money. */
  actingFor: (command, state) =>
    command.type === 'PledgeContribution' ? command.donorId : state.status === 'none' ? null : state.donorId,

  decide(command, state) {
    switch (command.type) {
      case 'PledgeContribution': {
        if (state.status !== 'none')
          throw ruleBroken('contribution-already-pledged', `contribution "${command.id}" exists`, 'id');
        assertId(command.id, 'id');
        if (!command.donorKnown) {
          throw notFound(
            'organisation-unknown',
            `donor "${command.donorId}" is not a registered organisation`,
            'donorId',
          );
        }
        const packageId = command.packageId ?? null;
        let category: string;
        if (packageId !== null) {
          const facts = command.package;
          if (!facts || facts.status === 'none')
            throw notFound('package-unknown', `no package "${packageId}"`, 'packageId');
          if (facts.status === 'cancelled')
            throw ruleBroken('package-cancelled', 'a cancelled package cannot be funded', 'packageId');
          if (facts.status === 'closed')
            throw ruleBroken('package-already-closed', 'a closed package takes no new funding', 'packageId');
          category = command.category ? assertCategory(command.category, 'category').id : facts.category;
        } else {
          if (!command.category) {
            throw invalid('category-required', 'category', 'general support (no package) needs a category');
          }
          category = assertCategory(command.category, 'category').id;
        }
        const amount = parsePositiveMoney(command.amount, 'amount');
        return [
          {
            type: 'ContributionPledged',
            data: {
              id: command.id,
              donorId: command.donorId,
              packageId,
              category,
              amount: formatMoney(amount),
              equivalents: command.equivalents,
              visibility: command.visibility,
            },
          },
        ];
      }
      case 'CommitContribution': {
        const current = open(state);
        if (current.status !== 'pledged')
          throw ruleBroken('contribution-already-committed', 'the contribution is already committed');
        const amount = sameCurrency(current, command.amount);
        return [
          { type: 'ContributionCommitted', data: { amount: formatMoney(amount), equivalents: command.equivalents } },
        ];
      }
      case 'PayContribution': {
        const current = open(state);
        if (current.status !== 'committed') {
          throw ruleBroken('contribution-not-committed', 'a contribution is paid only after it is committed');
        }
        assertId(command.paymentId, 'paymentId');
        if (current.paymentIds.includes(command.paymentId)) {
          throw ruleBroken(
            'payment-already-recorded',
            `payment "${command.paymentId}" is already recorded`,
            'paymentId',
          );
        }
        const amount = sameCurrency(current, command.amount);
        const paidAfter = parseMoney(current.paid).minor + amount.minor;
        if (paidAfter > parseMoney(current.amount).minor) {
          throw ruleBroken(
            'payment-exceeds-commitment',
            `payments would reach ${formatMoney({ currency: amount.currency, minor: paidAfter }).amount} ${amount.currency}, beyond the ${current.amount.amount} committed`,
            'amount.amount',
          );
        }
        return [
          {
            type: 'ContributionPaid',
            data: { paymentId: command.paymentId, amount: formatMoney(amount), equivalents: command.equivalents },
          },
        ];
      }
      case 'AmendContribution': {
        const current = open(state);
        const amount = sameCurrency(current, command.amount);
        if (amount.minor < parseMoney(current.paid).minor) {
          throw ruleBroken(
            'amendment-below-paid',
            `${current.paid.amount} ${current.currency} has already been paid`,
            'amount.amount',
          );
        }
        if (amount.minor === parseMoney(current.amount).minor) return [];
        return [
          {
            type: 'ContributionAmended',
            data: { amount: formatMoney(amount), equivalents: command.equivalents, reason: reason(command.reason) },
          },
        ];
      }
      case 'WithdrawContribution': {
        const current = open(state);
        if (parseMoney(current.paid).minor > 0n) {
          throw ruleBroken(
            'contribution-already-paid',
            'a contribution with payments cannot be withdrawn; amend it instead',
          );
        }
        return [{ type: 'ContributionWithdrawn', data: { reason: reason(command.reason) } }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    if (event.type === 'ContributionPledged') {
      const { equivalents, amount, ...rest } = event.data;
      return {
        status: 'pledged',
        ...rest,
        rateDate: equivalents.rateDate,
        statedRate: equivalents.stated ?? null,
        amount,
        currency: amount.currency,
        paid: formatMoney({ currency: amount.currency, minor: 0n }),
        paymentIds: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'ContributionCommitted':
        return { ...state, status: 'committed', amount: event.data.amount };
      case 'ContributionPaid': {
        const paid = parseMoney(state.paid).minor + parseMoney(event.data.amount).minor;
        return {
          ...state,
          paid: formatMoney({ currency: state.currency, minor: paid }),
          paymentIds: [...state.paymentIds, event.data.paymentId],
        };
      }
      case 'ContributionAmended':
        return { ...state, amount: event.data.amount };
      case 'ContributionWithdrawn':
        return { ...state, status: 'withdrawn' };
      default:
        return unreachable(event);
    }
  },
};
