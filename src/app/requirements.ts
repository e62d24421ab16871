import type { z } from 'zod';
import {
  type PriorityListCommand,
  priorityListDecider,
  priorityListId,
} from '../domain/priority-list/priority-list.ts';
import { requirementDecider } from '../domain/requirement/requirement.ts';
import { type CommandTx, existingStreams, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import type {
  amendRequirementSchema,
  approvePriorityListSchema,
  draftPriorityListSchema,
  listRequirementSchema,
  reasonSchema,
  reprioritiseRequirementSchema,
} from './schemas.ts';

export function listRequirement(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof listRequirementSchema>,
): Promise<CommandResult> {
  const id = input.id ?? deps.newId('req');
  return runCommand(
    deps,
    request,
    input,
    {
      decider: requirementDecider,
      id,
      command: async (_state, tx) => ({
        type: 'ListRequirement' as const,
        id,
        recipientId: input.recipientId,
        recipientKnown: (await existingStreams(tx, 'organisation', [input.recipientId])).size === 1,
        priorityRank: input.priorityRank,
        visibility: input.visibility ?? 'public',
        title: input.title,
        category: input.category,
        quantity: input.quantity ?? null,
        unit: input.unit ?? null,
        estimatedValue: input.estimatedValue ?? null,
      }),
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
}

export function amendRequirement(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof amendRequirementSchema>,
): Promise<CommandResult> {
  const { occurredOn: _o, basis: _b, evidence: _e, expectedVersion: _v, ...changes } = input;
  return runCommand(
    deps,
    request,
    input,
    {
      decider: requirementDecider,
      id,
      command: () => ({ type: 'AmendRequirement' as const, ...changes }),
      visibility: recordVisibility(),
    },
    { id, ...input },
  );
}

export function reprioritiseRequirement(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof reprioritiseRequirementSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: requirementDecider,
      id,
      command: () => ({ type: 'ReprioritiseRequirement' as const, priorityRank: input.priorityRank }),
      visibility: recordVisibility(),
    },
    { id, ...input },
  );
}

export function withdrawRequirement(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof reasonSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: requirementDecider,
      id,
      command: () => ({ type: 'WithdrawRequirement' as const, reason: input.reason }),
      visibility: recordVisibility(),
    },
    { id, ...input },
  );
}

/** The recipient's open requirements, from the read model written in the same transactions. */
async function openRequirements(tx: CommandTx, recipientId: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('rm_requirements')
    .select('id')
    .where('recipient_id', '=', recipientId)
    .where('status', '=', 'listed')
    .execute();
  return new Set(rows.map((row) => row.id));
}

export function draftPriorityList(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof draftPriorityListSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: priorityListDecider,
      id: priorityListId(input.recipientId, input.period),
      command: async (_state, tx): Promise<PriorityListCommand> => ({
        type: 'DraftPriorityList',
        recipientId: input.recipientId,
        period: input.period,
        requirementIds: input.requirementIds,
        openRequirements: await openRequirements(tx, input.recipientId),
      }),
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
}

export function approvePriorityList(
  deps: AppDeps,
  request: RequestContext,
  recipientId: string,
  period: string,
  input: z.infer<typeof approvePriorityListSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: priorityListDecider,
      id: priorityListId(recipientId, period),
      command: async (_state, tx): Promise<PriorityListCommand> => ({
        type: 'ApprovePriorityList',
        approverId: input.approverId,
        approverKnown: (await existingStreams(tx, 'organisation', [input.approverId])).size === 1,
      }),
      visibility: recordVisibility(),
    },
    { recipientId, period, ...input },
  );
}
