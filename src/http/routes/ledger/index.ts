import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verify } from '../../../app/ledger.ts';
import type { RouteDeps } from '../shared.ts';

const verifyResultSchema = z
  .union([
    z.object({ ok: z.literal(true), events: z.number().int(), headHash: z.string() }),
    z.object({
      ok: z.literal(false),
      events: z.number().int().describe('how many events matched before the first bad one'),
      firstBad: z
        .object({ seq: z.number().int(), eventId: z.string(), streamId: z.string(), type: z.string() })
        .nullable()
        .describe('null when every event matches but the recorded head does not'),
      reason: z.string(),
    }),
  ])
  .meta({ id: 'VerifyResult' });

export const ledgerRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/ledger/verify',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Recompute the hash chain and name the first event that does not match (200 either way)',
        tags: ['ledger'],
        response: { 200: verifyResultSchema },
      },
    },
    () => verify(deps.db),
  );
};
