import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readScopeOf } from '../../../domain/access.ts';
import { flowTotals, flowTrackers } from '../../../projections/queries/flows.ts';
import type { RouteDeps } from '../shared.ts';
import { flowTotalsQuery, flowTotalsSchema, flowTrackerSchema, flowTrackersQuery } from './schemas.ts';

const tags = ['trackers'];

/**
 * The imported trackers' flows (Kiel, FTS): their sums by donor, month, stage and category, and the releases behind
 * them. Figures of the trackers' own, beside the pipeline's and never added into them.
 */
export const flowRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/flows/trackers',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Each imported tracker in short: its flows, donors, first and last month, and its releases',
        tags,
        querystring: flowTrackersQuery,
        response: { 200: z.array(flowTrackerSchema) },
      },
    },
    (request) => flowTrackers(deps.db, readScopeOf(request.principal)),
  );

  app.get(
    '/api/flows/totals',
    {
      config: { access: 'public' },
      schema: {
        summary: "The imported trackers' flows summed by donor and by month, with stage and category, per tracker",
        tags,
        querystring: flowTotalsQuery,
        response: { 200: flowTotalsSchema },
      },
    },
    (request) => {
      const { donor, ...filter } = request.query;
      return flowTotals(deps.db, readScopeOf(request.principal), { ...filter, donorId: donor });
    },
  );
};
