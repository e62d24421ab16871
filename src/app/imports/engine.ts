import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FormatError } from '../../ingest/formats/types.ts';
import { requirePermission } from '../command.ts';
import type { AppDeps, RequestContext } from '../deps.ts';
import { existingOrganisations, record } from './record.ts';
import { isImported, sha256Of } from './runs.ts';
import { BatchStager, dropRun, startRun } from './stage.ts';
import { RowTally } from './tally.ts';
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
  const tally = new RowTally();
  // A dry run stages nothing, so it collects nothing either.
  const stager = run ? new BatchStager(deps.db, importId, run, batchSize) : null;
  const unreadable = await readFile(format, path, file, { tally, stager, total, options });
  options.onProgress?.({ bytes: total, total, rows: tally.rowsRead });
  const { rowsRead, flows, errors, errorCount, organisations } = tally;

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

/** What reading a file needs besides the file. */
interface FileRead {
  readonly tally: RowTally;
  readonly stager: BatchStager | null;
  readonly total: number;
  readonly options: ImportOptions;
}

/**
 * Reads the file into `tally`, staging its batches (the rows after those a resumed run staged); true when the file
 * cannot be read to its end (one error for the file, nothing imported). Once a row is refused without
 * --skip-invalid nothing more is staged: the file is read on only to list errors.
 */
async function readFile(format: ImportFormat, path: string, file: string, read: FileRead): Promise<boolean> {
  const { tally, stager, total, options } = read;
  const input = createReadStream(path);
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  try {
    for await (const chunk of format.read(input, file))
      for (const row of chunk) {
        const keyed = tally.take(row);
        if (tally.rowsRead % 5000 === 0) options.onProgress?.({ bytes, total, rows: tally.rowsRead });
        if (keyed && stager && (tally.errorCount === 0 || options.skipInvalid) && stager.add(keyed)) {
          await stager.flush();
        }
      }
    return false;
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    tally.refuse({ row: error.line ?? tally.rowsRead + 1, column: null, reason: error.message });
    return true;
  } finally {
    await stager?.done();
  }
}
