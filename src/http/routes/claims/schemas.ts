import { z } from 'zod';
import { SUBJECT_TYPES } from '../../../domain/claim/claim.ts';
import { moneySchema } from '../shared.ts';

const subjectSchema = z.object({ type: z.string(), id: z.string() });

export const claimSchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    subject: subjectSchema.nullable(),
    donorIds: z.array(z.string()),
    stage: z.string(),
    amount: moneySchema.nullable(),
    statedOn: z.string().nullable(),
    sentence: z.string(),
    linkedEventIds: z.array(z.string()),
    visibility: z.string(),
    source: z.object({
      publisher: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      publishedOn: z.string().nullable(),
      language: z.string(),
    }),
  })
  .meta({ id: 'Claim' });

export const figureSchema = z
  .object({
    subject: subjectSchema,
    stage: z.string(),
    claims: z.array(claimSchema).describe('every reported value, side by side, each with its source'),
    adopted: z
      .object({
        claimId: z.string().nullable(),
        low: moneySchema,
        high: moneySchema,
        note: z.string().nullable(),
        adoptedOn: z.string(),
      })
      .nullable()
      .describe('the value (or range) a curator adopted, if any'),
  })
  .meta({ id: 'Figure' });

export const figuresQuery = z.strictObject({
  subjectType: z.enum(SUBJECT_TYPES),
  subjectId: z.string().min(1).max(100),
});
