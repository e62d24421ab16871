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

/** Texts the ledger's events seal by their SHA-256: see migrations/0007_flow_batches.sql. */
export interface LedgerContentsTable {
  digest: string;
  bytes: number;
  deflated: Buffer;
}

/** The importer's index of its batches: each source row's key and line, and the batch's totals. */
export interface FlowBatchesTable {
  import_id: string;
  batch: number;
  digest: string;
  flows: number;
  keys: string[];
  lines: number[];
  totals: unknown;
  /** Each row's digest of its flows, origin aside (held.ts), once the batch was compared (0009); else null. */
  digests: string[] | null;
}

/** Secrets kept beside the ledger, never on it: see migrations/0006_people.sql. */
export interface AuthPasswordsTable {
  person_id: string;
  password_hash: string;
  updated_at: Timestamp;
}

export interface AuthTokenSecretsTable {
  token_id: string;
  secret_hash: string;
}

export interface AuthSessionsTable {
  id_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface Schema extends ProjectionTables {
  events: EventsTable;
  ledger_head: LedgerHeadTable;
  idempotency_keys: IdempotencyKeysTable;
  fx_rates: FxRatesTable;
  import_runs: ImportRunsTable;
  ledger_contents: LedgerContentsTable;
  flow_batches: FlowBatchesTable;
  auth_passwords: AuthPasswordsTable;
  auth_token_secrets: AuthTokenSecretsTable;
  auth_sessions: AuthSessionsTable;
}
