import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { requirePermission } from '../command.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { type ReadOutcome, type ReadSink, readRows } from './read.ts';
import { existingOrganisations, record } from './record.ts';
import { isImported, sha256Of } from './runs.ts';
import { BatchStager, dropRun, startRun } from './stage.ts';
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
  // A dry run stages nothing, so it collects nothing either.
  const stager = run ? new BatchStager(deps.db, importId, run) : null;
  const plan = {
    stage: stager !== null,
    afterLine: run?.afterLine ?? 0,
    batchSize,
    skipInvalid: options.skipInvalid ?? false,
  };
  const sink: ReadSink = {
    batch: (batch) => stager?.stage(batch) ?? Promise.resolve(),
    progress: (bytes, rows) => options.onProgress?.({ bytes, total, rows }),
  };
  let outcome: ReadOutcome;
  try {
    outcome = await readRows(format, path, file, plan, sink);
  } finally {
    await stager?.done();
  }
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
  options.onRecording?.(stager?.batches ?? 0);
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
