import { z } from 'zod';
import { localizedTextSchema, moneySchema } from '../shared.ts';

export const requirementCoverageSchema = z
  .object({
    id: z.string(),
    recipientId: z.string(),
    title: localizedTextSchema,
    category: z.string(),
    priorityRank: z.number().int(),
    status: z.string(),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    estimatedValue: moneySchema.nullable(),
    covered: z.number().describe('quantity in packages that are not cancelled'),
    funded: z.number().describe('quantity in packages funded or further'),
    delivered: z.number().describe('quantity the recipient confirmed'),
    packageIds: z.array(z.string()),
    visibility: z.string(),
  })
  .meta({ id: 'RequirementCoverage' });

export const coverageQuery = z.strictObject({
  recipient: z.string().min(1).max(100).optional(),
  includeWithdrawn: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('also list withdrawn requirements'),
});
