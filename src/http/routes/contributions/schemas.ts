import { z } from 'zod';
import { currencyQuery, moneySchema, pagingQuery } from '../shared.ts';

const CONTRIBUTION_STATUSES = ['pledged', 'committed', 'withdrawn'] as const;

export const contributionSchema = z
  .object({
    id: z.string(),
    donorId: z.string(),
    packageId: z.string().nullable(),
    category: z.string(),
    status: z.string(),
    amount: moneySchema.describe("in the donor's currency: as pledged, committed or amended"),
    paidAmount: moneySchema,
    reporting: z
      .object({ amount: moneySchema, paid: moneySchema, delivered: moneySchema })
      .describe('equivalents in the reporting currency'),
    rate: z.object({ date: z.string(), source: z.string() }),
    dates: z.object({
      pledged: z.string(),
      committed: z.string().nullable(),
      lastPaid: z.string().nullable(),
      withdrawn: z.string().nullable(),
    }),
    visibility: z.string(),
  })
  .meta({ id: 'Contribution' });

export const listContributionsQuery = z.strictObject({
  ...currencyQuery,
  donor: z.string().min(1).max(100).optional(),
  package: z.string().min(1).max(100).optional(),
  status: z.enum(CONTRIBUTION_STATUSES).optional(),
  ...pagingQuery,
});
export const contributionQuery = z.strictObject({ ...currencyQuery });
