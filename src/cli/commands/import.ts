import type { Command } from 'commander';
import { type ImportFormat, type ImportReport, runImport } from '../../app/imports/engine.ts';
import { ALL_IMPORT_FORMATS, IATI_FORMAT, importFormat } from '../../app/imports/formats.ts';
import { type IatiImportReport, importIati } from '../../app/imports/iati.ts';
import { operator } from '../../domain/access.ts';
import { VISIBILITIES, type Visibility } from '../../domain/facts.ts';
import { appDeps, type CliContext, defaultActor, withDatabase } from '../context.ts';
import { EXIT, ReportedFailure, RequestInvalidError } from '../errors.ts';

/** A progress bar on stderr when it is a terminal; nothing otherwise (stdout stays clean for scripts). */
function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return ({ bytes, total, rows }: { bytes: number; total: number; rows: number }) => {
    const now = Date.now();
    if (now - last < 200 && bytes < total) return;
    last = now;
    const share = total === 0 ? 1 : bytes / total;
    const width = 30;
    const filled = Math.round(share * width);
    stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)} %  ${rows.toLocaleString('en')} rows`,
    );
    if (bytes >= total) stream.write('\n');
  };
}

function printReport(context: CliContext, report: ImportReport): void {
  if (report.alreadyImported) {
    context.out(`${report.file}: already imported as ${report.importId}; nothing new`);
    return;
  }
  const lines = [
    `${report.file}: ${report.rowsRead.toLocaleString('en')} rows read, ${report.flows.toLocaleString('en')} flows`,
    report.newOrganisations.length > 0 ? `new organisations: ${report.newOrganisations.join(', ')}` : null,
    report.resumedBatches > 0
      ? `resumed: ${report.resumedBatches} batches staged by an interrupted run were kept`
      : null,
    report.existingFlows > 0
      ? `${report.existingFlows.toLocaleString('en')} flows were already recorded (by another import, or earlier in this file)`
      : null,
    report.amendedFlows > 0
      ? `${report.amendedFlows.toLocaleString('en')} ${report.amendedFlows === 1 ? 'flow amends the version' : 'flows amend the versions'} an earlier import recorded (a later status or amount)`
      : null,
  ];
  for (const line of lines) if (line) context.out(line);
  for (const error of report.errors) {
    context.note(`line ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.reason}`);
  }
  if (report.errorCount > report.errors.length)
    context.note(`… and ${report.errorCount - report.errors.length} more refused rows`);
  if (report.dryRun) context.out(`dry run: nothing was written (import id ${report.importId})`);
  else if (report.written)
    context.out(`imported as ${report.importId}${report.errorCount > 0 ? `; ${report.errorCount} rows skipped` : ''}`);
}

function printIatiReport(context: CliContext, report: IatiImportReport): void {
  if (report.alreadyImported) {
    context.out(`${report.file}: already imported as ${report.importId}; nothing new`);
    return;
  }
  const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const lines = [
    `${report.file}: ${count(report.rowsRead, 'activity', 'activities')} read, ` +
      `${count(report.packages.length, 'package')}, ${count(report.contributions.length, 'contribution')}`,
    report.newOrganisations.length > 0 ? `new organisations: ${report.newOrganisations.join(', ')}` : null,
    report.updatedActivities.length > 0 ? `updated from this file: ${report.updatedActivities.join(', ')}` : null,
    report.olderActivities.length > 0
      ? `older than what the ledger holds (ignored): ${report.olderActivities.join(', ')}`
      : null,
    ...report.lifecycle
      .filter((entry) => entry.steps.length > 0)
      .map(
        (entry) =>
          `${entry.packageId}: IATI status ${entry.iatiStatus} → ${entry.steps.join(', ')} (now ${entry.packageStatus})`,
      ),
    report.skippedTransactions > 0
      ? `${count(report.skippedTransactions, 'transaction')} of a type that gives no contribution stage (left out)`
      : null,
  ];
  for (const line of lines) if (line) context.out(line);
  for (const note of report.notes) context.out(`line ${note.row}, ${note.packageId}: ${note.note}`);
  for (const error of report.errors) {
    context.note(`line ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.reason}`);
  }
  if (report.errorCount > report.errors.length)
    context.note(`… and ${report.errorCount - report.errors.length} more refused`);
  if (report.dryRun) context.out(`dry run: nothing was written (import id ${report.importId})`);
  else if (report.written)
    context.out(
      `imported as ${report.importId}${report.errorCount > 0 ? `; ${report.errorCount} errors skipped` : ''}`,
    );
}

/**
 * `tranche import kiel|fts|iati FILE [--dry-run] [--skip-invalid] [--threads N]`: tracker data onto the ledger. All or
 * nothing unless `--skip-invalid`; the same file twice creates nothing; an interrupted run resumes when run again.
 */
export function registerImportCommand(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('import tracker data (Kiel Ukraine Support Tracker, OCHA FTS) or IATI 2.03 activities onto the ledger')
    .argument('<format>', ALL_IMPORT_FORMATS.join(' | '))
    .argument('<file>', 'the file to read')
    .option('--dry-run', 'read and check everything, write nothing, say what would be created')
    .option('--skip-invalid', 'import the valid rows and list the others (default: one bad row and nothing goes in)')
    .option('--visibility <level>', VISIBILITIES.join(', '), 'public')
    .option(
      '--threads <n>',
      'threads reading a Kiel or FTS file, a part each, 1 to 16 (default: one a core, at most four, from 64 MiB)',
    )
    .action(
      async (
        name: string,
        file: string,
        options: { dryRun?: boolean; skipInvalid?: boolean; visibility: string; threads?: string },
      ) => {
        const visibility = VISIBILITIES.find((level) => level === options.visibility);
        if (!visibility)
          throw new RequestInvalidError('visibility', `--visibility is one of ${VISIBILITIES.join(', ')}`);
        const threads = options.threads === undefined ? undefined : Number(options.threads);
        if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 16))
          throw new RequestInvalidError('threads', '--threads is a whole number from 1 to 16');
        if (name === IATI_FORMAT) {
          const onProgress = progressBar();
          const report = await withDatabase(context, 'tranche import iati', (database) =>
            importIati(appDeps(database.db), { principal: operator(defaultActor()) }, file, {
              dryRun: options.dryRun ?? false,
              skipInvalid: options.skipInvalid ?? false,
              visibility,
              ...(onProgress ? { onProgress } : {}),
            }),
          );
          printIatiReport(context, report);
          if (report.refused) {
            throw new ReportedFailure(
              `${report.errorCount} errors: nothing was imported (fix them, or use --skip-invalid to import the rest)`,
              EXIT.refused,
            );
          }
          return;
        }
        const onProgress = progressBar();
        const report = await withDatabase(context, `tranche import ${name}`, async (database) => {
          const format: ImportFormat = await importFormat(database.db, name, file);
          return runImport(appDeps(database.db), { principal: operator(defaultActor()) }, format, file, {
            dryRun: options.dryRun ?? false,
            skipInvalid: options.skipInvalid ?? false,
            visibility: visibility satisfies Visibility,
            ...(threads === undefined ? {} : { readThreads: threads }),
            ...(onProgress ? { onProgress } : {}),
            onRecording: (batches) =>
              context.note(`staged ${batches.toLocaleString('en')} batches; recording them on the ledger`),
          });
        });
        printReport(context, report);
        if (report.refused) {
          throw new ReportedFailure(
            `${report.errorCount} rows refused: nothing was imported (fix them, or use --skip-invalid to import the rest)`,
            EXIT.refused,
          );
        }
      },
    );
}
