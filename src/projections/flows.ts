/**
 * Imports and their flows' totals. A `FlowsImported` event seals its batch's flows (kept as ledger content) and
 * carries their totals by donor, month, stage and category; the read model adds those, by release, a few hundred rows a batch,
 * whether the import is live or the read models are rebuilt. The flows themselves are read from the ledger
 * (src/projections/queries/imported-flows.ts), not copied into a table a row per flow.
 */
import { sql } from 'kysely';
import type { FlowBatch, FlowTotal, ImportEvent } from '../domain/flow/batch.ts';
import type { StoredEvent } from '../ledger/event.ts';
import type { Tx } from './context.ts';

export async function projectImport(tx: Tx, stored: StoredEvent, event: ImportEvent): Promise<void> {
  switch (event.type) {
    case 'FlowsImported':
      await projectFlows(tx, stored, event.data);
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

/**
 * Adds a batch's totals to rm_flow_totals, under the event's basis and visibility and the source its evidence names
 * (the tracker's release: each release's totals stay apart, and the queries read the latest). Totals may be negative
 * where the batch amends rows an earlier import recorded.
 */
async function projectFlows(tx: Tx, stored: StoredEvent, batch: FlowBatch): Promise<void> {
  if (batch.totals.length === 0) return;
  const column = <T>(pick: (total: FlowTotal) => T): T[] => batch.totals.map(pick);
  const sourceId = stored.meta.evidence[0] ?? '';
  await sql`
    INSERT INTO rm_flow_totals (source_id, donor_id, month, stage, category, basis, visibility, flows, eur, usd)
    SELECT ${sourceId}, donor_id, month, stage, category, ${stored.meta.basis}, ${stored.meta.visibility}, flows, eur, usd
    FROM unnest(${column((t) => t[0])}::text[], ${column((t) => t[1])}::text[], ${column((t) => t[2])}::text[],
                ${column((t) => t[3])}::text[], ${column((t) => t[4])}::bigint[], ${column((t) => t[5])}::numeric[],
                ${column((t) => t[6])}::numeric[]) AS t(donor_id, month, stage, category, flows, eur, usd)
    ON CONFLICT (source_id, donor_id, month, stage, category, basis, visibility) DO UPDATE
      SET flows = rm_flow_totals.flows + excluded.flows,
          eur = rm_flow_totals.eur + excluded.eur,
          usd = rm_flow_totals.usd + excluded.usd
  `.execute(tx);
  // Totals that take amended versions out can leave a group with no flow: it is no longer a group of the tracker.
  if (batch.totals.some((total) => total[4] <= 0)) {
    await tx.deleteFrom('rm_flow_totals').where('source_id', '=', sourceId).where('flows', '=', '0').execute();
  }
}
