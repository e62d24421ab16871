import { z } from 'zod';
import { moneySchema } from '../shared.ts';

export const proposalParams = z.strictObject({
  id: z.string().min(1).max(100),
  key: z.string().min(1).max(100).describe("the proposal's key"),
});

const candidateSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  streamId: z.string(),
  occurredOn: z.string(),
  label: z.string(),
  score: z.number().describe('how well it matches, 0…1'),
  fits: z.boolean().describe('the amount matches (within 2%), or the claim states none and it happened by then'),
});

export const proposalSchema = z
  .object({
    key: z.string().describe('stable: sha256 over the sentence start, donors, stage and amount (16 hex digits)'),
    donors: z.array(z.string()).describe('ISO 3166-1 alpha-2 codes, or EU'),
    donorIds: z.array(z.string()).describe('the organisations carrying those codes'),
    unresolved: z.array(z.string()).describe('codes no organisation carries'),
    stage: z.string().describe('as extracted: pledged, funded or delivered'),
    claimStage: z.string().describe('the stage of the claim it becomes: pledged, paid or delivered'),
    amount: moneySchema.nullable(),
    mechanism: z.string().nullable(),
    evidence: z.string(),
    span: z
      .object({ start: z.number().int(), end: z.number().int() })
      .describe("where the sentence is in the source's text"),
    status: z.enum(['open', 'accepted', 'rejected']),
    claimId: z.string().nullable().describe('the claim it was accepted as'),
    reason: z.string().nullable().describe('why it was rejected'),
    candidates: z.array(candidateSchema).describe('up to 5 ledger events it could be evidence for, best first'),
    sameFact: z
      .array(
        z.object({
          claimId: z.string(),
          sourceId: z.string(),
          publisher: z.string(),
          language: z.string(),
          title: z.string(),
          publishedOn: z.string().nullable(),
        }),
      )
      .describe('claims of other sources that state the same fact'),
    implies: z
      .object({ method: z.literal('POST'), path: z.string(), body: z.record(z.string(), z.unknown()) })
      .nullable()
      .describe('when no candidate fits: the command the claim implies, prefilled, for a person to send'),
  })
  .meta({ id: 'Proposal' });
