/**
 * Flows: aid money a tracker reports, a donor's at one stage for a month or a day — the Kiel Ukraine Support
 * Tracker's allocations and commitments per donor and month, OCHA FTS's pledges, commitments and payments. They are
 * recorded on the ledger by imports, a batch of flows per event, and stand next to the packages, never inside them.
 */
import type { DomainEvent } from '../decider.ts';
import { invalid } from '../errors.ts';
import { assertId } from '../facts.ts';

const FLOW_STAGES = ['pledged', 'committed', 'allocated', 'paid'] as const;
export type FlowStage = (typeof FLOW_STAGES)[number];

const FLOW_CATEGORIES = ['military', 'financial', 'humanitarian', 'total'] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

/** Where a flow was read: the file, its physical line (the header is line 1), the tracker's release. */
export interface FlowOrigin {
  readonly file: string;
  readonly row: number;
  readonly release: string | null;
}

export interface FlowRecord {
  /** Stable across imports of the same data: a second import of a row finds its flow already there. */
  readonly id: string;
  readonly donorId: string;
  readonly recipientId: string | null;
  readonly stage: FlowStage;
  readonly category: FlowCategory;
  /** YYYY-MM (a month) or YYYY-MM-DD (a day), as the tracker states it. */
  readonly period: string;
  /** A positive decimal in `currency`. */
  readonly amount: string;
  readonly currency: string;
  readonly eur: string | null;
  readonly usd: string | null;
  /** "stated" when the tracker gives the equivalent, else "ecb:YYYY-MM-DD". */
  readonly rateSource: string;
  /** The exchange rate the tracker used, as it states it (FTS: units of the original currency per US dollar). */
  readonly statedRate: string | null;
  readonly description: string | null;
  readonly origin: FlowOrigin;
}

export interface ImportSummary {
  readonly importId: string;
  readonly format: string;
  readonly file: string;
  readonly sha256: string;
  readonly release: string | null;
  readonly sourceId: string | null;
  readonly rowsRead: number;
  readonly flows: number;
  readonly skippedRows: number;
  readonly organisations: number;
}

/**
 * A batch of flows as an event carries them: one line per flow, fields in `FLOW_COLUMNS` order separated by tabs.
 * Ids, codes, dates and amounts are written as they are (`checkFlow` admits no tab or line break in them); free text
 * (the description, the origin's file and release) as a JSON string; a missing value as `\N`. One string hashes and
 * stores far faster than thousands of objects, and PostgreSQL splits it back in one statement.
 */
export interface FlowBatch {
  readonly importId: string;
  readonly batch: number;
  readonly count: number;
  readonly columns: readonly string[];
  readonly rows: string;
}

export type ImportEvent = DomainEvent<'FlowsImported', FlowBatch> | DomainEvent<'ImportCompleted', ImportSummary>;

const DECIMAL = /^\d{1,20}(\.\d{1,10})?$/;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const CURRENCY = /^[A-Z]{3}$/;

export const FLOW_COLUMNS = [
  'id',
  'donorId',
  'recipientId',
  'stage',
  'category',
  'period',
  'amount',
  'currency',
  'eur',
  'usd',
  'rateSource',
  'description',
  'originFile',
  'originRow',
  'originRelease',
  'statedRate',
] as const;

const NULL = '\\N';
const plain = (value: string | null): string => value ?? NULL;
const text = (value: string | null): string => (value === null ? NULL : JSON.stringify(value));

/** The batch's rows as `FlowBatch.rows` holds them. */
export function encodeFlows(flows: readonly FlowRecord[]): string {
  return flows
    .map((flow) =>
      [
        flow.id,
        flow.donorId,
        plain(flow.recipientId),
        flow.stage,
        flow.category,
        flow.period,
        flow.amount,
        flow.currency,
        plain(flow.eur),
        plain(flow.usd),
        text(flow.rateSource),
        text(flow.description),
        text(flow.origin.file),
        String(flow.origin.row),
        text(flow.origin.release),
        plain(flow.statedRate),
      ].join('\t'),
    )
    .join('\n');
}

/** A flow as a format reads it: checked here, so every import refuses the same things with the same codes. */
export function checkFlow(flow: FlowRecord): FlowRecord {
  assertId(flow.id, 'id');
  assertId(flow.donorId, 'donorId');
  if (flow.recipientId !== null) assertId(flow.recipientId, 'recipientId');
  if (!FLOW_STAGES.includes(flow.stage)) {
    throw invalid('stage-invalid', 'stage', `the stage is one of ${FLOW_STAGES.join(', ')}`);
  }
  if (!FLOW_CATEGORIES.includes(flow.category)) {
    throw invalid('category-unknown', 'category', `the category is one of ${FLOW_CATEGORIES.join(', ')}`);
  }
  if (!PERIOD.test(flow.period))
    throw invalid('date-invalid', 'period', `"${flow.period}" is not YYYY-MM or YYYY-MM-DD`);
  if (!DECIMAL.test(flow.amount) || /^0+(\.0+)?$/.test(flow.amount)) {
    throw invalid('amount-not-positive', 'amount', `"${flow.amount}" is not a positive amount`);
  }
  if (!CURRENCY.test(flow.currency)) throw invalid('currency-unknown', 'currency', `"${flow.currency}" is no currency`);
  for (const [field, value] of [
    ['eur', flow.eur],
    ['usd', flow.usd],
    ['statedRate', flow.statedRate],
  ] as const) {
    if (value !== null && !DECIMAL.test(value)) throw invalid('amount-invalid', field, `"${value}" is not an amount`);
  }
  return flow;
}
