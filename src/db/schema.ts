import type { ColumnType, Generated } from 'kysely';
import type { ProjectionTables } from '../projections/tables.ts';

/** numeric and bigint come back from PostgreSQL as strings, so money stays exact. */
export type Numeric = ColumnType<string, string | bigint | number, string | bigint | number>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface EventsTable {
  seq: ColumnType<string, string | bigint, never>;
  event_id: string;
  stream_id: string;
  stream_type: string;
  version: number;
  type: string;
  data: ColumnType<unknown, string, never>;
  meta: ColumnType<unknown, string, never>;
  occurred_on: string | null;
  recorded_at: Timestamp;
  prev_hash: string;
  hash: string;
}

export interface LedgerHeadTable {
  id: Generated<boolean>;
  seq: Numeric;
  hash: string;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  result: ColumnType<unknown, string, string>;
  recorded_at: Timestamp;
}

export interface FxRatesTable {
  rate_date: string;
  currency: string;
  per_eur: Numeric;
}

/** An import's progress: its staged batches survive an interrupted run, which resumes from them. */
export interface ImportRunsTable {
  import_id: string;
  format: string;
  file: string;
  sha256: string;
  status: string;
  batches: number;
  started_at: Timestamp;
  updated_at: Timestamp;
}

export interface ImportStagingTable {
  import_id: string;
  batch: number;
  flows: number;
  payload: string;
}

export interface Schema extends ProjectionTables {
  events: EventsTable;
  ledger_head: LedgerHeadTable;
  idempotency_keys: IdempotencyKeysTable;
  fx_rates: FxRatesTable;
  import_runs: ImportRunsTable;
  import_staging: ImportStagingTable;
}
