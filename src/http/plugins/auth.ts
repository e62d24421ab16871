import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Session, sessionOf, tokenPrincipal } from '../../app/authentication.ts';
import { requirePermission } from '../../app/command.ts';
import type { AppDeps } from '../../app/deps.ts';
import { parseToken } from '../../app/people.ts';
import { type Action, ANONYMOUS, isAction, type Principal } from '../../domain/access.ts';
import { forbidden } from '../../domain/errors.ts';

/**
 * What a route needs of its caller: `public` routes answer anyone (and filter what they show by who asks); an action
 * from the permission map needs a principal that may take it for some organisation (the use case then checks the
 * organisation it acts for).
 */
export type RouteAccess = 'public' | Action;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
    session: Session | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface AuthOptions {
  readonly deps: AppDeps;
  /** Requests per minute one API token may make. */
  readonly tokenRequestsPerMinute?: number;
}

const SESSION_COOKIE = 'tranche_session';
const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The route's declared access; a route under /api without one is refused at start-up. */
function routeAccess(route: { readonly config?: unknown }): RouteAccess | undefined {
  const config = route.config;
  if (typeof config !== 'object' || config === null || !('access' in config)) return undefined;
  const access = config.access;
  return access === 'public' || (typeof access === 'string' && isAction(access)) ? access : undefined;
}

/**
 * Who is asking: a bearer token (`Authorization: Bearer trn_…`), else the session cookie, else no one. A request a
 * cookie authenticates must echo the session's CSRF token in `X-CSRF-Token` to change anything; a cookie alone is
 * what a forged cross-site form would carry. Every route declares its access (see RouteAccess).
 */
export const authPlugin = fp<AuthOptions>(
  async (app: FastifyInstance, options) => {
    const { deps } = options;
    await app.register(cookie);
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'too-many-requests',
        message: `too many requests; try again in ${context.after}`,
      }),
    });
    // Fastify refuses an object as a decorator's default; each request starts anonymous through this getter.
    const principals = new WeakMap<FastifyRequest, Principal>();
    app.decorateRequest('principal', {
      getter(this: FastifyRequest) {
        return principals.get(this) ?? ANONYMOUS;
      },
      setter(this: FastifyRequest, principal: Principal) {
        principals.set(this, principal);
      },
    });
    app.decorateRequest('session', null);

    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path;
      // The API reference's own pages and assets (Swagger UI) are public and declare nothing.
      const documentation = url === '/api/docs' || url.startsWith('/api/docs/');
      if (url.startsWith('/api/') && !documentation && route.method !== 'HEAD' && routeAccess(route) === undefined) {
        throw new Error(`route ${String(route.method)} ${url} declares no access (config.access)`);
      }
    });

    const tokenLimit = app.rateLimit({
      max: options.tokenRequestsPerMinute ?? 600,
      timeWindow: 60_000,
      keyGenerator: (request) => `token:${parseToken(bearerOf(request) ?? '')?.id ?? request.ip}`,
    });

    // Before the body is parsed or validated: who may not call a route learns nothing from its validation errors.
    app.addHook('onRequest', async (request, reply) => {
      // The web app's pages and assets are the same for everyone: only the API asks who is calling (a signed-in
      // browser would otherwise cost three queries per script and stylesheet it loads).
      if (!request.url.startsWith('/api/')) return;
      const bearer = bearerOf(request);
      if (bearer !== undefined) {
        await tokenLimit.call(app, request, reply);
        if (reply.sent) return;
        request.principal = await tokenPrincipal(deps, bearer);
      } else {
        const sessionId = request.cookies[SESSION_COOKIE];
        const session = sessionId ? await sessionOf(deps, sessionId) : undefined;
        if (session) {
          request.session = session;
          request.principal = session.principal;
          if (UNSAFE_METHODS.has(request.method) && !csrfMatches(request, session)) {
            throw forbidden('csrf-token-invalid', `a signed-in browser must send its session's ${CSRF_HEADER} header`);
          }
        }
      }
      const access = routeAccess(request.routeOptions);
      if (access !== undefined && access !== 'public') requirePermission(request.principal, access);
    });
  },
  { name: 'tranche-auth' },
);

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? header;
}

function csrfMatches(request: FastifyRequest, session: Session): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS, for the session's lifetime. Max-Age rather
 * than Expires, so that the browser's clock need not agree with the server's; the server checks the expiry itself.
 */
export function setSessionCookie(reply: FastifyReply, session: Session, secure: boolean, now: Date): void {
  reply.setCookie(SESSION_COOKIE, session.sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
