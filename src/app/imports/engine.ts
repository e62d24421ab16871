import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError } from '../../domain/errors.ts';
import { checkFlow } from '../../domain/flow/flow.ts';
import { FormatError } from '../../ingest/formats/types.ts';
import { requirePermission } from '../command.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { existingOrganisations, record } from './record.ts';
import { isImported, MAX_ERRORS, sha256Of } from './runs.ts';
import { BatchStager, dropRun, startRun } from './stage.ts';
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

  const run = options.dryRun
    ? null
    : await startRun(deps.db, deps.clock(), { importId, format: format.name, file, sha256 });
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
  const organisations = new Map<string, NewOrganisation>();
  // Once a row is refused without --skip-invalid nothing more is staged: the file is read on only to list errors.
  const stager = new BatchStager(run ? deps.db : null, importId, run?.staged ?? 0, batchSize);
  let unreadable = false;
  try {
    for await (const chunk of format.read(input, file))
      for (const read of chunk) {
        rowsRead += 1;
        if (rowsRead % 5000 === 0) options.onProgress?.({ bytes, total, rows: rowsRead });
        const checked = 'error' in read ? read : checkRow(read);
        if ('error' in checked) {
          errorCount += 1;
          if (errors.length < MAX_ERRORS) errors.push(checked.error);
          continue;
        }
        for (const organisation of checked.organisations ?? []) organisations.set(organisation.id, organisation);
        flows += checked.flows.length;
        // A dry run stages nothing, so it collects nothing either.
        if (run && checked.flows.length > 0 && (errorCount === 0 || options.skipInvalid) && stager.add(checked)) {
          await stager.flush();
        }
      }
  } catch (error) {
    // The file cannot be read any further (a wrong header, broken quoting): one error for the file, nothing imported.
    await stager.done().catch(() => undefined);
    if (!(error instanceof FormatError)) throw error;
    unreadable = true;
    errorCount += 1;
    errors.push({ row: error.line ?? rowsRead + 1, column: null, reason: error.message });
  }
  await stager.done();
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
  options.onRecording?.(stager.batches);
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
