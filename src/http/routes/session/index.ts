import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPassword, signIn, signOut } from '../../../app/authentication.ts';
import { changePasswordSchema, signInSchema } from '../../../app/schemas.ts';
import type { Principal } from '../../../domain/access.ts';
import { unauthenticated } from '../../../domain/errors.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth.ts';
import type { RouteDeps } from '../shared.ts';

const tags = ['people'];

const sessionSchema = z
  .object({
    signedIn: z.boolean(),
    actor: z.string().describe('what events record as the actor: person:<id>, token:<id> or anonymous'),
    name: z.string().nullable(),
    grants: z.array(z.object({ organisationId: z.string(), role: z.string() })),
    csrfToken: z
      .string()
      .nullable()
      .describe('send it back as X-CSRF-Token with every change a signed-in browser makes'),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'Session' });

const describe = (principal: Principal, extra: { name?: string; csrfToken?: string; expiresAt?: Date } = {}) => ({
  signedIn: principal.kind !== 'anonymous',
  actor: principal.actor,
  name: extra.name ?? null,
  grants: principal.grants.map((grant) => ({ ...grant })),
  csrfToken: extra.csrfToken ?? null,
  expiresAt: extra.expiresAt?.toISOString() ?? null,
});

export interface SessionRouteDeps extends RouteDeps {
  readonly secureCookies: boolean;
  readonly signInsPerMinute: number;
}

/** Sign in (a session cookie), who am I, sign out. */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteDeps> = async (app, options) => {
  const { deps } = options;
  const secure = (protocol: string) => options.secureCookies || protocol === 'https';

  app.post(
    '/api/session',
    {
      config: {
        access: 'public',
        rateLimit: { max: options.signInsPerMinute, timeWindow: 60_000 },
      },
      schema: {
        summary: 'Sign in with a name and password: sets an HttpOnly session cookie and answers with the CSRF token',
        tags,
        body: signInSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const session = await signIn(deps, request.body.personId, request.body.password);
      setSessionCookie(reply, session, secure(request.protocol), deps.clock());
      return describe(session.principal, session);
    },
  );

  app.get(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { summary: 'Who is signed in, with which roles', tags, response: { 200: sessionSchema } },
    },
    (request, reply) => {
      reply.header('cache-control', 'no-store');
      return describe(request.principal, request.session ?? {});
    },
  );

  app.put(
    '/api/session/password',
    {
      config: { access: 'public', rateLimit: { max: options.signInsPerMinute, timeWindow: 60_000 } },
      schema: {
        summary: 'Change your own password (a signed-in person); every session of yours ends, this one too',
        tags,
        body: changePasswordSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!request.session) throw unauthenticated('sign-in-required', 'changing a password needs signing in');
      await changeOwnPassword(deps, request.session.personId, request.body.currentPassword, request.body.newPassword);
      clearSessionCookie(reply, secure(request.protocol));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { summary: 'Sign out: ends the session', tags, response: { 204: z.null() } },
    },
    async (request, reply) => {
      if (request.session) await signOut(deps, request.session.sessionId);
      clearSessionCookie(reply, secure(request.protocol));
      return reply.code(204).send(null);
    },
  );
};
