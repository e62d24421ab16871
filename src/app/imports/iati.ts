import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { operator } from '../../domain/access.ts';
import type { Visibility } from '../../domain/facts.ts';
import type { ImportSummary } from '../../domain/flow/flow.ts';
import { readIati } from '../../ingest/formats/iati.ts';
import { FormatError } from '../../ingest/formats/types.ts';
import { appendEvents, lockHead } from '../../ledger/append.ts';
import { project } from '../../projections/project.ts';
import { requirePermission } from '../command.ts';
import type { AppDeps, CommandResult, RequestContext } from '../deps.ts';
import { ActivityRefused, importActivity } from './iati-activity.ts';
import { ledgerVersions } from './iati-ledger.ts';
import type { LifecycleStep } from './iati-lifecycle.ts';
import { fileSource } from './iati-source.ts';
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
  /**
   * Packages the ledger already held (imported from another file): what this file adds to them was applied (see
   * `updatedActivities`), unless the file is older for them (`olderActivities`).
   */
  readonly existingActivities: readonly string[];
  /** Packages the ledger already held to which this file added something: contributions, stages, a status step. */
  readonly updatedActivities: readonly string[];
  /** Packages whose activity in this file is older (last-updated-datetime) than the ledger's: ignored. */
  readonly olderActivities: readonly string[];
  /** The activity statuses taken onto packages, one per activity that gives a status. */
  readonly lifecycle: readonly IatiLifecycleReport[];
  /** What an activity's package cannot show, or a step the rules did not allow: per activity, not an error. */
  readonly notes: readonly IatiActivityNote[];
  /** Transactions of a type that gives no contribution stage (interest, loan repayment, equity…). */
  readonly skippedTransactions: number;
  readonly sourceId: string | null;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  readonly written: boolean;
  readonly refused: boolean;
}

export interface IatiLifecycleReport {
  readonly packageId: string;
  /** `code name`: `2 implementation`. */
  readonly iatiStatus: string;
  /** Steps taken by this file (in a dry run: that would be). */
  readonly steps: readonly LifecycleStep[];
  /** The package's status afterwards. */
  readonly packageStatus: string;
}

export interface IatiActivityNote {
  /** The line of the activity's `<iati-activity>`. */
  readonly row: number;
  readonly packageId: string;
  readonly note: string;
}

export async function importIati(
  deps: AppDeps,
  request: RequestContext,
  path: string,
  options: IatiImportOptions = {},
): Promise<IatiImportReport> {
  requirePermission(request.principal, 'RunImport');
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
    updatedActivities: [] as string[],
    olderActivities: [] as string[],
    lifecycle: [] as IatiLifecycleReport[],
    notes: [] as IatiActivityNote[],
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
    const actor: RequestContext = { principal: operator(request.principal.actor) };
    const created = new Set<string>();
    const versionOf = ledgerVersions(tx);
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
            { deps: inner, request: actor, sourceId: report.sourceId, visibility, created, versionOf },
            result.activity,
          );
          await savepoint.releaseSavepoint('activity').execute();
          const { packageId } = outcome;
          if (outcome.status === 'older') {
            report.existingActivities.push(packageId);
            report.olderActivities.push(packageId);
            report.notes.push({ row: result.line, packageId, note: outcome.note });
            continue;
          }
          if (outcome.status === 'updated') {
            report.existingActivities.push(packageId);
            if (outcome.results.length > 0) report.updatedActivities.push(packageId);
          } else {
            created.add(packageId);
            report.packages.push(packageId);
          }
          if (outcome.lifecycle) {
            const { iatiStatus, steps, packageStatus } = outcome.lifecycle;
            report.lifecycle.push({ packageId, iatiStatus, steps, packageStatus });
          }
          report.notes.push(...outcome.notes.map((note) => ({ row: result.line, packageId, note })));
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
              actor: request.principal.actor,
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
