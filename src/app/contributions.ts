import type { z } from 'zod';
import {
  type ContributionCommand,
  type ContributionState,
  contributionDecider,
} from '../domain/contribution/contribution.ts';
import type { MoneyJson } from '../domain/money.ts';
import { packageDecider } from '../domain/package/package.ts';
import { type CommandTx, existingStreams, loadState, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import { equivalentsOf, type StatedRate } from './fx.ts';
import type {
  amendContributionSchema,
  factsOnlySchema,
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
 * EUR and USD equivalents for a later stage of a contribution. Every stage is converted at the rate of the pledge's
 * value date (or the rate its source stated, unless this command states one), so that the committed, paid and
 * delivered parts add up exactly in EUR and USD as they do in the donor's currency.
 */
function stageEquivalents(
  tx: CommandTx,
  state: ContributionState,
  amount: MoneyJson,
  given: StatedRate | undefined,
  today: string,
) {
  const pledged = state.status === 'none' ? undefined : state;
  return equivalentsOf(tx, amount, pledged?.rateDate ?? today, given ?? pledged?.statedRate ?? undefined);
}

/** Runs one command on an existing contribution. */
function onContribution(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof factsOnlySchema>,
  build: (state: ContributionState, tx: CommandTx, today: string) => Promise<ContributionCommand> | ContributionCommand,
  created?: string,
): Promise<CommandResult> {
  const today = deps.clock().toISOString().slice(0, 10);
  return runCommand(
    deps,
    request,
    input,
    {
      decider: contributionDecider,
      id,
      command: (state, tx) => build(state, tx, today),
      visibility: recordVisibility(),
      ...(created ? { created } : {}),
    },
    { id, ...input },
  );
}

export const commitContribution = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof moneyChangeSchema>,
) =>
  onContribution(deps, request, id, input, async (state, tx, today) => {
    const amount = input.amount ?? currentAmount(state);
    return {
      type: 'CommitContribution',
      amount,
      equivalents: await stageEquivalents(tx, state, amount, input.rate, today),
    };
  });

export function payContribution(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof paymentSchema>,
) {
  const paymentId = input.paymentId ?? deps.newId('pay');
  return onContribution(
    deps,
    request,
    id,
    input,
    async (state, tx, today) => ({
      type: 'PayContribution',
      paymentId,
      amount: input.amount,
      equivalents: await stageEquivalents(tx, state, input.amount, input.rate, today),
    }),
    paymentId,
  );
}

export const amendContribution = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof amendContributionSchema>,
) =>
  onContribution(deps, request, id, input, async (state, tx, today) => ({
    type: 'AmendContribution',
    amount: input.amount,
    reason: input.reason,
    equivalents: await stageEquivalents(tx, state, input.amount, input.rate, today),
  }));

export const withdrawContribution = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof reasonSchema>,
) => onContribution(deps, request, id, input, () => ({ type: 'WithdrawContribution', reason: input.reason }));
