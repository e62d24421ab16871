import { z } from 'zod';
import { SUBJECT_TYPES } from '../../../domain/claim/claim.ts';
import { moneySchema, pagingQuery } from '../shared.ts';

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

export const factViewSchema = z
  .object({
    key: z.string().describe('donors|stage|amount currency, e.g. dk+no+se|pledged|500000000 USD'),
    donorIds: z.array(z.string()),
    stage: z.string(),
    amount: moneySchema.nullable(),
    claims: z.array(
      z.object({
        id: z.string(),
        sourceId: z.string(),
        sentence: z.string(),
        statedOn: z.string().nullable(),
        subject: subjectSchema.nullable(),
        linkedEventIds: z.array(z.string()),
      }),
    ),
    sources: z
      .array(
        z.object({
          id: z.string(),
          publisher: z.string(),
          language: z.string(),
          title: z.string(),
          publishedOn: z.string().nullable(),
        }),
      )
      .describe('each source that states it, once'),
  })
  .meta({ id: 'Fact' });

export const factsQuery = z.strictObject({ ...pagingQuery });
