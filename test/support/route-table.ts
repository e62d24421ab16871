/**
 * The server's route table, for the suites that go over every route (the authorization matrix, the fuzzer): the
 * routes a server was built with, a request path for each, and a way to send a request that also ends the
 * live-update stream, which would otherwise never answer in full.
 *
 *   const table = routeCollector();
 *   app = await buildServer(deps, { onRoute: table.onRoute });
 *   for (const route of table.routes) await send(app, { method: route.method, url: pathOf(route.url) });
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, HTTPMethods, InjectOptions, RouteOptions } from 'fastify';

export interface Route {
  readonly method: HTTPMethods;
  readonly url: string;
}

/** `POST /api/packages/:id/validate`: how the access table names a route. */
export const routeKey = (route: Route): string => `${route.method} ${route.url}`;

/**
 * Collects the routes a server declares (pass `onRoute` to buildServer). HEAD routes (Fastify adds one per GET) and
 * the API reference's own pages under /api/docs declare no access of their own and are left out.
 */
export function routeCollector(): { readonly routes: Route[]; onRoute(route: RouteOptions): void } {
  const routes: Route[] = [];
  return {
    routes,
    onRoute(route) {
      if (route.url === '/api/docs' || route.url.startsWith('/api/docs/')) return;
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routes.push({ method, url: route.url });
      }
    },
  };
}

/** Path parameters that must look like what they name to reach the handler at all. */
const PARAMETERS: Readonly<Record<string, string>> = {
  recipientId: 'ua',
  period: '2025-09',
  table: 'packages',
  format: 'kiel',
};

/** The route's path with each parameter filled: a valid-looking id unless the parameter needs a particular form. */
export function pathOf(url: string, id = 'nope-1'): string {
  return url.replace(/:(\w+)/g, (_, name: string) => PARAMETERS[name] ?? id);
}

export interface Answer {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
}

/** The live-update stream: answered with its first lines, then the browser "leaves". */
const isStream = (options: InjectOptions): boolean =>
  options.method === 'GET' && String(options.url ?? '').split('?')[0] === '/api/events';

/** Sends one request in process and answers with its status, media type and body. */
export async function send(app: FastifyInstance, options: InjectOptions): Promise<Answer> {
  if (!isStream(options)) {
    const response = await app.inject(options);
    return {
      statusCode: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      body: response.body,
    };
  }
  const leave = new AbortController();
  const response = await app.inject({ ...options, payloadAsStream: true, signal: leave.signal });
  const contentType = String(response.headers['content-type'] ?? '');
  const stream = response.stream();
  stream.on('error', () => {});
  try {
    return {
      statusCode: response.statusCode,
      contentType,
      body: await read(stream, !/event-stream/.test(contentType)),
    };
  } finally {
    leave.abort();
  }
}

/** The whole body, or for an event stream its first chunk. */
async function read(stream: Readable, whole: boolean): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of stream) {
    chunks.push(String(chunk));
    if (!whole) break;
  }
  return chunks.join('');
}
