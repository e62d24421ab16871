/**
 * The server's side of the web app: the built app is handed out at /, /uk, /en and /ru (its own routes in the
 * browser), its hashed assets are cached for good, and every other unknown path is still the API's problem+json;
 * the live-update stream states the ledger head on connecting and again each time anyone appends.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeContribution } from '../../src/app/contributions.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, openAppFixture } from '../support/app-fixtures.ts';

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/app-1a2b.js"></script></body></html>';

describe('web app and live updates', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let webRoot: string;
  let url: string;

  beforeAll(async () => {
    f = await openAppFixture();
    webRoot = await mkdtemp(path.join(os.tmpdir(), 'tranche-web-root-'));
    await mkdir(path.join(webRoot, 'assets'));
    await writeFile(path.join(webRoot, 'index.html'), INDEX);
    await writeFile(path.join(webRoot, 'assets', 'app-1a2b.js'), 'console.log("tranche")');
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind }, { webRoot });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
    await rm(webRoot, { recursive: true, force: true });
  });

  it.each(['/', '/uk', '/en/packages/purl-nl-1', '/ru/donors/se?currency=USD'])(
    'answers the page %s with the app, never cached stale',
    async (page) => {
      const response = await app.inject({ method: 'GET', url: page });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(INDEX);
    },
  );

  it('hands out the hashed assets to be cached for good', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it.each(['/api/nothing-here', '/de/packages', '/uk.php'])(
    'leaves %s to the API: a problem+json 404',
    async (page) => {
      const response = await app.inject({ method: 'GET', url: page });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'route-unknown' });
    },
  );

  it('streams the ledger head on connecting, then again when a command appends', async () => {
    const controller = new AbortController();
    const response = await fetch(`${url}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no body');
    let buffered = '';
    /** The data of the next `ledger` event on the stream. */
    const nextHead = async (): Promise<number> => {
      for (;;) {
        const match = /event: ledger\ndata: (\d+)\n\n/.exec(buffered);
        if (match) {
          buffered = buffered.slice(match.index + match[0].length);
          return Number(match[1]);
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffered += value;
      }
    };
    try {
      const first = await nextHead();
      const pledged = await pledgeContribution(f.deps, f.request, {
        id: 'live-pledge',
        donorId: 'nl',
        category: 'air-defence',
        amount: { amount: '1000000', currency: 'EUR' },
        occurredOn: '2025-08-04',
      });
      const seq = pledged.events.at(-1)?.seq;
      expect(seq).toBeGreaterThan(first);
      expect(await nextHead()).toBe(seq);
    } finally {
      controller.abort();
    }
  });
});
