import type { z } from 'zod';
import { type ClaimCommand, claimDecider } from '../domain/claim/claim.ts';
import { invalid } from '../domain/errors.ts';
import { type FigureCommand, figureDecider, figureId } from '../domain/figure/figure.ts';
import { sourceDecider } from '../domain/source/source.ts';
import { findEvent } from '../ledger/read.ts';
import { existingStreams, loadState, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import type { adoptFigureSchema, linkClaimSchema, recordClaimSchema, recordSourceSchema } from './schemas.ts';

export function recordSource(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof recordSourceSchema>,
): Promise<CommandResult> {
  const id = input.id ?? deps.newId('src');
  return runCommand(
    deps,
    request,
    input,
    {
      decider: sourceDecider,
      id,
      command: () => ({
        type: 'RecordSource' as const,
        id,
        url: input.url ?? null,
        publisher: input.publisher,
        author: input.author ?? null,
        publishedOn: input.publishedOn ?? null,
        language: input.language,
        title: input.title,
        text: input.text,
        storyId: input.storyId ?? null,
        visibility: input.visibility ?? 'public',
      }),
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
}

export function recordClaim(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof recordClaimSchema>,
): Promise<CommandResult> {
  const id = input.id ?? deps.newId('clm');
  return runCommand(
    deps,
    request,
    { ...input, evidence: [...new Set([input.sourceId, ...(input.evidence ?? [])])] },
    {
      decider: claimDecider,
      id,
      command: async (_state, tx): Promise<ClaimCommand> => {
        const source = await loadState(tx, sourceDecider, input.sourceId);
        const subject = input.subject ?? null;
        return {
          type: 'RecordClaim',
          id,
          sourceId: input.sourceId,
          sourceText: source.status === 'recorded' ? `${source.title}\n${source.text}` : null,
          subject,
          subjectKnown: subject ? (await existingStreams(tx, subject.type, [subject.id])).size === 1 : true,
          donorIds: input.donorIds,
          knownDonors: await existingStreams(tx, 'organisation', input.donorIds),
          stage: input.stage,
          amount: input.amount ?? null,
          statedOn: input.statedOn ?? null,
          sentence: input.sentence,
          visibility: input.visibility ?? 'public',
        };
      },
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
}

/** Links a claim, as evidence, to the event it supports (e.g. a receipt the article reports). */
export function linkClaim(
  deps: AppDeps,
  request: RequestContext,
  claimId: string,
  input: z.infer<typeof linkClaimSchema>,
) {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: claimDecider,
      id: claimId,
      command: async (_state, tx): Promise<ClaimCommand> => ({
        type: 'LinkClaim',
        eventId: input.eventId,
        eventStreamId: (await findEvent(tx, input.eventId))?.streamId ?? null,
      }),
      visibility: recordVisibility(),
    },
    { claimId, ...input },
  );
}

/** Adopts one of several conflicting reported values (a claim), or a range, as the figure to show. */
export function adoptFigure(deps: AppDeps, request: RequestContext, input: z.infer<typeof adoptFigureSchema>) {
  const { subject, stage } = input;
  return runCommand(
    deps,
    request,
    input,
    {
      decider: figureDecider,
      id: figureId(subject, stage),
      command: async (_state, tx): Promise<FigureCommand> => {
        if (input.claimId) {
          const claim = await loadState(tx, claimDecider, input.claimId);
          return {
            type: 'AdoptClaim',
            subject,
            stage,
            claimId: input.claimId,
            claim:
              claim.status === 'recorded' ? { subject: claim.subject, stage: claim.stage, amount: claim.amount } : null,
            note: input.note ?? null,
          };
        }
        if (!input.low || !input.high) {
          throw invalid('claim-or-range-required', 'claimId', 'adopt a claim (claimId) or a range (low and high)');
        }
        return { type: 'AdoptRange', subject, stage, low: input.low, high: input.high, note: input.note ?? null };
      },
      visibility: recordVisibility(),
    },
    input,
  );
}
