/**
 * The web app (public portal and workspace), served from its build (web/dist) beside the API. Every page's URL
 * starts with a locale — /uk, /en, /ru — and is answered with the app's index.html, which routes in the browser;
 * `/` too, where the app picks the remembered or the browser's language. Anything else stays the API's: an unknown
 * path is a problem+json 404.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const LOCALES = ['uk', 'en', 'ru'] as const;

/** Whether `root` holds a built web app. */
export const isWebBuilt = (root: string): boolean => existsSync(path.join(root, 'index.html'));

export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // One route per built file (the build does not change while the server runs); no catch-all over /api.
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (response, file) => {
      // Vite names assets by their content (a new build is a new name); anything else is checked every time.
      const asset = file.includes(`${path.sep}assets${path.sep}`);
      response.setHeader('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const page = (_request: unknown, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  const hidden = { schema: { hide: true } };
  app.get('/', hidden, page);
  for (const locale of LOCALES) {
    app.get(`/${locale}`, hidden, page);
    app.get(`/${locale}/*`, hidden, page);
  }
}
