import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app/deps.ts';
import type { IatiPublisher } from '../ingest/exporters/iati-publisher.ts';
import { authPlugin } from './plugins/auth.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { installProblemHandling, replyWithProblem } from './plugins/problem.ts';
import { auditRoutes } from './routes/audit/index.ts';
import { claimRoutes } from './routes/claims/index.ts';
import { contributionRoutes } from './routes/contributions/index.ts';
import { eventRoutes } from './routes/events/index.ts';
import { exportRoutes } from './routes/exports/index.ts';
import { flowRoutes } from './routes/flows/index.ts';
import { healthRoutes } from './routes/health/index.ts';
import { importRoutes } from './routes/imports/index.ts';
import { ledgerRoutes } from './routes/ledger/index.ts';
import { organisationRoutes } from './routes/organisations/index.ts';
import { overviewRoutes } from './routes/overview/index.ts';
import { packageRoutes } from './routes/packages/index.ts';
import { peopleRoutes } from './routes/people/index.ts';
import { priorityListRoutes } from './routes/priority-lists/index.ts';
import { proposalRoutes } from './routes/proposals/index.ts';
import { recordRoutes } from './routes/records/index.ts';
import { requirementRoutes } from './routes/requirements/index.ts';
import { sessionRoutes } from './routes/session/index.ts';
import { sourceRoutes } from './routes/sources/index.ts';
import { registerWebApp } from './web.ts';

export interface ServerOptions {
  /** Fastify's logger option; default off (the CLI turns it on). */
  readonly logger?: FastifyServerOptions['logger'];
  /** Largest request body in bytes; default 4 MiB (a source's text may be a million characters). */
  readonly bodyLimit?: number;
  /** The version the OpenAPI document states. */
  readonly version?: string;
  /** Told about every route as it is added (tests compare them with the OpenAPI document). */
  readonly onRoute?: (route: RouteOptions) => void;
  /** The built web app (web/dist) to serve at / and /uk, /en, /ru; the API alone when absent. */
  readonly webRoot?: string;
  /**
   * Served over HTTPS by a reverse proxy: session cookies are Secure, and the client's address and protocol come
   * from X-Forwarded-For and X-Forwarded-Proto.
   */
  readonly behindProxy?: boolean;
  /** Sign-in attempts per minute from one address (default 10), and requests per minute per API token (600). */
  readonly signInsPerMinute?: number;
  readonly tokenRequestsPerMinute?: number;
}

const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * The HTTP API: JSON commands and read models over the use cases in app/, problem+json errors, and an OpenAPI 3.1
 * document generated from the same zod schemas the CLI uses. Returns a server that is ready to listen or inject.
 */
export async function buildServer(
  deps: AppDeps & { databaseKind?: string; iatiPublisher?: IatiPublisher },
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Longer than any id, so that a too-long id is a 400 naming the field rather than an unknown route.
    routerOptions: { maxParamLength: 500 },
    frameworkErrors: replyWithProblem,
    trustProxy: options.behindProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandling(app);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  // A command with nothing to say but its facts (e.g. close) may come without a body.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && (request.method === 'POST' || request.method === 'PATCH')) request.body = {};
  });

  // Security headers on every answer. Scripts only from Tranche itself; inline styles are allowed because charts and
  // the map set style attributes; nothing may frame the pages.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only where HTTPS is certain; on plain http://localhost it would be ignored anyway.
    hsts: options.behindProxy === true,
  });
  await app.register(authPlugin, {
    deps,
    tokenRequestsPerMinute: options.tokenRequestsPerMinute ?? 600,
  });
  await registerOpenApi(app, options.version ?? '0.1.0');
  const routeDeps = { deps };
  await app.register(sessionRoutes, {
    deps,
    secureCookies: options.behindProxy ?? false,
    signInsPerMinute: options.signInsPerMinute ?? 10,
  });
  await app.register(healthRoutes, { deps, databaseKind: deps.databaseKind ?? 'unknown' });
  await app.register(organisationRoutes, routeDeps);
  await app.register(requirementRoutes, routeDeps);
  await app.register(priorityListRoutes, routeDeps);
  await app.register(packageRoutes, routeDeps);
  await app.register(contributionRoutes, routeDeps);
  await app.register(sourceRoutes, routeDeps);
  await app.register(proposalRoutes, routeDeps);
  await app.register(claimRoutes, routeDeps);
  await app.register(overviewRoutes, routeDeps);
  await app.register(recordRoutes, routeDeps);
  await app.register(flowRoutes, routeDeps);
  await app.register(ledgerRoutes, routeDeps);
  await app.register(exportRoutes, { deps, iatiPublisher: deps.iatiPublisher });
  await app.register(importRoutes, routeDeps);
  await app.register(eventRoutes, routeDeps);
  await app.register(peopleRoutes, routeDeps);
  await app.register(auditRoutes, routeDeps);
  if (options.webRoot) await registerWebApp(app, options.webRoot);
  await app.ready();
  return app;
}
