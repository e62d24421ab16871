/**
 * The one transaction that records a staged import on the ledger: the organisations it names that the ledger lacks,
 * the release's source, a `FlowsImported` event per staged batch (projected as it goes), and the summary. It either
 * all happens or none of it does; until it commits, nothing of the import is visible.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Basis } from '../../domain/facts.ts';
import { BATCH_COLUMNS, type FlowBatch, TotalsSum } from '../../domain/flow/batch.ts';
import type { ImportSummary } from '../../domain/flow/flow.ts';
import { appendEvents, lockHead } from '../../ledger/append.ts';
import type { EventMeta, StreamAppend } from '../../ledger/event.ts';
import { project } from '../../projections/project.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { heldRowsOf, settleBatch, settleHeldRows } from './held.ts';
import { isImported } from './runs.ts';
import type { ImportFormat, ImportOptions, ImportReport, NewOrganisation } from './types.ts';

export async function existingOrganisations(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('rm_organisations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** Batch events appended per statement: each carries its batch's digest and totals, not its flows. */
const BATCHES_PER_APPEND = 50;

/** Groups of totals carried from batch to batch before an event records them. */
const CARRIED_GROUPS = 20_000;

/** The one transaction that records a staged import: organisations, the release's source, every batch, the summary. */
export async function record(
  deps: AppDeps,
  request: RequestContext,
  format: ImportFormat,
  summary: Pick<ImportSummary, 'importId' | 'file' | 'sha256' | 'rowsRead' | 'skippedRows'>,
  organisations: ReadonlyMap<string, NewOrganisation>,
  options: ImportOptions,
): Promise<Pick<ImportReport, 'existingFlows' | 'amendedFlows' | 'newOrganisations' | 'flows'>> {
  const today = deps.clock().toISOString().slice(0, 10);
  const meta = (basis: Basis, evidence: readonly string[]): EventMeta => ({
    actor: request.principal.actor,
    basis,
    evidence,
    visibility: options.visibility ?? 'public',
    occurredOn: today,
  });
  return deps.db.transaction().execute(async (tx) => {
    let head = await lockHead(tx);
    if (await isImported(tx, summary.importId))
      return { existingFlows: 0, amendedFlows: 0, newOrganisations: [], flows: 0 };
    const append = async (appends: StreamAppend[]) => {
      const result = await appendEvents(tx, head, appends, {
        recordedAt: deps.clock(),
        newEventId: () => deps.newId('evt'),
      });
      head = result.head;
      return result.events;
    };
    const known = await existingOrganisations(tx, [...organisations.keys()]);
    const fresh = [...organisations.values()].filter((organisation) => !known.has(organisation.id));
    const registered = await append(
      fresh.map((organisation) => ({
        streamId: `organisation-${organisation.id}`,
        streamType: 'organisation',
        expectedVersion: 0,
        events: [{ type: 'OrganisationRegistered', data: organisation.data, meta: meta('official', []) }],
      })),
    );
    await project(tx, registered);
    const source = format.source;
    if (source) {
      const exists = await tx.selectFrom('rm_sources').select('id').where('id', '=', source.id).executeTakeFirst();
      if (!exists) {
        await project(
          tx,
          await append([
            {
              streamId: `source-${source.id}`,
              streamType: 'source',
              expectedVersion: 0,
              events: [{ type: 'SourceRecorded', data: source.data, meta: meta('official', []) }],
            },
          ]),
        );
      }
    }
    const evidence = source ? [source.id] : [];
    const streamId = `import-${summary.importId}`;
    const { last } = await tx
      .selectFrom('flow_batches')
      .select(sql<number>`coalesce(max(batch), -1)::int`.as('last'))
      .where('import_id', '=', summary.importId)
      .executeTakeFirstOrThrow();
    // Totals carried forward until they hold many groups, or to the last batch: a tracker gives the same donor's
    // month in many batches, and adding one row per group is far cheaper than one per group per batch.
    const carried = new TotalsSum();
    await settleHeldRows(tx, summary.importId, format.name, options.visibility ?? 'public', carried);
    let flowsRead = 0;
    let flowsRecorded = 0;
    let flowsAmended = 0;
    // Events wait here until BATCHES_PER_APPEND of them or one carrying totals, which can be many groups (a Kiel
    // file's every flow is a group of its own): so no more than one event's totals are held at once.
    let waiting: FlowBatch[] = [];
    const appendWaiting = async () => {
      if (waiting.length === 0) return;
      const events = await append([
        {
          streamId,
          streamType: 'import',
          expectedVersion: null,
          events: waiting.map((data) => ({ type: 'FlowsImported', data, meta: meta(format.basis, evidence) })),
        },
      ]);
      waiting = [];
      // The same projection a rebuild runs: the batches' totals added to rm_flow_totals.
      await project(tx, events);
    };
    for (let from = 0; ; from += BATCHES_PER_APPEND) {
      // Each batch's totals as text, read into tuples one batch at a time.
      const staged = await tx
        .selectFrom('flow_batches')
        .select([
          'batch',
          'digest',
          'flows',
          sql<string>`totals::text`.as('totals'),
          sql<number>`cardinality(lines)`.as('rows'),
        ])
        .where('import_id', '=', summary.importId)
        .where('batch', '>=', from)
        .where('batch', '<', from + BATCHES_PER_APPEND)
        .orderBy('batch')
        .execute();
      if (staged.length === 0) break;
      const held = await heldRowsOf(tx, from, from + BATCHES_PER_APPEND);
      for (const batch of staged) {
        flowsRead += batch.flows;
        const settled = await settleBatch(tx, batch, held.get(batch.batch), carried);
        flowsAmended += settled.amendedFlows;
        flowsRecorded += settled.flows;
        const carries = carried.groups >= CARRIED_GROUPS || batch.batch === last;
        waiting.push({
          importId: summary.importId,
          batch: batch.batch,
          flows: settled.flows,
          contentDigest: batch.digest,
          columns: BATCH_COLUMNS,
          repeatedRows: settled.repeatedRows,
          amendedRows: settled.amendedRows,
          totals: carries ? carried.take() : [],
        });
        if (carries) await appendWaiting();
      }
      await appendWaiting();
    }
    const completedEvents = await append([
      {
        streamId,
        streamType: 'import',
        expectedVersion: null,
        events: [
          {
            type: 'ImportCompleted',
            data: {
              ...summary,
              format: format.name,
              release: format.release,
              sourceId: source?.id ?? null,
              flows: flowsRead,
              organisations: fresh.length,
            } satisfies ImportSummary,
            meta: meta(format.basis, evidence),
          },
        ],
      },
    ]);
    await project(tx, completedEvents);
    await tx
      .updateTable('import_runs')
      .set({ status: 'completed', updated_at: deps.clock() })
      .where('import_id', '=', summary.importId)
      .execute();
    return {
      existingFlows: flowsRead - flowsRecorded,
      amendedFlows: flowsAmended,
      newOrganisations: fresh.map((organisation) => organisation.id),
      flows: flowsRead,
    };
  });
}
