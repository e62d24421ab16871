import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addPerson, grantRole, issueToken, revokeRole, revokeToken } from '../../../app/people.ts';
import { addPersonSchema, grantSchema, issueTokenSchema, revokeTokenSchema } from '../../../app/schemas.ts';
import { listPeople, listTokens } from '../../../projections/queries/people.ts';
import { requestContext } from '../../request-context.ts';
import {
  applied,
  appliedResponses,
  commandResultSchema,
  created,
  createdResponses,
  idParams,
  type RouteDeps,
  seg,
} from '../shared.ts';

const tags = ['people'];

const grantSchemaOut = z.object({ organisationId: z.string(), role: z.string() });
const personSchema = z
  .object({ id: z.string(), name: z.string(), addedAt: z.string(), grants: z.array(grantSchemaOut) })
  .meta({ id: 'Person' });
const tokenSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    role: z.string(),
    label: z.string(),
    issuedBy: z.string(),
    issuedAt: z.string(),
    expiresOn: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Token' });
const issuedTokenSchema = z
  .object({
    token: z.string().describe('send it as `Authorization: Bearer <token>`; it is shown this once and never again'),
    result: commandResultSchema,
  })
  .meta({ id: 'IssuedToken' });

/** People and machines' tokens: administrators manage them, auditors read them. Secrets are never answered. */
export const peopleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/people',
    {
      config: { access: 'ReadPeople' },
      schema: { summary: 'Everyone who can sign in, with their roles', tags, response: { 200: z.array(personSchema) } },
    },
    () => listPeople(deps.db),
  );

  app.post(
    '/api/people',
    {
      config: { access: 'AddPerson' },
      schema: {
        summary: 'Add a person who signs in with a name and password (at least 12 characters)',
        tags,
        body: addPersonSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const result = await addPerson(deps, requestContext(request), request.body);
      return created(reply, result, `/api/people/${seg(result.id)}`);
    },
  );

  app.post(
    '/api/people/:id/roles',
    {
      config: { access: 'GrantRole' },
      schema: {
        summary: 'Grant a role in an organisation ("*": every organisation)',
        tags,
        params: idParams,
        body: grantSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) =>
      applied(reply, await grantRole(deps, requestContext(request), request.params.id, request.body)),
  );

  app.post(
    '/api/people/:id/roles/revoke',
    {
      config: { access: 'RevokeRole' },
      schema: {
        summary: "Revoke a role; the person's sessions end",
        tags,
        params: idParams,
        body: grantSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) =>
      applied(reply, await revokeRole(deps, requestContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/tokens',
    {
      config: { access: 'ReadPeople' },
      schema: { summary: 'API tokens issued, newest first', tags, response: { 200: z.array(tokenSchema) } },
    },
    () => listTokens(deps.db),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'IssueToken' },
      schema: {
        summary: 'Issue an API token for one role in one organisation; the answer holds it, once',
        tags,
        body: issueTokenSchema,
        response: { 201: issuedTokenSchema },
      },
    },
    async (request, reply) => {
      const issued = await issueToken(deps, requestContext(request), request.body);
      reply.code(201).header('cache-control', 'no-store');
      return issued;
    },
  );

  app.post(
    '/api/tokens/:id/revoke',
    {
      config: { access: 'RevokeToken' },
      schema: {
        summary: 'Revoke a token: it stops working at once',
        tags,
        params: idParams,
        body: revokeTokenSchema,
        response: appliedResponses,
      },
    },
    async (request, reply) =>
      applied(reply, await revokeToken(deps, requestContext(request), request.params.id, request.body)),
  );
};
