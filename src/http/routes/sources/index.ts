import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { extractSource, importSource } from '../../../app/ingest.ts';
import { extractSourceSchema, importSourceSchema, recordSourceSchema } from '../../../app/schemas.ts';
import { recordSource } from '../../../app/sources.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
import { getSource, listSources } from '../../../projections/queries/sources.ts';
import { listStories } from '../../../projections/queries/stories.ts';
import { commandHeaders } from '../../request-context.ts';
import { commandInput, created, createdResponses, idParams, type RouteDeps, seg } from '../shared.ts';
import {
  extractionSchema,
  importResultSchema,
  listSourcesQuery,
  listStoriesQuery,
  sourceDetailSchema,
  sourceSchema,
  storySchema,
} from './schemas.ts';

const tags = ['sources'];

export const sourceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/sources',
    {
      config: { access: 'RecordSource' },
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

  app.post(
    '/api/sources/import',
    {
      config: { access: 'RecordSource' },
      schema: {
        summary:
          'Record a source from a document (text or a saved HTML page), grouped with its other language versions',
        description:
          'Title, author, date, language and publisher are read from the document unless given; the publisher falls ' +
          "back to the URL's host. Without storyId, the source joins the story of a recorded version in another " +
          'language that states the same facts (at least half of them, published within three days).',
        tags,
        headers: commandHeaders,
        body: importSourceSchema,
        response: { 201: importResultSchema },
      },
    },
    async (request, reply) => {
      const result = await importSource(deps, ...commandInput(request));
      reply
        .code(201)
        .header('location', `/api/sources/${seg(result.id)}`)
        .header('etag', `"${result.version}"`);
      return result;
    },
  );

  // The one route that also takes a document as it is, text/plain or text/html: such a body becomes {content,
  // contentType} before validation, so problems name the same fields as for JSON. The parser stays inside this scope.
  await app.register(async (scope) => {
    scope.addContentTypeParser('text/html', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.addHook('preValidation', async (request) => {
      if (typeof request.body === 'string') {
        request.body = { content: request.body, contentType: request.headers['content-type'] ?? 'text/plain' };
      }
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/sources/extract',
      {
        config: { access: 'RecordSource' },
        schema: {
          summary: 'The aid claims a document states, with where each sentence is; records nothing',
          description:
            'Send JSON ({content, fileName?, contentType?}) or the document itself as text/plain or text/html.',
          tags,
          consumes: ['application/json', 'text/plain', 'text/html'],
          body: extractSourceSchema,
          response: { 200: extractionSchema },
        },
      },
      (request) => extractSource(request.body),
    );
  });

  app.get(
    '/api/sources',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The feed of sources, newest first, each with the claims taken from it',
        tags,
        querystring: listSourcesQuery,
        response: { 200: z.array(sourceSchema) },
      },
    },
    (request) => {
      const { story, ...filter } = request.query;
      return listSources(deps.db, readScopeOf(request.principal), { ...filter, storyId: story });
    },
  );

  app.get(
    '/api/sources/:id',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One source with its full text and claims',
        tags,
        params: idParams,
        response: { 200: sourceDetailSchema },
      },
    },
    async (request) => {
      const source = await getSource(deps.db, readScopeOf(request.principal), request.params.id);
      if (!source) throw notFound('source-unknown', `no source "${request.params.id}"`);
      return source;
    },
  );

  app.get(
    '/api/stories',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Stories, newest first: the versions of each in several languages',
        tags,
        querystring: listStoriesQuery,
        response: { 200: z.array(storySchema) },
      },
    },
    (request) => listStories(deps.db, readScopeOf(request.principal), request.query),
  );
};
