/**
 * Imported flows one by one, read from the ledger itself: every `FlowsImported` event in chain order, its batch's
 * flows inflated from the ledger's content store, the rows it marks as repeated left out. They are not copied into a
 * table a row per flow (that copy cost an import far more than the import itself); only their totals are a read model
 * (rm_flow_totals). The rows have the columns the `flows` export has always had, in that order.
 */
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { mayRead, type ReadScope } from '../../domain/access.ts';
import type { Visibility } from '../../domain/facts.ts';
import { decodeBatch, type FlowBatch, type RowAmendment } from '../../domain/flow/batch.ts';
import { readContent } from '../../ledger/contents.ts';

/** A type rather than an interface, so that a flow is an export's row (a record of its columns). */
export type ImportedFlow = {
  readonly id: string;
  readonly import_id: string;
  readonly donor_id: string;
  readonly recipient_id: string | null;
  readonly stage: string;
  readonly category: string;
  readonly period: string;
  readonly month: string;
  readonly amount: string;
  readonly currency: string;
  readonly amount_eur: string | null;
  readonly amount_usd: string | null;
  readonly rate_source: string;
  readonly rate_stated: string | null;
  readonly basis: string;
  readonly source_id: string | null;
  readonly description: string | null;
  readonly origin_file: string;
  readonly origin_row: number;
  readonly origin_release: string | null;
  readonly visibility: string;
};

/** The columns of a flow row and how they are written (as ColumnKind of the exports, with numeric scales). */
export const IMPORTED_FLOW_COLUMNS: readonly { name: keyof ImportedFlow; number: boolean }[] = [
  'id',
  'import_id',
  'donor_id',
  'recipient_id',
  'stage',
  'category',
  'period',
  'month',
  'amount',
  'currency',
  'amount_eur',
  'amount_usd',
  'rate_source',
  'rate_stated',
  'basis',
  'source_id',
  'description',
  'origin_file',
  'origin_row',
  'origin_release',
  'visibility',
].map((name) => ({
  name: name as keyof ImportedFlow,
  number: ['amount', 'amount_eur', 'amount_usd', 'rate_stated', 'origin_row'].includes(name),
}));

export interface FlowFilter {
  readonly importId?: string;
  readonly donorId?: string;
}

/** Ten decimals, as `numeric(30, 10)` printed them: exports keep the form the read model had. */
const tenPlaces = (value: string | null): string | null => {
  if (value === null) return null;
  const [whole = '0', fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(10, '0')}`;
};

/**
 * The versions of rows that later imports amended, as `importId:line`: those of the amending events the reader may
 * read (a reader who may not read an amendment goes on reading the version it replaced, as the sums do).
 */
async function amendedVersions(db: Kysely<Schema>, scope: ReadScope): Promise<Set<string>> {
  const { rows } = await sql<{ amended: RowAmendment[]; visibility: Visibility }>`
    SELECT data->'amendedRows' AS amended, meta->>'visibility' AS visibility
    FROM events
    WHERE stream_type = 'import' AND type = 'FlowsImported'
      AND jsonb_array_length(coalesce(data->'amendedRows', '[]'::jsonb)) > 0
  `.execute(db);
  const replaced = new Set<string>();
  for (const { amended, visibility } of rows) {
    if (!mayRead(scope, visibility, [])) continue;
    for (const { replaces } of amended) replaced.add(`${replaces.importId}:${replaces.row}`);
  }
  return replaced;
}

/**
 * The flows the reader may read, a batch at a time, in ledger order: each row's version that counts (the import that
 * recorded it first, or the last that amended it). A batch's text is inflated only when its event is visible and,
 * with a filter, only for that import.
 */
export async function* importedFlows(
  db: Kysely<Schema>,
  scope: ReadScope,
  filter: FlowFilter = {},
): AsyncGenerator<readonly ImportedFlow[]> {
  const amended = await amendedVersions(db, scope);
  let after = 0;
  while (true) {
    const { rows } = await sql<{
      seq: string;
      data: FlowBatch;
      basis: string;
      visibility: Visibility;
      source: string | null;
    }>`
      SELECT seq, data, meta->>'basis' AS basis, meta->>'visibility' AS visibility, meta->'evidence'->>0 AS source
      FROM events
      WHERE type = 'FlowsImported' AND seq > ${after}
        ${filter.importId === undefined ? sql`` : sql`AND data->>'importId' = ${filter.importId}`}
      ORDER BY seq LIMIT 20
    `.execute(db);
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]?.seq);
    for (const event of rows) {
      const repeated = new Set(event.data.repeatedRows);
      const page: ImportedFlow[] = [];
      for (const flow of decodeBatch(await readContent(db, event.data.contentDigest))) {
        if (repeated.has(flow.origin.row) || amended.has(`${event.data.importId}:${flow.origin.row}`)) continue;
        if (filter.donorId !== undefined && flow.donorId !== filter.donorId) continue;
        if (!mayRead(scope, event.visibility, [flow.donorId, flow.recipientId])) continue;
        page.push({
          id: flow.id,
          import_id: event.data.importId,
          donor_id: flow.donorId,
          recipient_id: flow.recipientId,
          stage: flow.stage,
          category: flow.category,
          period: flow.period,
          month: flow.period.slice(0, 7),
          amount: tenPlaces(flow.amount) ?? '',
          currency: flow.currency,
          amount_eur: tenPlaces(flow.eur),
          amount_usd: tenPlaces(flow.usd),
          rate_source: flow.rateSource,
          rate_stated: tenPlaces(flow.statedRate),
          basis: event.basis,
          source_id: event.source,
          description: flow.description,
          origin_file: flow.origin.file,
          origin_row: flow.origin.row,
          origin_release: flow.origin.release,
          visibility: event.visibility,
        });
      }
      if (page.length > 0) yield page;
    }
  }
}
