import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteDeps } from '../shared.ts';

export interface HealthOptions extends RouteDeps {
  /** `pglite` or `postgres`, as the server was opened. */
  readonly databaseKind: string;
}

const healthSchema = z.object({ status: z.literal('ok'), database: z.string() }).meta({ id: 'Health' });

/** For load balancers and `tranche serve`: answers once the database answers a query. */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, { deps, databaseKind }) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { summary: 'Is the server up, and on which database?', tags: ['meta'], response: { 200: healthSchema } },
    },
    async () => {
      await sql`SELECT 1`.execute(deps.db);
      return { status: 'ok' as const, database: databaseKind };
    },
  );
};
