import { finished, PassThrough, Readable } from 'node:stream';
import type { ReadScope } from '../domain/access.ts';
import { notFound } from '../domain/errors.ts';
import { csvTable } from '../ingest/exporters/csv.ts';
import { jsonExport, jsonTable } from '../ingest/exporters/json.ts';
import type { ExportManifest } from '../ingest/exporters/manifest.ts';
import { writeWorkbook } from '../ingest/exporters/xlsx.ts';
import {
  EXPORT_TABLES,
  exportName,
  openExportSnapshot,
  type ReadModelTable,
  readModelTable,
  type SnapshotTable,
} from '../projections/queries/export.ts';
import type { AppDeps } from './deps.ts';

type ExportFormat = 'csv' | 'json' | 'xlsx';

/** The names an export accepts for its tables, in the order it writes them. */
export const EXPORT_TABLE_NAMES: readonly string[] = EXPORT_TABLES.map(exportName);

/** Read-model tables by their export name (`packages`) or their own (`rm_packages`); refuses any other name. */
export function exportTables(names: readonly string[] | undefined): ReadModelTable[] {
  if (names === undefined || names.length === 0) return [...EXPORT_TABLES];
  const tables: ReadModelTable[] = [];
  for (const name of names) {
    const table = readModelTable(name);
    if (!table) {
      throw notFound(
        'export-table-unknown',
        `no read model "${name}"; one of: ${EXPORT_TABLE_NAMES.join(', ')}`,
        'table',
      );
    }
    if (!tables.includes(table)) tables.push(table);
  }
  return tables;
}

/** The read models being exported, as of one ledger head; close() ends the snapshot. */
export interface ExportRun {
  readonly manifest: ExportManifest;
  readonly tables: readonly SnapshotTable[];
  close(): Promise<void>;
}

/**
 * Opens an export of the named tables (all, by default) as the reader may see them, in one REPEATABLE READ
 * transaction, so that every table reflects the same ledger head. `pageSize` rows are read at a time. The CLI's
 * operator exports with FULL_SCOPE; a download, with the scope of whoever asks.
 */
export async function openExport(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  scope: ReadScope,
  names?: readonly string[],
  options: { readonly pageSize?: number } = {},
): Promise<ExportRun> {
  const wanted = exportTables(names);
  const snapshot = await openExportSnapshot(deps.db, scope, options.pageSize);
  try {
    const tables: SnapshotTable[] = [];
    for (const table of wanted) tables.push(await snapshot.table(table));
    return {
      manifest: { exportedAt: deps.clock().toISOString(), ledgerHead: snapshot.ledgerHead },
      tables,
      close: () => snapshot.close(),
    };
  } catch (error) {
    await snapshot.close();
    throw error;
  }
}

/** What can be downloaded: one table as CSV or JSON, or every table as one JSON document or one workbook. */
export type DownloadRequest =
  | { readonly format: 'csv'; readonly table: string }
  | { readonly format: 'json'; readonly table?: string | undefined }
  | { readonly format: 'xlsx' };

export interface Download {
  readonly manifest: ExportManifest;
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Readable;
}

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function bodyOf(run: ExportRun, request: DownloadRequest): Readable {
  const [table] = run.tables;
  if (request.format === 'xlsx') {
    const out = new PassThrough();
    writeWorkbook(run.manifest, run.tables, out).catch((error: unknown) => out.destroy(asError(error)));
    return out;
  }
  if (request.format === 'json' && request.table === undefined)
    return Readable.from(jsonExport(run.manifest, run.tables));
  if (!table) throw new Error('export: a download of one table was opened without it');
  return Readable.from(request.format === 'csv' ? csvTable(table) : jsonTable(table));
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * One document, read in its own snapshot and streamed: the snapshot ends when the body has been read to its end, fails,
 * or is abandoned by its reader. An unknown table is refused (`export-table-unknown`) before anything is read. It holds
 * what the reader (`scope`) may see.
 */
export async function openDownload(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  scope: ReadScope,
  request: DownloadRequest,
): Promise<Download> {
  const one = request.format === 'xlsx' ? undefined : request.table;
  const run = await openExport(deps, scope, one === undefined ? undefined : [one]);
  try {
    const body = bodyOf(run, request);
    finished(body, () => {
      run.close().catch(() => {});
    });
    const name = one === undefined ? 'tranche' : (run.tables[0]?.name ?? one);
    return {
      manifest: run.manifest,
      fileName: `${name}.${request.format}`,
      contentType: CONTENT_TYPES[request.format],
      body,
    };
  } catch (error) {
    await run.close();
    throw error;
  }
}
