import type { z } from 'zod';
import {
  type ContributionCommand,
  type ContributionState,
  contributionDecider,
} from '../domain/contribution/contribution.ts';
import { packageDecider } from '../domain/package/package.ts';
import { existingStreams, loadState, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import { equivalentsOf, type StatedRate } from './fx.ts';
import type {
  amendContributionSchema,
  moneyChangeSchema,
  paymentSchema,
  pledgeContributionSchema,
  reasonSchema,
} from './schemas.ts';

export function pledgeContribution(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof pledgeContributionSchema>,
): Promise<CommandResult> {
  const id = input.id ?? deps.newId('ctb');
  const today = deps.clock().toISOString().slice(0, 10);
  return runCommand(
    deps,
    request,
    input,
    {
      decider: contributionDecider,
      id,
      command: async (_state, tx): Promise<ContributionCommand> => {
        const pkg = input.packageId ? await loadState(tx, packageDecider, input.packageId) : null;
        return {
          type: 'PledgeContribution',
          id,
          donorId: input.donorId,
          donorKnown: (await existingStreams(tx, 'organisation', [input.donorId])).size === 1,
          packageId: input.packageId ?? null,
          package: pkg ? { status: pkg.status, category: pkg.status === 'none' ? '' : pkg.category } : null,
          category: input.category ?? null,
          amount: input.amount,
          equivalents: await equivalentsOf(tx, input.amount, input.occurredOn ?? today, input.rate),
          visibility: input.visibility ?? 'public',
        };
      },
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
}

/** The amount a commitment names, or what is promised now. */
function currentAmount(state: ContributionState) {
  return state.status === 'none' ? { amount: '0', currency: 'EUR' } : state.amount;
}

/**
 * Every stage of a contribution is converted at the rate of its pledge's value date, so that its committed, paid
 * and delivered parts add up exactly in EUR and USD as they do in the donor's currency.
 */
function rateDateOf(state: ContributionState, today: string): string {
  return state.status === 'none' ? today : state.rateDate;
}

/** A rate given with this command, else the rate the pledge's source stated, if any. */
function rateOf(state: ContributionState, given: StatedRate | undefined): StatedRate | undefined {
  return given ?? (state.status === 'none' ? undefined : (state.statedRate ?? undefined));
}

export function commitContribution(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof moneyChangeSchema>,
) {
  const today = deps.clock().toISOString().slice(0, 10);
  return runCommand(
    deps,
    request,
    input,
    {
      decider: contributionDecider,
      id,
      command: async (state, tx): Promise<ContributionCommand> => {
        const amount = input.amount ?? currentAmount(state);
        return {
          type: 'CommitContribution',
          amount,
          equivalents: await equivalentsOf(tx, amount, rateDateOf(state, today), rateOf(state, input.rate)),
        };
      },
      visibility: recordVisibility(),
    },
    { id, ...input },
  );
}

export function payContribution(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof paymentSchema>,
) {
  const today = deps.clock().toISOString().slice(0, 10);
  const paymentId = input.paymentId ?? deps.newId('pay');
  return runCommand(
    deps,
    request,
    input,
    {
      decider: contributionDecider,
      id,
      command: async (state, tx): Promise<ContributionCommand> => ({
        type: 'PayContribution',
        paymentId,
        amount: input.amount,
        equivalents: await equivalentsOf(tx, input.amount, rateDateOf(state, today), rateOf(state, input.rate)),
      }),
      visibility: recordVisibility(),
      created: paymentId,
    },
    { id, ...input },
  );
}

export function amendContribution(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof amendContributionSchema>,
) {
  const today = deps.clock().toISOString().slice(0, 10);
  return runCommand(
    deps,
    request,
    input,
    {
      decider: contributionDecider,
      id,
      command: async (state, tx): Promise<ContributionCommand> => ({
        type: 'AmendContribution',
        amount: input.amount,
        reason: input.reason,
        equivalents: await equivalentsOf(tx, input.amount, rateDateOf(state, today), rateOf(state, input.rate)),
      }),
      visibility: recordVisibility(),
    },
    { id, ...input },
  );
}

export function withdrawContribution(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof reasonSchema>,
) {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: contributionDecider,
      id,
      command: (): ContributionCommand => ({ type: 'WithdrawContribution', reason: input.reason }),
      visibility: recordVisibility(),
    },
    { id, ...input },
  );
}
