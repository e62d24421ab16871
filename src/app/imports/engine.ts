import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '../../db/index.ts';
import { requirePermission } from '../command.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { fileStream, type ReadOutcome, type ReadPlan, type ReadyBatch, readRows } from './read.ts';
import { existingOrganisations, record } from './record.ts';
import { isImported, sha256Of } from './runs.ts';
import { findCuts, READ_THREADS, readInParts, SPLIT_FROM_BYTES } from './split.ts';
import { BatchStager, dropRun, type RunStart, startRun } from './stage.ts';
import type { ImportFormat, ImportOptions, ImportReport } from './types.ts';

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
      amendedFlows: 0,
      newOrganisations: [],
      errors: [],
      errorCount: 0,
      written: false,
      refused: false,
    };
  }

  const run = options.dryRun
    ? null
    : await startRun(deps.db, deps.clock(), { importId, format: format.name, file, sha256 });
  const total = (await stat(path)).size;
  const plan = {
    stage: run !== null,
    afterLine: run?.afterLine ?? 0,
    batchSize,
    skipInvalid: options.skipInvalid ?? false,
  };
  const progress = (bytes: number, rows: number) => options.onProgress?.({ bytes, total, rows });
  const { outcome, batches } = await readAndStage(deps.db, importId, format, path, file, run, plan, {
    size: total,
    progress,
    threads: options.readThreads ?? (total >= SPLIT_FROM_BYTES ? READ_THREADS : 1),
  });
  const { rowsRead, flows, errors, errorCount, organisations, unreadable } = outcome;
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
      amendedFlows: 0,
      newOrganisations: [...organisations.keys()].filter((id) => !existing.has(id)),
      written: false,
    };
  }
  options.onRecording?.(batches);
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

/**
 * Reads the file and stages its batches (none in a dry run): in parts, a thread each, when a dry run or a fresh run is
 * to be read by several threads and its format can be built again in another (split.ts); else in this one, after the
 * rows a resumed run staged.
 */
async function readAndStage(
  db: Db,
  importId: string,
  format: ImportFormat,
  path: string,
  file: string,
  run: RunStart | null,
  plan: ReadPlan,
  options: {
    readonly size: number;
    readonly progress: (bytes: number, rows: number) => void;
    readonly threads: number;
  },
): Promise<{ readonly outcome: ReadOutcome; readonly batches: number }> {
  const { rebuild } = format;
  if ((run === null || run.staged === 0) && rebuild && options.threads > 1) {
    const cuts = await findCuts(path, options.size, options.threads);
    const read =
      cuts && (await readInParts(db, importId, { ...format, rebuild }, path, cuts, file, plan, options.progress));
    if (read) return read;
  }
  const stager = run ? new BatchStager(db, importId, run.staged) : null;
  const sink = { batch: (batch: ReadyBatch) => stager?.stage(batch) ?? Promise.resolve(), progress: options.progress };
  try {
    const outcome = await readRows(format, fileStream(path), file, plan, sink);
    return { outcome, batches: stager?.batches ?? 0 };
  } finally {
    await stager?.done();
  }
}
