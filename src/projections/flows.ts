/**
 * Imports and their flows. A `FlowsImported` event carries up to a few thousand flows as tab-separated lines; they
 * are projected by one set-based statement that splits them back out of the event in the ledger, so a million flows
 * cost a thousand statements, not a million — the same statement whether the import is live or the read models are
 * rebuilt.
 */
import { sql } from 'kysely';
import type { ImportEvent } from '../domain/flow/flow.ts';
import type { StoredEvent } from '../ledger/event.ts';
import type { Tx } from './context.ts';

export async function projectImport(tx: Tx, stored: StoredEvent, event: ImportEvent): Promise<void> {
  switch (event.type) {
    case 'FlowsImported':
      await projectFlows(tx, stored.seq, stored.seq);
      return;
    case 'ImportCompleted': {
      const summary = event.data;
      await tx
        .insertInto('rm_imports')
        .values({
          import_id: summary.importId,
          format: summary.format,
          file: summary.file,
          sha256: summary.sha256,
          release: summary.release,
          source_id: summary.sourceId,
          rows_read: summary.rowsRead,
          flows: summary.flows,
          skipped_rows: summary.skippedRows,
          organisations: summary.organisations,
          completed_on: stored.meta.occurredOn,
          visibility: stored.meta.visibility,
        })
        .execute();
      return;
    }
  }
}

/** Projects the flows of every `FlowsImported` event from `fromSeq` to `toSeq`: rows, then their monthly totals. */
async function projectFlows(tx: Tx, fromSeq: number, toSeq: number): Promise<void> {
  await sql`
    WITH batch AS MATERIALIZED (
      -- Each event's fields read once: an expression on the event inside the row loop would detoast its whole
      -- (large) data for every flow.
      SELECT e.data->>'importId' AS import_id, e.meta->>'basis' AS basis, e.meta->>'visibility' AS visibility,
             e.meta->'evidence'->>0 AS source_id, e.data->>'rows' AS rows
      FROM events e
      WHERE e.seq BETWEEN ${fromSeq} AND ${toSeq} AND e.type = 'FlowsImported'
    ),
    fields AS (
      SELECT b.import_id, b.basis, b.visibility, b.source_id, string_to_array(line, E'\\t') AS f
      FROM batch b, string_to_table(b.rows, E'\\n') AS line
    ),
    imported AS (
      -- FLOW_COLUMNS (src/domain/flow/flow.ts): \N is null; free text is a JSON string.
      SELECT import_id, basis, visibility, source_id,
             f[1] AS id, f[2] AS "donorId", nullif(f[3], '\\N') AS "recipientId", f[4] AS stage, f[5] AS category,
             f[6] AS period, f[7]::numeric AS amount, f[8] AS currency, nullif(f[9], '\\N')::numeric AS eur,
             nullif(f[10], '\\N')::numeric AS usd, f[11]::json #>> '{}' AS "rateSource",
             nullif(f[12], '\\N')::json #>> '{}' AS description,
             f[13]::json #>> '{}' AS origin_file, f[14]::int AS origin_row, nullif(f[15], '\\N')::json #>> '{}' AS origin_release,
             nullif(f[16], '\\N')::numeric AS rate_stated
      FROM fields
    ),
    inserted AS (
      INSERT INTO rm_flows (id, import_id, donor_id, recipient_id, stage, category, period, month, amount, currency,
                            amount_eur, amount_usd, rate_source, rate_stated, basis, source_id, description, origin_file, origin_row,
                            origin_release, visibility)
      SELECT id, import_id, "donorId", "recipientId", stage, category, period, left(period, 7), amount, currency, eur, usd,
             "rateSource", rate_stated, basis, source_id, description, origin_file, origin_row, origin_release,
             visibility
      FROM imported
      ON CONFLICT (id) DO NOTHING
      RETURNING donor_id, month, stage, category, basis, visibility, amount_eur, amount_usd
    )
    INSERT INTO rm_flow_totals (donor_id, month, stage, category, basis, visibility, flows, eur, usd)
    SELECT donor_id, month, stage, category, basis, visibility, count(*), coalesce(sum(amount_eur), 0), coalesce(sum(amount_usd), 0)
    FROM inserted
    GROUP BY donor_id, month, stage, category, basis, visibility
    ON CONFLICT (donor_id, month, stage, category, basis, visibility) DO UPDATE
      SET flows = rm_flow_totals.flows + excluded.flows,
          eur = rm_flow_totals.eur + excluded.eur,
          usd = rm_flow_totals.usd + excluded.usd
  `.execute(tx);
}
