/**
 * The IATI 2.03 export (docs/iati.md, "Export"): the public packages as activities and their
 * contributions as transactions, read in one REPEATABLE READ snapshot and streamed into a file, which is checked
 * against the official schema before anyone gets it. The check needs the whole document (libxml2 holds it), so the
 * file is the buffer: the CLI renames it into place, a download streams it and then removes it.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadScope } from '../domain/access.ts';
import { notFound } from '../domain/errors.ts';
import { iatiActivities } from '../ingest/exporters/iati.ts';
import { DEFAULT_IATI_PUBLISHER, type IatiPublisher } from '../ingest/exporters/iati-publisher.ts';
import { describeHead, type ExportManifest } from '../ingest/exporters/manifest.ts';
import { type SchemaProblem, validateIatiActivities } from '../ingest/formats/iati-schema.ts';
import { type IatiPackageOut, writeIati } from '../ingest/formats/iati-write.ts';
import { openExportSnapshot } from '../projections/queries/export.ts';
import { iatiPages } from '../projections/queries/iati.ts';
import type { AppDeps } from './deps.ts';
import type { Download } from './exports.ts';

/** The file Tranche wrote is not valid IATI 2.03: a bug in the export, never the data's fault. */
export class IatiExportInvalidError extends Error {
  readonly problems: readonly SchemaProblem[];

  constructor(problems: readonly SchemaProblem[]) {
    const [first] = problems;
    const where = first?.line ? `line ${first.line}: ` : '';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super(`the IATI export does not validate against the IATI 2.03 schema: ${where}${first?.message ?? ''}${more}`);
    this.name = 'IatiExportInvalidError';
    this.problems = problems;
  }
}

export interface IatiExportOptions {
  /** The reporting organisation and identifier prefix (default: the placeholder DEFAULT_IATI_PUBLISHER). */
  readonly publisher?: IatiPublisher | undefined;
  /** Packages read a page (default 200). */
  readonly pageSize?: number | undefined;
}

export interface IatiExportResult {
  readonly manifest: ExportManifest;
  readonly activities: number;
  readonly transactions: number;
}

/** Checks a written file against the IATI 2.03 schema, and throws IatiExportInvalidError with its first problem. */
export async function checkIatiFile(file: string): Promise<void> {
  const problems = await validateIatiActivities(await readFile(file));
  if (problems.length > 0) throw new IatiExportInvalidError(problems);
}

/** The XML declaration, then a comment naming the ledger head, then the rest of the document. */
async function* withHead(chunks: AsyncIterable<string>, manifest: ExportManifest): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of chunks) {
    yield chunk;
    if (first) yield `<!-- Tranche export at ${describeHead(manifest)} -->\n`;
    first = false;
  }
}

/**
 * Writes the export to `file` (created or replaced) and checks it against the schema. The snapshot is ended as soon
 * as the document is written, before the check. Refused (`iati-export-empty`) when no package is public. The caller
 * removes the file when this fails. The file holds the public packages whoever asks; the ledger head it names is the
 * one the reader (`scope`) may know (see openExportSnapshot).
 */
export async function writeIatiExport(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  scope: ReadScope,
  file: string,
  options: IatiExportOptions = {},
): Promise<IatiExportResult> {
  const snapshot = await openExportSnapshot(deps.db, scope);
  const manifest: ExportManifest = { exportedAt: deps.clock().toISOString(), ledgerHead: snapshot.ledgerHead };
  let activities = 0;
  let transactions = 0;
  async function* counted(source: AsyncIterable<IatiPackageOut>): AsyncGenerator<IatiPackageOut> {
    for await (const activity of source) {
      activities += 1;
      for (const contribution of activity.contributions) transactions += contribution.stages.length;
      yield activity;
    }
  }
  try {
    const source = iatiActivities(
      iatiPages(snapshot.db, options.pageSize),
      options.publisher ?? DEFAULT_IATI_PUBLISHER,
    );
    const document = writeIati(counted(source), { generatedAt: manifest.exportedAt });
    await pipeline(Readable.from(withHead(document, manifest)), createWriteStream(file));
  } finally {
    await snapshot.close();
  }
  // The schema wants at least one activity: an empty file would not be IATI.
  if (activities === 0) throw notFound('iati-export-empty', 'there is no public package to export as an IATI activity');
  await checkIatiFile(file);
  return { manifest, activities, transactions };
}

/**
 * The export as a download: written and checked in a temporary folder, then streamed from there. The folder is
 * removed when the body has been read to its end, fails, or is abandoned by its reader.
 */
export async function openIatiDownload(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  scope: ReadScope,
  options: IatiExportOptions = {},
): Promise<Download & IatiExportResult> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tranche-iati-'));
  const remove = (): Promise<void> => rm(folder, { recursive: true, force: true });
  try {
    const file = path.join(folder, 'iati.xml');
    const result = await writeIatiExport(deps, scope, file, options);
    const body = createReadStream(file);
    finished(body, () => {
      remove().catch(() => {});
    });
    return { ...result, fileName: 'iati.xml', contentType: 'application/xml; charset=utf-8', body };
  } catch (error) {
    await remove();
    throw error;
  }
}
