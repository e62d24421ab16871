import { z } from 'zod';
import { PACKAGE_STATUSES } from '../../../domain/package/package.ts';
import { figureSchema } from '../claims/schemas.ts';
import { contributionSchema } from '../contributions/schemas.ts';
import { currencyQuery, localizedTextSchema, moneySchema, pagingQuery } from '../shared.ts';

const nullableDate = z.string().nullable();

export const pipelineRowSchema = z
  .object({
    id: z.string(),
    title: localizedTextSchema,
    status: z.string(),
    recipientId: z.string(),
    coordinatorId: z.string(),
    supplierId: z.string().nullable(),
    category: z.string(),
    donorIds: z.array(z.string()),
    target: moneySchema.describe('as proposed, in its own currency'),
    targetReporting: moneySchema.describe('in the reporting currency, at the proposal date'),
    pledged: moneySchema,
    committed: moneySchema,
    paid: moneySchema,
    fundedShare: z.number().describe('committed ÷ target'),
    paidShare: z.number().describe('paid ÷ target'),
    deliveredShare: z.number().describe('the delivered share of the contents, 0…1'),
    deliveredShareExact: z.object({ numerator: z.string(), denominator: z.string() }),
    dates: z.object({
      proposed: z.string(),
      validated: nullableDate,
      funded: nullableDate,
      contracted: nullableDate,
      firstShipped: nullableDate,
      firstReceived: nullableDate,
      delivered: nullableDate,
      closed: nullableDate,
      cancelled: nullableDate,
    }),
    visibility: z.string(),
  })
  .meta({ id: 'PackagePipelineRow' });

const lineQuantities = z.unknown().describe('[{ lineId, quantity }]');

export const packageDetailSchema = pipelineRowSchema
  .extend({
    lines: z.array(
      z.object({
        lineId: z.string(),
        requirementId: z.string().nullable(),
        description: z.string(),
        category: z.string(),
        quantity: z.number().nullable(),
        unit: z.string().nullable(),
        value: moneySchema.nullable(),
        shipped: z.number(),
        received: z.number(),
      }),
    ),
    shipments: z.array(z.object({ shipmentId: z.string(), dispatchedOn: z.string(), lines: lineQuantities })),
    receipts: z.array(
      z.object({
        receiptId: z.string(),
        shipmentId: z.string(),
        receivedOn: z.string(),
        lines: lineQuantities,
        full: z.boolean(),
      }),
    ),
    contributions: z.array(contributionSchema),
    figures: z.array(figureSchema).describe('conflicting reported values, each with its source, and the adopted one'),
  })
  .meta({ id: 'PackageDetail' });

export const pipelineQuery = z.strictObject({
  ...currencyQuery,
  status: z.enum(PACKAGE_STATUSES).optional(),
  donor: z.string().min(1).max(100).optional(),
  ...pagingQuery,
});
export const packageQuery = z.strictObject({ ...currencyQuery });
