import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adoptFigureSchema, linkClaimSchema, recordClaimSchema } from '../../../app/schemas.ts';
import { adoptFigure, linkClaim, recordClaim } from '../../../app/sources.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
import { listFacts } from '../../../projections/queries/facts.ts';
import { figuresFor, getClaim } from '../../../projections/queries/sources.ts';
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
} from '../shared.ts';
import { claimSchema, factsQuery, factViewSchema, figureSchema, figuresQuery } from './schemas.ts';

const tags = ['claims and figures'];

export const claimRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/claims',
    {
      config: { access: 'RecordClaim' },
      schema: {
        summary: 'Record one fact a source states: who, which stage, how much, when, and the sentence',
        tags,
        headers: commandHeaders,
        body: recordClaimSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const result = await recordClaim(deps, ...commandInput(request));
      return created(reply, result, `/api/claims/${seg(result.id)}`);
    },
  );

  app.post(
    '/api/claims/:id/links',
    {
      config: { access: 'LinkClaim' },
      schema: {
        summary: 'Link a claim, as evidence, to the ledger event it supports',
        tags,
        headers: commandHeaders,
        params: idParams,
        body: linkClaimSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await linkClaim(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/figures/adopt',
    {
      config: { access: 'AdoptClaim' },
      schema: {
        summary: 'Adopt one of several conflicting reported values (a claim), or a range, as the figure to show',
        tags,
        headers: commandHeaders,
        body: adoptFigureSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) => applied(reply, await adoptFigure(deps, ...commandInput(request))),
  );

  app.get(
    '/api/claims/:id',
    {
      config: { access: 'public' },
      schema: { summary: 'One claim with its source', tags, params: idParams, response: { 200: claimSchema } },
    },
    async (request) => {
      const claim = await getClaim(deps.db, readScopeOf(request.principal), request.params.id);
      if (!claim) throw notFound('claim-unknown', `no claim "${request.params.id}"`);
      return claim;
    },
  );

  app.get(
    '/api/figures',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Every figure reported about a package or a contribution, stage by stage, and the adopted one',
        tags,
        querystring: figuresQuery,
        response: { 200: z.array(figureSchema) },
      },
    },
    (request) =>
      figuresFor(deps.db, readScopeOf(request.principal), {
        type: request.query.subjectType,
        id: request.query.subjectId,
      }),
  );

  app.get(
    '/api/facts',
    {
      config: { access: 'public' },
      schema: {
        summary:
          'Facts: recorded claims grouped by donors, stage and amount, each once with every source that states it',
        tags,
        querystring: factsQuery,
        response: { 200: z.array(factViewSchema) },
      },
    },
    (request) => listFacts(deps.db, readScopeOf(request.principal), request.query),
  );
};
