import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvePriorityList, draftPriorityList } from '../../../app/requirements.ts';
import { approvePriorityListSchema, draftPriorityListSchema } from '../../../app/schemas.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
import { listPriorityLists } from '../../../projections/queries/requirements.ts';
import { commandHeaders } from '../../request-context.ts';
import { applied, appliedResponses, commandInput, created, createdResponses, type RouteDeps, seg } from '../shared.ts';

const tags = ['priority lists'];

const priorityListSchema = z
  .object({
    recipientId: z.string(),
    period: z.string().describe('YYYY-MM'),
    status: z.string().describe('draft or approved'),
    requirementIds: z.array(z.string()).describe('in rank order'),
    approvals: z.array(z.string()),
    visibility: z.string(),
  })
  .meta({ id: 'PriorityList' });
const listParams = z.strictObject({ recipientId: z.string().min(1).max(100), period: z.string().min(1).max(20) });
const listQuery = z.strictObject({ recipient: z.string().min(1).max(100).optional() });

export const priorityListRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/priority-lists',
    {
      config: { access: 'DraftPriorityList' },
      schema: {
        summary: "Draft (or redraft) a recipient's ranked list of requirements for a month",
        tags,
        headers: commandHeaders,
        body: draftPriorityListSchema,
        response: { ...createdResponses, ...appliedResponses },
      },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      const result = await draftPriorityList(deps, context, input);
      const location = `/api/priority-lists/${seg(input.recipientId)}/${seg(input.period)}`;
      return result.version === result.events.length ? created(reply, result, location) : applied(reply, result);
    },
  );

  app.post(
    '/api/priority-lists/:recipientId/:period/approve',
    {
      config: { access: 'ApprovePriorityList' },
      schema: {
        summary: 'Approve a priority list (each party approves once)',
        tags,
        headers: commandHeaders,
        params: listParams,
        body: approvePriorityListSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      const { recipientId, period } = request.params;
      return applied(reply, await approvePriorityList(deps, context, recipientId, period, input));
    },
  );

  app.get(
    '/api/priority-lists',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Priority lists, newest month first',
        tags,
        querystring: listQuery,
        response: { 200: z.array(priorityListSchema) },
      },
    },
    (request) => listPriorityLists(deps.db, readScopeOf(request.principal), { recipientId: request.query.recipient }),
  );

  app.get(
    '/api/priority-lists/:recipientId/:period',
    {
      config: { access: 'public' },
      schema: { summary: 'One priority list', tags, params: listParams, response: { 200: priorityListSchema } },
    },
    async (request) => {
      const [list] = await listPriorityLists(deps.db, readScopeOf(request.principal), request.params);
      if (!list)
        throw notFound(
          'priority-list-unknown',
          `no priority list of ${request.params.recipientId} for ${request.params.period}`,
        );
      return list;
    },
  );
};
