import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { aggregateVisibilities, readScopeOf } from '../../../domain/access.ts';
import { LedgerWatch } from '../../live.ts';
import type { RouteDeps } from '../shared.ts';

/** A comment line now and then keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Live updates as server-sent events: `event: ledger` with a sequence number, once on connecting and then each time
 * it moves. It says only that something changed, never what: a page refetches what it shows, and reads apply their
 * own rules about who may see what. The number is the highest seq of an event at the reader's tier — the
 * visibilities their aggregates count (public; public and partners; all) — not the head, which would also move when
 * a record hidden from them changes.
 */
export const eventRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  const watch = new LedgerWatch(deps.db);
  app.addHook('onClose', async () => watch.stop());
  app.get(
    '/api/events',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Live updates (text/event-stream): the last event you may see, each time it moves',
        tags: ['ledger'],
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      out.write('retry: 1000\n\n');
      const visibilities = aggregateVisibilities(readScopeOf(request.principal));
      const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
      let closed = false;
      let unsubscribe = (): void => {};
      request.raw.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
      });
      unsubscribe = await watch.subscribe(visibilities, (seq) => out.write(`event: ledger\ndata: ${seq}\n\n`));
      // A reader gone while the watch started is not kept.
      if (closed) unsubscribe();
    },
  );
};
