import { z } from 'zod';
import { CLAIM_STAGES } from '../../../domain/claim/claim.ts';
import { currencyQuery, moneySchema } from '../shared.ts';

const stageTotals = z.object({
  pledged: moneySchema,
  committed: moneySchema,
  paid: moneySchema,
  delivered: moneySchema,
});

export const donorSummarySchema = z
  .object({
    donorId: z.string(),
    currency: z.string(),
    totals: stageTotals,
    medianLagDays: z.number().nullable().describe('median days from pledge to full delivery'),
    coalitions: z.array(z.string()),
  })
  .meta({ id: 'DonorSummary' });

export const pipelineSummarySchema = z
  .object({
    currency: z.string(),
    totals: stageTotals,
    gap: z.object({
      amount: moneySchema,
      medianLagDays: z.number().nullable(),
      deliveredContributions: z.number().int(),
    }),
    packagesByStatus: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'PipelineSummary' });

export const totalsRowSchema = z
  .object({
    stage: z.string(),
    donorId: z.string().optional(),
    category: z.string().optional(),
    month: z.string().optional(),
    amount: moneySchema,
  })
  .meta({ id: 'TotalsRow' });

export const categorySchema = z
  .object({
    id: z.string(),
    label: z.object({ uk: z.string(), en: z.string(), ru: z.string() }),
    kiel: z.string().describe('military, financial or humanitarian (the Kiel tracker types)'),
    dacSector: z.string().describe('OECD DAC purpose code'),
  })
  .meta({ id: 'Category' });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written as YYYY-MM');

export const summaryQuery = z.strictObject({ ...currencyQuery });
export const totalsQuery = z.strictObject({
  ...currencyQuery,
  by: z
    .string()
    .regex(/^(donor|category|month)(,(donor|category|month))*$/, 'a comma-separated list of donor, category, month')
    .optional()
    .describe('what to group by besides the stage, e.g. "donor" or "month"; default donor,category,month'),
  donor: z.string().min(1).max(100).optional(),
  stage: z.enum(CLAIM_STAGES).optional(),
  category: z.string().min(1).max(100).optional(),
  from: month.optional().describe('first month, inclusive'),
  to: month.optional().describe('last month, inclusive'),
});
