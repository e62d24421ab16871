import type { z } from 'zod';
import { type PackageCommand, packageDecider } from '../domain/package/package.ts';
import { existingStreams, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import { equivalentsOf } from './fx.ts';
import type {
  confirmReceiptSchema,
  contractPackageSchema,
  dispatchShipmentSchema,
  factsOnlySchema,
  proposePackageSchema,
  reasonSchema,
  validatePackageSchema,
} from './schemas.ts';

type Build = (tx: Parameters<typeof existingStreams>[0]) => Promise<PackageCommand> | PackageCommand;

/** Runs one command on an existing package. */
function onPackage(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof factsOnlySchema>,
  build: Build,
  created?: string,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: packageDecider,
      id,
      command: (_state, tx) => build(tx),
      visibility: recordVisibility(),
      ...(created ? { created } : {}),
    },
    { id, ...input },
  );
}

export function proposePackage(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof proposePackageSchema>,
): Promise<CommandResult> {
  const id = input.id ?? deps.newId('pkg');
  const today = deps.clock().toISOString().slice(0, 10);
  return runCommand(
    deps,
    request,
    input,
    {
      decider: packageDecider,
      id,
      command: async (_state, tx): Promise<PackageCommand> => {
        const organisations = await existingStreams(tx, 'organisation', [
          input.recipientId,
          input.coordinatorId,
          input.supplierId,
        ]);
        const requirements = await existingStreams(
          tx,
          'requirement',
          input.lines.map((line) => line.requirementId),
        );
        return {
          type: 'ProposePackage',
          id,
          title: input.title,
          recipientId: input.recipientId,
          coordinatorId: input.coordinatorId,
          supplierId: input.supplierId ?? null,
          category: input.category,
          targetValue: input.targetValue,
          targetEquivalents: await equivalentsOf(tx, input.targetValue, input.occurredOn ?? today, input.rate),
          lines: input.lines,
          visibility: input.visibility ?? 'public',
          known: new Set([...organisations, ...requirements]),
        };
      },
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
}

export const validatePackage = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof validatePackageSchema>,
) => onPackage(deps, request, id, input, () => ({ type: 'ValidatePackage', coordinatorId: input.coordinatorId }));

/** Marks a validated package funded; at least one contribution to it must be committed. */
export const fundPackage = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof factsOnlySchema>,
) =>
  onPackage(deps, request, id, input, async (tx) => {
    const committed = await tx
      .selectFrom('rm_contributions')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('package_id', '=', id)
      .where('committed_on', 'is not', null)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirstOrThrow();
    return { type: 'FundPackage', committedContributions: Number(committed.count) };
  });

export const contractPackage = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof contractPackageSchema>,
) =>
  onPackage(deps, request, id, input, async (tx) => ({
    type: 'ContractPackage',
    supplierId: input.supplierId,
    supplierKnown: (await existingStreams(tx, 'organisation', [input.supplierId])).size === 1,
    contractReference: input.contractReference ?? null,
  }));

export function dispatchShipment(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof dispatchShipmentSchema>,
) {
  const shipmentId = input.shipmentId ?? deps.newId('shp');
  return onPackage(
    deps,
    request,
    id,
    input,
    () => ({
      type: 'DispatchShipment',
      shipmentId,
      lines: input.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity ?? null })),
    }),
    shipmentId,
  );
}

export function confirmReceipt(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof confirmReceiptSchema>,
) {
  const receiptId = input.receiptId ?? deps.newId('rcp');
  return onPackage(
    deps,
    request,
    id,
    input,
    () => ({
      type: 'ConfirmReceipt',
      receiptId,
      shipmentId: input.shipmentId,
      lines: input.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity ?? null })),
      full: input.full ?? false,
    }),
    receiptId,
  );
}

export const closePackage = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof factsOnlySchema>,
) => onPackage(deps, request, id, input, () => ({ type: 'ClosePackage' }));

export const cancelPackage = (
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof reasonSchema>,
) => onPackage(deps, request, id, input, () => ({ type: 'CancelPackage', reason: input.reason }));
