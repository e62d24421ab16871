import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditLog } from '../../../projections/queries/people.ts';
import type { RouteDeps } from '../shared.ts';

const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    recordedAt: z.string(),
    occurredOn: z.string().nullable(),
    actor: z.string().describe('person:<id>, token:<id>, or the operator who ran the command line'),
    type: z.string(),
    streamId: z.string(),
    visibility: z.string(),
  })
  .meta({ id: 'AuditEntry' });

const instant = z.iso.datetime({ offset: true }).or(z.iso.date());

/** The audit view: who did what and when, from the ledger itself. Auditors and administrators read it. */
export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'ReadAudit' },
      schema: {
        summary: 'Who did what and when: every event with its actor, newest first',
        tags: ['people'],
        querystring: z.strictObject({
          actor: z.string().max(200).optional().describe('e.g. person:olena or token:tok-…'),
          stream: z.string().max(200).optional().describe('a stream id (contribution-nl-1) or type (contribution)'),
          type: z.string().max(100).optional().describe('an event type, e.g. ContributionPaid'),
          since: instant.optional().describe('recorded at or after (ISO date or date-time)'),
          until: instant.optional().describe('recorded before'),
          before: z.coerce.number().int().min(1).optional().describe('the page before this sequence number'),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.array(auditEntrySchema) },
      },
    },
    (request) => auditLog(deps.db, request.query),
  );
};
