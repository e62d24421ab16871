import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '../../db/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkFlow, encodeFlows, type FlowRecord } from '../../domain/flow/flow.ts';
import { FormatError } from '../../ingest/formats/types.ts';
import { requirePermission } from '../command.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { existingOrganisations, record } from './record.ts';
import { isImported, MAX_ERRORS, sha256Of } from './runs.ts';
import type { ImportFormat, ImportOptions, ImportReport, NewOrganisation, ReadRow, RowError } from './types.ts';

export type { ImportFormat, ImportOptions, ImportReport, NewOrganisation, ReadRow, RowError } from './types.ts';

export async function runImport(
  deps: AppDeps,
  request: RequestContext,
  format: ImportFormat,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  requirePermission(request.principal, 'RunImport');
  const file = basename(path);
  const sha256 = await sha256Of(path);
  const importId = `${format.name}-${sha256.slice(0, 16)}${options.skipInvalid ? '-s' : ''}`;
  const batchSize = options.batchSize ?? 2000;
  const base = { importId, file, dryRun: options.dryRun ?? false, resumedBatches: 0 };
  if (await isImported(deps.db, importId)) {
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
