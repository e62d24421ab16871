/**
 * The one transaction that records a staged import on the ledger: the organisations it names that the ledger lacks,
 * the release's source, a `FlowsImported` event per staged batch (projected as it goes), and the summary. It either
 * all happens or none of it does; until it commits, nothing of the import is visible.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Basis } from '../../domain/facts.ts';
import { FLOW_COLUMNS, type FlowBatch, type ImportSummary } from '../../domain/flow/flow.ts';
import { appendEvents, lockHead } from '../../ledger/append.ts';
import type { EventMeta, StreamAppend } from '../../ledger/event.ts';
import { project } from '../../projections/project.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { isImported } from './runs.ts';
import type { ImportFormat, ImportOptions, ImportReport, NewOrganisation } from './types.ts';

export async function existingOrganisations(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('rm_organisations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** Events appended per statement: a batch event carries thousands of flows. */
const EVENTS_PER_APPEND = 5;

/** The one transaction that records a staged import: organisations, the release's source, every batch, the summary. */
export async function record(
  deps: AppDeps,
  request: RequestContext,
  format: ImportFormat,
  summary: Pick<ImportSummary, 'importId' | 'file' | 'sha256' | 'rowsRead' | 'skippedRows'>,
  organisations: ReadonlyMap<string, NewOrganisation>,
  options: ImportOptions,
): Promise<Pick<ImportReport, 'existingFlows' | 'newOrganisations' | 'flows'>> {
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
    if (await isImported(tx, summary.importId)) return { existingFlows: 0, newOrganisations: [], flows: 0 };
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
    let flowsRecorded = 0;
    // A few staged batches at a time, so memory stays flat however large the file.
    for (let from = 0; ; from += EVENTS_PER_APPEND) {
      const slice = await tx
        .selectFrom('import_staging')
        .select(['batch', 'flows', 'payload'])
        .where('import_id', '=', summary.importId)
        .where('batch', '>=', from)
        .where('batch', '<', from + EVENTS_PER_APPEND)
        .orderBy('batch')
        .execute();
      if (slice.length === 0) break;
      const events = await append([
        {
          streamId,
          streamType: 'import',
          expectedVersion: null,
          events: slice.map((staged) => {
            flowsRecorded += staged.flows;
            const data: FlowBatch = {
              importId: summary.importId,
              batch: staged.batch,
              count: staged.flows,
              columns: FLOW_COLUMNS,
              rows: staged.payload,
            };
            return { type: 'FlowsImported', data, meta: meta(format.basis, evidence) };
          }),
        },
      ]);
      // The same projection a rebuild runs: one set-based statement per batch event.
      await project(tx, events);
    }
    // Flows whose ids the ledger already held were not projected again: the import's own rows say how many were new.
    const added = await tx
      .selectFrom('rm_flows')
      .select(sql<string>`count(*)`.as('n'))
      .where('import_id', '=', summary.importId)
      .executeTakeFirstOrThrow();
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
              flows: flowsRecorded,
              organisations: fresh.length,
            } satisfies ImportSummary,
            meta: meta(format.basis, evidence),
          },
        ],
      },
    ]);
    await project(tx, completedEvents);
    await tx.deleteFrom('import_staging').where('import_id', '=', summary.importId).execute();
    await tx
      .updateTable('import_runs')
      .set({ status: 'completed', updated_at: deps.clock() })
      .where('import_id', '=', summary.importId)
      .execute();
    return {
      existingFlows: flowsRecorded - Number(added.n),
      newOrganisations: fresh.map((organisation) => organisation.id),
      flows: flowsRecorded,
    };
  });
}
