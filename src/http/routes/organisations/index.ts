import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { amendOrganisation, registerOrganisation } from '../../../app/organisations.ts';
import { amendOrganisationSchema, registerOrganisationSchema } from '../../../app/schemas.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
import { getOrganisationDetail, listOrganisations } from '../../../projections/queries/organisations.ts';
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
import { listOrganisationsQuery, organisationDetailSchema, organisationQuery, organisationSchema } from './schemas.ts';

const tags = ['organisations'];

export const organisationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/organisations',
    {
      config: { access: 'RegisterOrganisation' },
      schema: {
        summary: 'Register an organisation (state, coordinating command, supplier, coalition, …)',
        tags,
        headers: commandHeaders,
        body: registerOrganisationSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const result = await registerOrganisation(deps, ...commandInput(request));
      return created(reply, result, `/api/organisations/${seg(result.id)}`);
    },
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { access: 'AmendOrganisation' },
      schema: {
        summary: 'Amend an organisation: names, members, ISO code',
        tags,
        headers: commandHeaders,
        params: idParams,
        body: amendOrganisationSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await amendOrganisation(deps, context, request.params.id, input));
    },
  );

  app.get(
    '/api/organisations',
    {
      config: { access: 'public' },
      schema: {
        summary: 'List organisations',
        tags,
        querystring: listOrganisationsQuery,
        response: { 200: z.array(organisationSchema) },
      },
    },
    (request) => listOrganisations(deps.db, readScopeOf(request.principal), { kind: request.query.kind }),
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One organisation, with its donor totals when it is a donor (alone or through a coalition)',
        tags,
        params: idParams,
        querystring: organisationQuery,
        response: { 200: organisationDetailSchema },
      },
    },
    async (request, reply) => {
      const organisation = await getOrganisationDetail(
        deps.db,
        readScopeOf(request.principal),
        request.params.id,
        request.query.currency,
      );
      if (!organisation) throw notFound('organisation-unknown', `no organisation "${request.params.id}"`);
      await tagVersion(reply, deps, 'organisation', request.params.id);
      return organisation;
    },
  );

  app.get(
    '/api/organisations/:id/timeline',
    {
      config: { access: 'public' },
      schema: {
        summary: "An organisation's history: its own events and its contributions', with evidence",
        tags,
        params: idParams,
        response: { 200: timelineSchema },
      },
    },
    async (request) => {
      const entries = await timeline(deps.db, readScopeOf(request.principal), `organisation:${request.params.id}`);
      if (entries.length === 0) throw notFound('organisation-unknown', `no organisation "${request.params.id}"`);
      return entries;
    },
  );
};
