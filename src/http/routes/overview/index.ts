import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readScopeOf } from '../../../domain/access.ts';
import { CATEGORIES } from '../../../domain/categories.ts';
import {
  donorSummaries,
  donorTotals,
  isTotalsDimension,
  pipelineSummary,
  type TotalsDimension,
} from '../../../projections/queries/totals.ts';
import type { RouteDeps } from '../shared.ts';
import {
  categorySchema,
  donorSummarySchema,
  pipelineSummarySchema,
  summaryQuery,
  totalsQuery,
  totalsRowSchema,
} from './schemas.ts';

const tags = ['overview'];

export const overviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/summary',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Totals by stage, the pledge-to-delivery gap and its lag, and packages by status',
        tags,
        querystring: summaryQuery,
        response: { 200: pipelineSummarySchema },
      },
    },
    (request) => pipelineSummary(deps.db, readScopeOf(request.principal), request.query.currency),
  );

  app.get(
    '/api/donors',
    {
      config: { access: 'public' },
      schema: {
        summary: "Every donor's totals by stage, median days from pledge to delivery and coalitions, in one answer",
        tags,
        querystring: summaryQuery,
        response: { 200: z.array(donorSummarySchema) },
      },
    },
    (request) => donorSummaries(deps.db, readScopeOf(request.principal), request.query.currency),
  );

  app.get(
    '/api/totals',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Totals by stage and by donor, category and/or month: the rows behind the charts',
        tags,
        querystring: totalsQuery,
        response: { 200: z.array(totalsRowSchema) },
      },
    },
    (request) => {
      const { donor, by, ...filter } = request.query;
      return donorTotals(deps.db, readScopeOf(request.principal), {
        ...filter,
        donorId: donor,
        by: by?.split(',').filter((dimension): dimension is TotalsDimension => isTotalsDimension(dimension)),
      });
    },
  );

  app.get(
    '/api/categories',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The categories of assistance, with their labels in uk / en / ru',
        tags,
        response: { 200: z.array(categorySchema).readonly() },
      },
    },
    () => CATEGORIES,
  );
};
