import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { streamIdOf } from '../../app/command.ts';
import type { AppDeps, CommandResult, RequestContext } from '../../app/deps.ts';
import { REPORTING_CURRENCIES, recordVersion } from '../../projections/queries/common.ts';
import { requestContext, withExpectedVersion } from '../request-context.ts';

/** What every route plugin is given. */
export interface RouteDeps {
  readonly deps: AppDeps;
}

export const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export const commandResultSchema = z
  .object({
    id: z.string(),
    streamId: z.string(),
    version: z.number().int().describe("the record's version now; send it back as If-Match or expectedVersion"),
    created: z.string().optional().describe('the id of the shipment, receipt or payment the command created'),
    events: z.array(z.object({ eventId: z.string(), seq: z.number().int(), type: z.string() })).readonly(),
  })
  .meta({ id: 'CommandResult' });

/** Responses of a command that changes an existing record, and of one that creates a record. */
export const appliedResponses = { 200: commandResultSchema };
export const createdResponses = { 201: commandResultSchema };

export const moneySchema = z.object({ amount: z.string(), currency: z.string() }).meta({ id: 'Money' });
export const localizedTextSchema = z
  .object({ uk: z.string().optional(), en: z.string().optional(), ru: z.string().optional() })
  .meta({ id: 'LocalizedText' });

export const currencyQuery = {
  currency: z.enum(REPORTING_CURRENCIES).default('EUR').describe('the reporting currency of equivalents'),
};
export const pagingQuery = {
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
};

/** The actor and idempotency key of the request, and the body with If-Match folded into expectedVersion. */
export function commandInput<T extends { expectedVersion?: number | undefined }>(
  request: FastifyRequest & { body: T },
): [RequestContext, T] {
  return [requestContext(request), withExpectedVersion(request.body, request.headers)];
}

/** 200 with the result and the record's new version as its ETag. */
export function applied(reply: FastifyReply, result: CommandResult): CommandResult {
  reply.header('etag', `"${result.version}"`);
  return result;
}

/** 201 with the result, the ETag and where to read the new record. */
export function created(reply: FastifyReply, result: CommandResult, location: string): CommandResult {
  reply.code(201).header('location', location).header('etag', `"${result.version}"`);
  return result;
}

/** A path segment, encoded. */
export const seg = (value: string): string => encodeURIComponent(value);

/** Sends the record's stream version as its ETag, for `If-Match` on the next command. */
export async function tagVersion(reply: FastifyReply, deps: AppDeps, streamType: string, id: string): Promise<void> {
  reply.header('ETag', `"${await recordVersion(deps.db, streamIdOf(streamType, id))}"`);
}

const evidenceSchema = z.object({
  sourceId: z.string(),
  claimId: z.string().nullable(),
  publisher: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  language: z.string(),
  publishedOn: z.string().nullable(),
  sentence: z.string().nullable(),
});
export const timelineSchema = z
  .array(
    z.object({
      seq: z.number().int(),
      eventId: z.string(),
      streamId: z.string(),
      type: z.string(),
      occurredOn: z.string(),
      recordedAt: z.string(),
      actor: z.string(),
      basis: z.string(),
      visibility: z.string(),
      data: z.unknown(),
      evidence: z.array(evidenceSchema),
    }),
  )
  .meta({ id: 'Timeline' });
