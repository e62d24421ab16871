/**
 * Flows: aid money a tracker reports, a donor's at one stage for a month or a day — the Kiel Ukraine Support
 * Tracker's allocations and commitments per donor and month, OCHA FTS's pledges, commitments and payments. They are
 * recorded on the ledger by imports, a batch of flows per event, and stand next to the packages, never inside them.
 */
import { invalid } from '../errors.ts';
import { assertId } from '../facts.ts';

export const FLOW_STAGES = ['pledged', 'committed', 'allocated', 'paid'] as const;
export type FlowStage = (typeof FLOW_STAGES)[number];

export const FLOW_CATEGORIES = ['military', 'financial', 'humanitarian', 'total'] as const;
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

const DECIMAL = /^\d{1,20}(\.\d{1,10})?$/;
const ZERO = /^0+(\.0+)?$/;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Values that checkFlow found good, by what they were checked as: an import's flows share a few donors, recipients,
 * periods and currencies, which are checked once. The checks are pure, so the answer is the same; a set is emptied
 * when it holds 10,000 values.
 */
const GOOD_IDS = new Set<string>();
const GOOD_PERIODS = new Set<string>();
const GOOD_CURRENCIES = new Set<string>();

function remember(good: Set<string>, value: string): void {
  if (good.size >= 10_000) good.clear();
  good.add(value);
}

/** A flow as a format reads it: checked here, so every import refuses the same things with the same codes. */
export function checkFlow(flow: FlowRecord): FlowRecord {
  assertId(flow.id, 'id');
  if (!GOOD_IDS.has(flow.donorId)) remember(GOOD_IDS, assertId(flow.donorId, 'donorId'));
  if (flow.recipientId !== null && !GOOD_IDS.has(flow.recipientId)) {
    remember(GOOD_IDS, assertId(flow.recipientId, 'recipientId'));
  }
  if (!FLOW_STAGES.includes(flow.stage)) {
    throw invalid('stage-invalid', 'stage', `the stage is one of ${FLOW_STAGES.join(', ')}`);
  }
  if (!FLOW_CATEGORIES.includes(flow.category)) {
    throw invalid('category-unknown', 'category', `the category is one of ${FLOW_CATEGORIES.join(', ')}`);
  }
  if (!GOOD_PERIODS.has(flow.period)) {
    if (!PERIOD.test(flow.period))
      throw invalid('date-invalid', 'period', `"${flow.period}" is not YYYY-MM or YYYY-MM-DD`);
    remember(GOOD_PERIODS, flow.period);
  }
  // Only an amount that starts with 0 can be zero.
  if (!DECIMAL.test(flow.amount) || (flow.amount.charCodeAt(0) === 0x30 && ZERO.test(flow.amount))) {
    throw invalid('amount-not-positive', 'amount', `"${flow.amount}" is not a positive amount`);
  }
  if (!GOOD_CURRENCIES.has(flow.currency)) {
    if (!CURRENCY.test(flow.currency))
      throw invalid('currency-unknown', 'currency', `"${flow.currency}" is no currency`);
    remember(GOOD_CURRENCIES, flow.currency);
  }
  // An equivalent equal to the amount, which passed DECIMAL above, passes it again.
  if (flow.eur !== null && flow.eur !== flow.amount && !DECIMAL.test(flow.eur)) {
    throw invalid('amount-invalid', 'eur', `"${flow.eur}" is not an amount`);
  }
  if (flow.usd !== null && flow.usd !== flow.amount && !DECIMAL.test(flow.usd)) {
    throw invalid('amount-invalid', 'usd', `"${flow.usd}" is not an amount`);
  }
  if (flow.statedRate !== null && !DECIMAL.test(flow.statedRate)) {
    throw invalid('amount-invalid', 'statedRate', `"${flow.statedRate}" is not an amount`);
  }
  return flow;
}
