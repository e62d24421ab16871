import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amendRequirement,
  listRequirement,
  reprioritiseRequirement,
  withdrawRequirement,
} from '../../../app/requirements.ts';
import {
  amendRequirementSchema,
  listRequirementSchema,
  reasonSchema,
  reprioritiseRequirementSchema,
} from '../../../app/schemas.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
import { requirementCoverage } from '../../../projections/queries/requirements.ts';
import { commandHeaders } from '../../request-context.ts';
import {
  applied,
  appliedResponses,
  commandInput,
  created,
  createdResponses,
  idParams,
  type RouteDeps,
  seg,
  tagVersion,
} from '../shared.ts';
import { coverageQuery, requirementCoverageSchema } from './schemas.ts';

const tags = ['requirements'];

export const requirementRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/requirements',
    {
      config: { access: 'ListRequirement' },
      schema: {
        summary: "List a recipient's requirement",
        tags,
        headers: commandHeaders,
        body: listRequirementSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const result = await listRequirement(deps, ...commandInput(request));
      return created(reply, result, `/api/requirements/${seg(result.id)}`);
    },
  );

  const change = { tags, headers: commandHeaders, params: idParams, response: appliedResponses };
  app.patch(
    '/api/requirements/:id',
    {
      config: { access: 'AmendRequirement' },
      schema: { ...change, summary: 'Amend a requirement', body: amendRequirementSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await amendRequirement(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/requirements/:id/reprioritise',
    {
      config: { access: 'ReprioritiseRequirement' },
      schema: { ...change, summary: "Change a requirement's priority rank", body: reprioritiseRequirementSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await reprioritiseRequirement(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/requirements/:id/withdraw',
    {
      config: { access: 'WithdrawRequirement' },
      schema: { ...change, summary: 'Withdraw a requirement', body: reasonSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await withdrawRequirement(deps, context, request.params.id, input));
    },
  );

  app.get(
    '/api/requirements',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Requirements in priority order, with how much of each is covered, funded and delivered',
        tags,
        querystring: coverageQuery,
        response: { 200: z.array(requirementCoverageSchema) },
      },
    },
    (request) =>
      requirementCoverage(deps.db, readScopeOf(request.principal), {
        recipientId: request.query.recipient,
        includeWithdrawn: request.query.includeWithdrawn,
      }),
  );

  app.get(
    '/api/requirements/:id',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One requirement with its coverage',
        tags,
        params: idParams,
        response: { 200: requirementCoverageSchema },
      },
    },
    async (request, reply) => {
      const [requirement] = await requirementCoverage(deps.db, readScopeOf(request.principal), {
        id: request.params.id,
        includeWithdrawn: true,
      });
      if (!requirement) throw notFound('requirement-unknown', `no requirement "${request.params.id}"`);
      await tagVersion(reply, deps, 'requirement', request.params.id);
      return requirement;
    },
  );
};
