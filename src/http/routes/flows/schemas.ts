import { z } from 'zod';
import { BASES } from '../../../domain/facts.ts';
import { FLOW_CATEGORIES, FLOW_STAGES } from '../../../domain/flow/flow.ts';
import { currencyQuery, moneySchema } from '../shared.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month written as YYYY-MM');

export const flowTotalsQuery = z
  .strictObject({
    ...currencyQuery,
    donor: z.string().min(1).max(100).optional().describe('an organisation id: only this donor’s flows'),
    from: month.optional().describe('first month, inclusive'),
    to: month.optional().describe('last month, inclusive'),
    stage: z.enum(FLOW_STAGES).optional(),
    category: z.enum(FLOW_CATEGORIES).optional(),
    basis: z.enum(BASES).optional().describe('a tracker’s flows by their basis: Kiel’s are estimate, FTS’s reported'),
  })
  .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
    path: ['to'],
    message: 'the last month comes before the first (from)',
  });

export const flowTrackersQuery = z.strictObject({});

const flowSumSchema = z.object({
  stage: z.string().describe('pledged, committed, allocated or paid'),
  category: z.string().describe('military, financial, humanitarian, or total (a commitment of every kind)'),
  flows: z.number().int().describe('how many flows the sum adds up'),
  amount: moneySchema.describe('in the reporting currency: exact, as the tracker’s flows state it or convert it'),
});

const releaseSchema = z
  .object({
    importId: z.string(),
    current: z
      .boolean()
      .describe(
        'its figures are the tracker’s sums: the release published last (then imported last); false for a release a later one supersedes, listed but not counted',
      ),
    format: z.string().describe('kiel or fts'),
    file: z.string(),
    release: z.string().nullable().describe('the tracker’s release as it names it; null for a live database (FTS)'),
    completedOn: z.string().describe('the day the import was recorded'),
    rowsRead: z.number().int(),
    flows: z.number().int(),
    skippedRows: z.number().int(),
    source: z
      .object({
        id: z.string(),
        title: z.string(),
        publisher: z.string(),
        url: z.string().nullable(),
        publishedOn: z.string().nullable(),
        language: z.string(),
      })
      .nullable()
      .describe('the source record that cites the release, when the reader may read it'),
  })
  .meta({ id: 'FlowRelease' });

const trackerShape = {
  basis: z.string().describe('estimate (Kiel), reported (FTS): how the tracker knows its figures'),
  flows: z.number().int(),
  donorCount: z.number().int(),
  period: z.object({ from: z.string(), to: z.string() }).describe('the first and last month with flows, YYYY-MM'),
  releases: z.array(releaseSchema),
};

export const flowTrackerSchema = z.object(trackerShape).meta({ id: 'FlowTracker' });

export const flowTotalsSchema = z
  .object({
    currency: z.string(),
    trackers: z.array(
      z.object({
        ...trackerShape,
        totals: z.array(flowSumSchema).describe('over the period, by stage and category'),
        donors: z.array(
          z.object({
            donorId: z.string(),
            kind: z.string().nullable(),
            names: z.object({ uk: z.string(), en: z.string(), ru: z.string() }).nullable(),
            flows: z.number().int(),
            totals: z.array(flowSumSchema),
          }),
        ),
        months: z.array(flowSumSchema.extend({ month: z.string() })),
      }),
    ),
  })
  .meta({ id: 'FlowTotals' });
