import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amendContribution,
  commitContribution,
  payContribution,
  pledgeContribution,
  withdrawContribution,
} from '../../../app/contributions.ts';
import {
  amendContributionSchema,
  moneyChangeSchema,
  paymentSchema,
  pledgeContributionSchema,
  reasonSchema,
} from '../../../app/schemas.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
import { listContributions } from '../../../projections/queries/contributions.ts';
import { timeline } from '../../../projections/queries/timeline.ts';
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
  timelineSchema,
} from '../shared.ts';
import { contributionQuery, contributionSchema, listContributionsQuery } from './schemas.ts';

const tags = ['contributions'];

export const contributionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/contributions',
    {
      config: { access: 'PledgeContribution' },
      schema: {
        summary: 'Pledge money to a package (or to general support in a category)',
        tags,
        headers: commandHeaders,
        body: pledgeContributionSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const result = await pledgeContribution(deps, ...commandInput(request));
      return created(reply, result, `/api/contributions/${seg(result.id)}`);
    },
  );

  const change = { tags, headers: commandHeaders, params: idParams, response: appliedResponses };
  app.post(
    '/api/contributions/:id/commit',
    {
      config: { access: 'CommitContribution' },
      schema: { ...change, summary: 'Commit a pledge (its amount, or a new one)', body: moneyChangeSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await commitContribution(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/contributions/:id/payments',
    {
      config: { access: 'PayContribution' },
      schema: { ...change, summary: 'Record a payment against a commitment', body: paymentSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await payContribution(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/contributions/:id/amend',
    {
      config: { access: 'AmendContribution' },
      schema: { ...change, summary: 'Change the amount promised, saying why', body: amendContributionSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await amendContribution(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/contributions/:id/withdraw',
    {
      config: { access: 'WithdrawContribution' },
      schema: { ...change, summary: 'Withdraw an unpaid contribution', body: reasonSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await withdrawContribution(deps, context, request.params.id, input));
    },
  );

  app.get(
    '/api/contributions',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Contributions, newest pledge first',
        tags,
        querystring: listContributionsQuery,
        response: { 200: z.array(contributionSchema) },
      },
    },
    (request) => {
      const { donor, package: packageId, ...filter } = request.query;
      return listContributions(deps.db, readScopeOf(request.principal), { ...filter, donorId: donor, packageId });
    },
  );

  app.get(
    '/api/contributions/:id',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One contribution',
        tags,
        params: idParams,
        querystring: contributionQuery,
        response: { 200: contributionSchema },
      },
    },
    async (request, reply) => {
      const [contribution] = await listContributions(deps.db, readScopeOf(request.principal), {
        id: request.params.id,
        currency: request.query.currency,
      });
      if (!contribution) throw notFound('contribution-unknown', `no contribution "${request.params.id}"`);
      await tagVersion(reply, deps, 'contribution', request.params.id);
      return contribution;
    },
  );

  app.get(
    '/api/contributions/:id/timeline',
    {
      config: { access: 'public' },
      schema: {
        summary: "A contribution's history, with evidence",
        tags,
        params: idParams,
        response: { 200: timelineSchema },
      },
    },
    async (request) => {
      const entries = await timeline(deps.db, readScopeOf(request.principal), `contribution:${request.params.id}`);
      if (entries.length === 0) throw notFound('contribution-unknown', `no contribution "${request.params.id}"`);
      return entries;
    },
  );
};
