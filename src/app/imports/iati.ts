import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Visibility } from '../../domain/facts.ts';
import type { ImportSummary } from '../../domain/flow/flow.ts';
import { readIati } from '../../ingest/formats/iati.ts';
import type { IatiActivity } from '../../ingest/formats/iati-types.ts';
import { FormatError } from '../../ingest/formats/types.ts';
import { appendEvents, lockHead } from '../../ledger/append.ts';
import { project } from '../../projections/project.ts';
import { existingStreams } from '../command.ts';
import type { AppDeps, CommandResult, RequestContext } from '../deps.ts';
import { recordSource } from '../sources.ts';
import { ActivityRefused, importActivity } from './iati-activity.ts';
import { localized } from './iati-organisations.ts';
import { isImported, MAX_ERRORS, sha256Of } from './runs.ts';
import type { ImportOptions, RowError } from './types.ts';

export interface IatiImportOptions {
  readonly dryRun?: boolean;
  readonly skipInvalid?: boolean;
  readonly visibility?: Visibility;
  /** Called as the file is read, as for the flow formats: bytes read so far, of `total`, and activities read. */
  readonly onProgress?: ImportOptions['onProgress'];
}

export interface IatiImportReport {
  readonly importId: string;
  readonly file: string;
  readonly dryRun: boolean;
  /** The file was imported before: nothing new was created. */
  readonly alreadyImported: boolean;
  /** Activities read, the refused ones included. */
  readonly rowsRead: number;
  /** Packages created (or, in a dry run, that would be), one per activity, in file order. */
  readonly packages: readonly string[];
  readonly contributions: readonly string[];
  readonly newOrganisations: readonly string[];
  /** Packages the ledger already held (imported from another file): their activities were skipped. */
  readonly existingActivities: readonly string[];
  /** Transactions of a type that gives no contribution stage (interest, loan repayment, equity…). */
  readonly skippedTransactions: number;
  readonly sourceId: string | null;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  readonly written: boolean;
  readonly refused: boolean;
}

/** The largest file kept whole as its source's text (a source's text is at most 1,000,000 characters). */
const MAX_SOURCE_TEXT = 1_000_000;

/**
 * The file's source record, `iati-<digest>`: the file itself as its text when it fits, so every narrative in every
 * language and every element the import does not map stay on the ledger; else a note naming its digest.
 */
async function fileSource(
  deps: AppDeps,
  request: RequestContext,
  path: string,
  sha256: string,
  first: IatiActivity,
  visibility: Visibility,
): Promise<string> {
  const id = `iati-${sha256.slice(0, 16)}`;
  if ((await existingStreams(deps.db, 'source', [id])).size > 0) return id;
  const file = basename(path);
  const size = (await stat(path)).size;
  const names = localized(first.reportingOrg?.narratives ?? []);
  const publisher =
    names.en ?? names.uk ?? names.ru ?? first.reportingOrg?.narratives[0]?.text ?? first.reportingOrg?.ref;
  const text =
    size <= MAX_SOURCE_TEXT
      ? await readFile(path, 'utf8')
      : `IATI activity file ${file}, ${size} bytes, SHA-256 ${sha256}: too large to keep as text.`;
  await recordSource(deps, request, {
    id,
    publisher: publisher ?? 'IATI publisher',
    language: 'en',
    title: `IATI activity file ${file}`,
    text: text.length <= MAX_SOURCE_TEXT ? text : text.slice(0, MAX_SOURCE_TEXT),
    visibility,
    basis: 'official',
  });
  return id;
}

export async function importIati(
  deps: AppDeps,
  request: RequestContext,
  path: string,
  options: IatiImportOptions = {},
): Promise<IatiImportReport> {
  const file = basename(path);
  const sha256 = await sha256Of(path);
  const importId = `iati-${sha256.slice(0, 16)}${options.skipInvalid ? '-s' : ''}`;
  const visibility = options.visibility ?? 'public';
  const blank = () => ({
    importId,
    file,
    dryRun: options.dryRun ?? false,
    alreadyImported: false,
    rowsRead: 0,
    packages: [] as string[],
    contributions: [] as string[],
    newOrganisations: [] as string[],
    existingActivities: [] as string[],
    skippedTransactions: 0,
    sourceId: null as string | null,
    errors: [] as RowError[],
    errorCount: 0,
    written: false,
    refused: false,
  });
  if (await isImported(deps.db, importId)) return { ...blank(), alreadyImported: true };

  const report = blank();
  const results: CommandResult[] = [];
  const refuse = (error: RowError) => {
    report.errorCount += 1;
    if (report.errors.length < MAX_ERRORS) report.errors.push(error);
  };
  const tx = await deps.db.startTransaction().execute();
  let finished = false;
  try {
    await lockHead(tx);
    if (await isImported(tx, importId)) {
      await tx.rollback().execute();
      finished = true;
      return { ...blank(), alreadyImported: true };
    }
    // Commands run in the import's transaction (runCommand sees it is one); one request key would clash across them.
    const inner: AppDeps = { db: tx, clock: deps.clock, newId: deps.newId };
    const actor: RequestContext = { actor: request.actor };
    const created = new Set<string>();
    const refusedActivities = new Set<number>();
    let unreadable = false;
    let activitiesRead = 0;
    const readLines = new Set<number>();
    try {
      const input = createReadStream(path);
      const total = (await stat(path)).size;
      let bytes = 0;
      input.on('data', (chunk) => {
        bytes += chunk.length;
        options.onProgress?.({ bytes, total, rows: activitiesRead });
      });
      for await (const result of readIati(input)) {
        if ('error' in result) {
          const { element, attribute, reason } = result.error;
          refusedActivities.add(result.activityLine ?? result.line);
          refuse({ row: result.line, column: attribute ? `${element}/@${attribute}` : element, reason });
          continue;
        }
        activitiesRead += 1;
        readLines.add(result.line);
        report.sourceId ??= await fileSource(inner, actor, path, sha256, result.activity, visibility);
        const savepoint = await tx.savepoint('activity').execute();
        try {
          const outcome = await importActivity(
            { deps: inner, request: actor, sourceId: report.sourceId, visibility, created },
            result.activity,
          );
          await savepoint.releaseSavepoint('activity').execute();
          if (outcome.status === 'existing') {
            report.existingActivities.push(outcome.packageId);
            continue;
          }
          created.add(outcome.packageId);
          report.packages.push(outcome.packageId);
          report.contributions.push(...outcome.contributions);
          report.newOrganisations.push(...outcome.organisations);
          report.skippedTransactions += outcome.skippedTransactions;
          results.push(...outcome.results);
        } catch (error) {
          if (!(error instanceof ActivityRefused)) throw error;
          await savepoint.rollbackToSavepoint('activity').execute();
          await savepoint.releaseSavepoint('activity').execute();
          refusedActivities.add(result.line);
          refuse(error.error);
        }
      }
    } catch (error) {
      // Not XML, another root element or version: nothing after it can be read, and nothing is imported.
      if (!(error instanceof FormatError)) throw error;
      unreadable = true;
      refuse({ row: error.line ?? 1, column: null, reason: error.message });
    }
    // An activity refused by the reader yields no activity, only its errors: count it once, by its line.
    report.rowsRead = activitiesRead + [...refusedActivities].filter((line) => !readLines.has(line)).length;
    report.refused = unreadable || (report.errorCount > 0 && !options.skipInvalid);
    if (report.refused || report.dryRun) {
      await tx.rollback().execute();
      finished = true;
      return report;
    }
    await recordCompleted(inner, request, visibility, {
      importId,
      format: 'iati',
      file,
      sha256,
      release: null,
      sourceId: report.sourceId,
      rowsRead: report.rowsRead,
      flows: 0,
      skippedRows: refusedActivities.size,
      organisations: report.newOrganisations.length,
    });
    await tx.commit().execute();
    finished = true;
  } finally {
    if (!finished) await tx.rollback().execute();
  }
  for (const result of results) deps.onCommitted?.(result);
  return { ...report, written: true };
}

/** The `ImportCompleted` summary on the import's stream: what makes the same file a second time create nothing. */
async function recordCompleted(
  deps: AppDeps,
  request: RequestContext,
  visibility: Visibility,
  summary: ImportSummary,
): Promise<void> {
  const head = await lockHead(deps.db);
  const appended = await appendEvents(
    deps.db,
    head,
    [
      {
        streamId: `import-${summary.importId}`,
        streamType: 'import',
        expectedVersion: 0,
        events: [
          {
            type: 'ImportCompleted',
            data: summary,
            meta: {
              actor: request.actor,
              basis: 'official',
              evidence: summary.sourceId ? [summary.sourceId] : [],
              visibility,
              occurredOn: deps.clock().toISOString().slice(0, 10),
            },
          },
        ],
      },
    ],
    { recordedAt: deps.clock(), newEventId: () => deps.newId('evt') },
  );
  await project(deps.db, appended.events);
}
