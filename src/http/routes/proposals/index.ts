import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptProposal, listProposals, rejectProposal } from '../../../app/proposals.ts';
import { acceptProposalSchema, rejectProposalSchema } from '../../../app/schemas.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
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
import { proposalParams, proposalSchema } from './schemas.ts';

const tags = ['sources'];

/** The curator's review: the claims extraction proposes from a source's text, accepted as claims or rejected. */
export const proposalRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/sources/:id/proposals',
    {
      config: { access: 'public' },
      schema: {
        summary: "The claims extraction proposes from a source's text, each with its review and what the ledger holds",
        tags,
        params: idParams,
        response: { 200: z.array(proposalSchema) },
      },
    },
    async (request) => {
      const proposals = await listProposals(deps.db, readScopeOf(request.principal), request.params.id);
      if (!proposals) throw notFound('source-unknown', `no source "${request.params.id}"`);
      return proposals;
    },
  );

  app.post(
    '/api/sources/:id/proposals/:key/accept',
    {
      config: { access: 'RecordClaim' },
      schema: {
        summary: 'Accept a proposal as a claim (the fields given override it), linked to an event with linkTo',
        tags,
        headers: commandHeaders,
        params: proposalParams,
        body: acceptProposalSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      const result = await acceptProposal(deps, context, request.params.id, request.params.key, input);
      return created(reply, result, `/api/claims/${seg(result.id)}`);
    },
  );

  app.post(
    '/api/sources/:id/proposals/:key/reject',
    {
      config: { access: 'RejectProposal' },
      schema: {
        summary: 'Reject a proposal, with the reason',
        tags,
        headers: commandHeaders,
        params: proposalParams,
        body: rejectProposalSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await rejectProposal(deps, context, request.params.id, request.params.key, input));
    },
  );
};
