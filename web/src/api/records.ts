/**
 * GET /api/records: the records and the sources behind one figure of the overview (a stage's total, for a donor, a
 * month and/or a category). The records add up exactly to the figure GET /api/totals gives for the same filters.
 */
import type { Currency, Localised, Money, Stage } from './types.ts';

export interface RecordsFilters {
  readonly donor?: string;
  /** YYYY-MM */
  readonly month?: string;
  readonly category?: string;
}

export interface EvidenceClaim {
  readonly claimId: string;
  readonly stage: string;
  /** As the source states it, in the source's language. */
  readonly sentence: string;
  /** Linked to one of the record's events; false: the source says it of the record's package or contribution. */
  readonly linked: boolean;
}

export interface RecordSource {
  readonly sourceId: string;
  readonly publisher: string;
  readonly title: string;
  readonly url: string | null;
  readonly language: string;
  readonly publishedOn: string | null;
  readonly claims: readonly EvidenceClaim[];
}

/** One dated change that makes up a record's amount: a pledge, a commitment, a payment, a receipt… */
export interface RecordPart {
  readonly eventId: string;
  readonly type: string;
  readonly on: string;
  readonly amount: Money;
}

/** One contribution's share of the figure. */
export interface FigureRecord {
  readonly contributionId: string;
  readonly donorId: string;
  readonly packageId: string | null;
  readonly packageTitle: Localised | null;
  readonly category: string;
  /** In the reporting currency; `original` is the same in the contribution's own currency. */
  readonly amount: Money;
  readonly original: Money;
  /** The day that placed the amount in its month (the latest, when there are several parts). */
  readonly on: string;
  readonly basis: string;
  readonly parts: readonly RecordPart[];
  readonly sources: readonly RecordSource[];
}

export interface FigureRecords {
  readonly currency: Currency;
  readonly stage: Stage;
  readonly filters: RecordsFilters;
  readonly total: Money;
  readonly records: readonly FigureRecord[];
}
