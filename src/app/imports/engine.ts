/**
 * The import engine every tracker format shares: read a file as a stream of rows, check each, stage valid flows in
 * batches, then record them on the ledger in one transaction.
 *
 * - Dry run: read and check everything, write nothing, say what would be created.
 * - Errors: every refused row with its line, column and reason. All or nothing by default: one bad row and nothing
 *   is written. With `skipInvalid` the good rows go in and the bad ones are listed.
 * - Idempotent: the import's id is derived from the file's SHA-256 and the format, so the same file imported again
 *   finds its import completed and creates nothing; flows have stable ids, so an overlapping file adds only new ones.
 * - Interrupted (kill -9): staged batches are committed one by one in the importer's own tables and are invisible
 *   until the final transaction; a new run of the same file skips the batches already staged. The final transaction
 *   appends every batch as a `FlowsImported` event and projects it, or does nothing at all.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Basis, Visibility } from '../../domain/facts.ts';
import {
  checkFlow,
  encodeFlows,
  FLOW_COLUMNS,
  type FlowBatch,
  type FlowRecord,
  type ImportSummary,
} from '../../domain/flow/flow.ts';
import { FormatError } from '../../ingest/formats/types.ts';
import { appendEvents, lockHead } from '../../ledger/append.ts';
import type { EventMeta, StreamAppend } from '../../ledger/event.ts';
import { project } from '../../projections/project.ts';
import type { AppDeps, RequestContext } from '../deps.ts';

/** One row as a format reads it: the flows and organisations it gives, or why it is refused. */
export type ReadRow =
  | { readonly row: number; readonly flows: readonly FlowRecord[]; readonly organisations?: readonly NewOrganisation[] }
  | { readonly row: number; readonly error: RowError };

export interface RowError {
  readonly row: number;
  readonly column: string | null;
  readonly reason: string;
}

/** An organisation a row names that the ledger may not hold yet: registered by the import when it does not. */
export interface NewOrganisation {
  readonly id: string;
  readonly data: Record<string, unknown>;
}

/** What a format gives the engine: how to read rows, and the dataset release they come from. */
export interface ImportFormat {
  readonly name: string;
  readonly basis: Basis;
  /** The source record of the dataset release (registered by the import when the ledger lacks it). */
  readonly source: { readonly id: string; readonly data: Record<string, unknown> } | null;
  readonly release: string | null;
  read(input: Readable, file: string): AsyncIterable<ReadRow>;
}

export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly skipInvalid?: boolean;
  readonly visibility?: Visibility;
  /** Flows per ledger event (and per staged batch). */
  readonly batchSize?: number;
  /** Called as the file is read: bytes read so far, of `total`, and rows read. */
  readonly onProgress?: (progress: { bytes: number; total: number; rows: number }) => void;
}

export interface ImportReport {
  readonly importId: string;
  readonly file: string;
  readonly dryRun: boolean;
  /** The file was imported before: nothing new was created. */
  readonly alreadyImported: boolean;
  /** Batches an earlier, interrupted run had staged, which this run took over. */
  readonly resumedBatches: number;
  readonly rowsRead: number;
  readonly flows: number;
  /** Flows whose ids the ledger already holds (from another import of the same data): not recorded again. */
  readonly existingFlows: number;
  readonly newOrganisations: readonly string[];
  readonly errors: readonly RowError[];
  /** How many rows were refused in all (the list keeps the first 1,000). */
  readonly errorCount: number;
  readonly written: boolean;
  /** Nothing was (or, in a dry run, would be) imported because rows were refused or the file cannot be read. */
  readonly refused: boolean;
}

const MAX_ERRORS = 1000;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function runImport(
  deps: AppDeps,
  request: RequestContext,
  format: ImportFormat,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const file = basename(path);
  const sha256 = await sha256Of(path);
  const importId = `${format.name}-${sha256.slice(0, 16)}${options.skipInvalid ? '-s' : ''}`;
  const batchSize = options.batchSize ?? 2000;
  const base = { importId, file, dryRun: options.dryRun ?? false, resumedBatches: 0 };
  const done = await deps.db
    .selectFrom('rm_imports')
    .select('import_id')
    .where('import_id', '=', importId)
    .executeTakeFirst();
  if (done) {
    return {
      ...base,
      alreadyImported: true,
      rowsRead: 0,
      flows: 0,
      existingFlows: 0,
      newOrganisations: [],
      errors: [],
      errorCount: 0,
      written: false,
      refused: false,
    };
  }

  const run = options.dryRun ? null : await startRun(deps, importId, format.name, file, sha256);
  const total = (await stat(path)).size;
  const input = createReadStream(path);
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const errors: RowError[] = [];
  let errorCount = 0;
  let rowsRead = 0;
  let flows = 0;
  let batch: FlowRecord[] = [];
  let batchNo = 0;
  const organisations = new Map<string, NewOrganisation>();
  const stage = async () => {
    if (batch.length === 0) return;
    if (run && batchNo >= run.staged && (errorCount === 0 || options.skipInvalid)) {
      await deps.db
        .insertInto('import_staging')
        .values({ import_id: importId, batch: batchNo, flows: batch.length, payload: encodeFlows(batch) })
        .execute();
      await deps.db
        .updateTable('import_runs')
        .set({ batches: batchNo + 1, updated_at: deps.clock() })
        .where('import_id', '=', importId)
        .execute();
    }
    batchNo += 1;
    batch = [];
  };

  let unreadable = false;
  try {
    for await (const read of format.read(input, file)) {
      rowsRead += 1;
      if (rowsRead % 5000 === 0) options.onProgress?.({ bytes, total, rows: rowsRead });
      const checked = 'error' in read ? read : checkRow(read);
      if ('error' in checked) {
        errorCount += 1;
        if (errors.length < MAX_ERRORS) errors.push(checked.error);
        continue;
      }
      for (const organisation of checked.organisations ?? []) organisations.set(organisation.id, organisation);
      for (const flow of checked.flows) {
        batch.push(flow);
        flows += 1;
        if (batch.length === batchSize) await stage();
      }
    }
  } catch (error) {
    // The file cannot be read any further (a wrong header, broken quoting): one error for the file, nothing imported.
    if (!(error instanceof FormatError)) throw error;
    unreadable = true;
    errorCount += 1;
    errors.push({ row: error.line ?? rowsRead + 1, column: null, reason: error.message });
  }
  await stage();
  options.onProgress?.({ bytes: total, total, rows: rowsRead });

  const refused = unreadable || (errorCount > 0 && !options.skipInvalid);
  const report = {
    ...base,
    resumedBatches: run?.staged ?? 0,
    alreadyImported: false,
    rowsRead,
    flows,
    errors,
    errorCount,
    refused,
  };
  if (options.dryRun || refused || !run) {
    if (run && refused) await dropRun(deps.db, importId);
    const existing = await existingOrganisations(deps.db, [...organisations.keys()]);
    return {
      ...report,
      existingFlows: 0,
      newOrganisations: [...organisations.keys()].filter((id) => !existing.has(id)),
      written: false,
    };
  }
  const recorded = await record(
    deps,
    request,
    format,
    { importId, file, sha256, rowsRead, skippedRows: errorCount },
    organisations,
    options,
  );
  return { ...report, ...recorded, written: true };
}

function checkRow(read: Extract<ReadRow, { flows: unknown }>): ReadRow {
  try {
    for (const flow of read.flows) checkFlow(flow);
    return read;
  } catch (error) {
    if (error instanceof DomainError)
      return { row: read.row, error: { row: read.row, column: error.field ?? null, reason: error.message } };
    throw error;
  }
}

async function startRun(deps: AppDeps, importId: string, format: string, file: string, sha256: string) {
  const now = deps.clock();
  await deps.db
    .insertInto('import_runs')
    .values({
      import_id: importId,
      format,
      file,
      sha256,
      status: 'staging',
      batches: 0,
      started_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('import_id').doNothing())
    .execute();
  // Batches are numbered in file order; a run that stopped keeps its contiguous staged prefix.
  const staged = await deps.db
    .selectFrom('import_staging')
    .select('batch')
    .where('import_id', '=', importId)
    .orderBy('batch')
    .execute();
  let contiguous = 0;
  while (staged[contiguous]?.batch === contiguous) contiguous += 1;
  await deps.db
    .deleteFrom('import_staging')
    .where('import_id', '=', importId)
    .where('batch', '>=', contiguous)
    .execute();
  return { staged: contiguous };
}

async function dropRun(db: Db, importId: string): Promise<void> {
  await db.deleteFrom('import_staging').where('import_id', '=', importId).execute();
  await db.deleteFrom('import_runs').where('import_id', '=', importId).execute();
}

async function existingOrganisations(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('rm_organisations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** Events appended per statement: a batch event carries thousands of flows. */
const EVENTS_PER_APPEND = 5;

/** The one transaction that records a staged import: organisations, the release's source, every batch, the summary. */
async function record(
  deps: AppDeps,
  request: RequestContext,
  format: ImportFormat,
  summary: Pick<ImportSummary, 'importId' | 'file' | 'sha256' | 'rowsRead' | 'skippedRows'>,
  organisations: ReadonlyMap<string, NewOrganisation>,
  options: ImportOptions,
): Promise<Pick<ImportReport, 'existingFlows' | 'newOrganisations' | 'flows'>> {
  const today = deps.clock().toISOString().slice(0, 10);
  const meta = (basis: Basis, evidence: readonly string[]): EventMeta => ({
    actor: request.actor,
    basis,
    evidence,
    visibility: options.visibility ?? 'public',
    occurredOn: today,
  });
  return deps.db.transaction().execute(async (tx) => {
    let head = await lockHead(tx);
    const completed = await tx
      .selectFrom('rm_imports')
      .select('import_id')
      .where('import_id', '=', summary.importId)
      .executeTakeFirst();
    if (completed) return { existingFlows: 0, newOrganisations: [], flows: 0 };
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
    const before = await tx.selectFrom('rm_flows').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
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
    const after = await tx.selectFrom('rm_flows').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
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
    const added = Number(after.n) - Number(before.n);
    return {
      existingFlows: flowsRecorded - added,
      newOrganisations: fresh.map((organisation) => organisation.id),
      flows: flowsRecorded,
    };
  });
}
