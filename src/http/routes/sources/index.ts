import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordSourceSchema } from '../../../app/schemas.ts';
import { recordSource } from '../../../app/sources.ts';
import { notFound } from '../../../domain/errors.ts';
import { getSource, listSources } from '../../../projections/queries/sources.ts';
import { commandHeaders } from '../../request-context.ts';
import { commandInput, created, createdResponses, idParams, type RouteDeps, seg } from '../shared.ts';
import { listSourcesQuery, sourceDetailSchema, sourceSchema } from './schemas.ts';

const tags = ['sources'];

export const sourceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/sources',
    {
      schema: {
        summary: 'Record a source: an article, a statement, a report',
        tags,
        headers: commandHeaders,
        body: recordSourceSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const result = await recordSource(deps, ...commandInput(request));
      return created(reply, result, `/api/sources/${seg(result.id)}`);
    },
  );

  app.get(
    '/api/sources',
    {
      schema: {
        summary: 'The feed of sources, newest first, each with the claims taken from it',
        tags,
        querystring: listSourcesQuery,
        response: { 200: z.array(sourceSchema) },
      },
    },
    (request) => {
      const { story, ...filter } = request.query;
      return listSources(deps.db, { ...filter, storyId: story });
    },
  );

  app.get(
    '/api/sources/:id',
    {
      schema: {
        summary: 'One source with its full text and claims',
        tags,
        params: idParams,
        response: { 200: sourceDetailSchema },
      },
    },
    async (request) => {
      const source = await getSource(deps.db, request.params.id);
      if (!source) throw notFound('source-unknown', `no source "${request.params.id}"`);
      return source;
    },
  );
};
