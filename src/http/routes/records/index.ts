import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readScopeOf } from '../../../domain/access.ts';
import { CATEGORIES } from '../../../domain/categories.ts';
import { CLAIM_STAGES } from '../../../domain/claim/claim.ts';
import { figureRecords } from '../../../projections/queries/records.ts';
import { currencyQuery, localizedTextSchema, moneySchema, type RouteDeps } from '../shared.ts';

const tags = ['overview'];

const recordsQuery = z.strictObject({
  ...currencyQuery,
  stage: z.enum(CLAIM_STAGES).default('pledged').describe('the figure’s stage; default pledged'),
  donor: z.string().min(1).max(100).optional().describe('an organisation id: the donor (or coalition) counted'),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written as YYYY-MM')
    .optional()
    .describe('the month the amounts are counted in, as the monthly totals date them'),
  category: z
    .string()
    .refine((id) => CATEGORIES.some((category) => category.id === id), 'one of the ids GET /api/categories lists')
    .optional(),
});

const sourceSchema = z.object({
  sourceId: z.string(),
  publisher: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  language: z.string(),
  publishedOn: z.string().nullable(),
  claims: z.array(
    z.object({
      claimId: z.string(),
      stage: z.string(),
      sentence: z.string().describe('as the source states it, in its language'),
      linked: z.boolean().describe("linked to one of the record's events; else a statement about its subject"),
    }),
  ),
});

const figureRecordSchema = z
  .object({
    contributionId: z.string(),
    donorId: z.string(),
    packageId: z.string().nullable(),
    packageTitle: localizedTextSchema.nullable(),
    category: z.string(),
    amount: moneySchema.describe('what this contribution adds to the figure, in the reporting currency'),
    original: moneySchema.describe("the same, in the contribution's own currency"),
    on: z.string().describe('the day that placed the amount in its month (the latest, when there are several)'),
    basis: z.string().describe('the weakest basis of the events counted'),
    parts: z
      .array(z.object({ eventId: z.string(), type: z.string(), on: z.string(), amount: moneySchema }))
      .describe('the dated changes that make up the amount: a pledge, a payment, a receipt, an amendment…'),
    sources: z.array(sourceSchema),
  })
  .meta({ id: 'FigureRecord' });

const figureRecordsSchema = z
  .object({
    currency: z.string(),
    stage: z.string(),
    filters: z.object({ donor: z.string().optional(), month: z.string().optional(), category: z.string().optional() }),
    total: moneySchema.describe('the sum of the records: the figure GET /api/totals gives for the same filters'),
    records: z.array(figureRecordSchema),
  })
  .meta({ id: 'FigureRecords' });

export const recordRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.get(
    '/api/records',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The records and the sources behind a figure: each contribution’s share of a stage’s total',
        tags,
        querystring: recordsQuery,
        response: { 200: figureRecordsSchema },
      },
    },
    (request) => {
      const { donor, ...filter } = request.query;
      return figureRecords(deps.db, readScopeOf(request.principal), { ...filter, donorId: donor });
    },
  );
};
