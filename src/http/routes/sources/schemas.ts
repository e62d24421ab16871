import { z } from 'zod';
import { LANGUAGES } from '../../../domain/facts.ts';
import { claimSchema } from '../claims/schemas.ts';
import { pagingQuery } from '../shared.ts';

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
