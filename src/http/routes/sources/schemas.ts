import { z } from 'zod';
import { LANGUAGES } from '../../../domain/facts.ts';
import { claimSchema } from '../claims/schemas.ts';
import { commandResultSchema, pagingQuery } from '../shared.ts';

export const sourceSchema = z
  .object({
    id: z.string(),
    url: z.string().nullable(),
    publisher: z.string(),
    author: z.string().nullable(),
    publishedOn: z.string().nullable(),
    language: z.string(),
    title: z.string(),
    storyId: z.string().nullable().describe('versions of one story in several languages share it'),
    visibility: z.string(),
    recordedAt: z.string(),
    claims: z.array(claimSchema),
  })
  .meta({ id: 'Source' });

export const sourceDetailSchema = sourceSchema.extend({ text: z.string() }).meta({ id: 'SourceDetail' });

export const listSourcesQuery = z.strictObject({
  language: z.enum(LANGUAGES).optional(),
  story: z.string().min(1).max(100).optional(),
  ...pagingQuery,
});

export const importResultSchema = commandResultSchema
  .extend({
    storyId: z.string().nullable().describe('the story the source was recorded in; null: it tells its own story'),
    groupedWith: z
      .object({
        sourceId: z.string(),
        score: z.number().describe('Jaccard similarity of the facts both versions state, 0.5…1'),
      })
      .nullable()
      .describe('the version in another language it was found to retell'),
  })
  .meta({ id: 'ImportResult' });

const extractedClaimSchema = z.object({
  donors: z.array(z.string()).describe('ISO 3166-1 alpha-2 codes, or EU'),
  stage: z.string().describe('pledged, funded or delivered'),
  amount: z.object({ value: z.number().describe('whole units'), currency: z.string() }).nullable(),
  mechanism: z.string().nullable(),
  evidence: z.string().describe('the sentence that states it'),
  span: z.object({ start: z.number().int(), end: z.number().int() }).describe('where the sentence is in `text`'),
});

export const extractionSchema = z
  .object({
    file: z.string().nullable(),
    language: z.string(),
    title: z.string().nullable(),
    author: z.string().nullable(),
    published: z.string().nullable(),
    text: z.string().describe('the main text the spans point into'),
    claims: z.array(extractedClaimSchema),
  })
  .meta({ id: 'Extraction' });

export const storySchema = z
  .object({
    id: z.string().describe("the sources' story id, or the id of the one source that tells it"),
    languages: z.array(z.string()),
    sources: z.array(
      z.object({
        id: z.string(),
        publisher: z.string(),
        language: z.string(),
        title: z.string(),
        publishedOn: z.string().nullable(),
        url: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Story' });

export const listStoriesQuery = z.strictObject({
  multilingual: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('true: only stories told in two languages or more'),
  ...pagingQuery,
});
