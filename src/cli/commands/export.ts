import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { EXPORT_TABLE_NAMES, type ExportRun, exportTables, openExport } from '../../app/exports.ts';
import { type IatiExportResult, openIatiDownload, writeIatiExport } from '../../app/iati-export.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import { csvTable } from '../../ingest/exporters/csv.ts';
import { jsonExport } from '../../ingest/exporters/json.ts';
import { describeHead } from '../../ingest/exporters/manifest.ts';
import { writeWorkbook } from '../../ingest/exporters/xlsx.ts';
import { appDeps, type CliContext, withDatabase } from '../context.ts';
import { RequestInvalidError } from '../errors.ts';

interface ExportOptions {
  readonly table?: string[];
  readonly out?: string;
}

/**
 * Writes a file under a temporary sibling name and renames it into place at the end, so a failed export leaves no
 * half file where a complete one is expected.
 */
async function replaceAtomically<T>(file: string, write: (partial: string) => Promise<T>): Promise<T> {
  const folder = path.dirname(file);
  const isFolder = await stat(folder).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new RequestInvalidError('out', `no folder ${folder} to write ${path.basename(file)} into`);
  const partial = path.join(folder, `.${path.basename(file)}.${process.pid}.partial`);
  try {
    const result = await write(partial);
    await rename(partial, file);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** replaceAtomically for a stream writer. */
function writeAtomically(file: string, write: (out: Writable) => Promise<void>): Promise<void> {
  return replaceAtomically(file, async (partial) => {
    const out = createWriteStream(partial);
    try {
      await Promise.all([write(out), finished(out)]);
    } catch (error) {
      out.destroy();
      throw error;
    }
  });
}

const textTo = (chunks: AsyncIterable<string>) => (out: Writable) => pipeline(Readable.from(chunks), out);

/** Prints text chunks to stdout as they come. */
async function print(context: CliContext, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) context.write(chunk);
}

/** Opens the export of the chosen tables in one snapshot, runs `work` on it and reports the head it reflects. */
function exporting(
  context: CliContext,
  format: string,
  options: ExportOptions,
  work: (run: ExportRun) => Promise<string>,
): Promise<void> {
  return withDatabase(context, `tranche export ${format}`, async (database) => {
    const run = await openExport(appDeps(database.db), FULL_SCOPE, options.table);
    try {
      const where = await work(run);
      context.note(`exported ${run.tables.length} table(s) as ${format} at ${describeHead(run.manifest)}${where}`);
    } finally {
      await run.close();
    }
  });
}

/** A folder of `<table>.csv` files and a `manifest.json` naming the ledger head they reflect. */
async function csvFolder(run: ExportRun, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const files: Record<string, string> = {};
  for (const table of run.tables) {
    const file = `${table.name}.csv`;
    await writeAtomically(path.join(folder, file), textTo(csvTable(table)));
    files[table.name] = file;
  }
  await writeFile(
    path.join(folder, 'manifest.json'),
    `${JSON.stringify({ ...run.manifest, tables: files }, null, 2)}\n`,
  );
}

const tableOption = (command: Command): Command =>
  command.option(
    '--table <names...>',
    `only these read models (default: all): ${EXPORT_TABLE_NAMES.join(', ')}; the rm_ prefix may be given`,
  );

/**
 * `tranche export csv|json|xlsx`: the read models as files, every table read in one snapshot of one ledger head;
 * `tranche export iati`: the public packages and contributions as IATI 2.03 activities.
 * Returns the `export` command, so that other exports (e.g. of the ledger itself) can be added beside these.
 */
export function registerExportCommands(program: Command, context: CliContext): Command {
  const exportCommand = program
    .command('export')
    .description('write data out as files: the read models as CSV, JSON or XLSX, as of one ledger head');

  tableOption(exportCommand.command('csv'))
    .description('one CSV file per table into the folder --out, with manifest.json; one table alone may go to stdout')
    .option('--out <folder>', 'the folder to write into (created if missing)')
    .action((options: ExportOptions) => {
      if (options.out === undefined && exportTables(options.table).length !== 1) {
        throw new RequestInvalidError('out', 'give --out <folder> for several tables, or one --table to print it');
      }
      return exporting(context, 'csv', options, async (run) => {
        const folder = options.out;
        if (folder !== undefined) {
          await csvFolder(run, folder);
          return ` into ${folder}`;
        }
        for (const table of run.tables) await print(context, csvTable(table));
        return '';
      });
    });

  tableOption(exportCommand.command('json'))
    .description('one JSON document: { exportedAt, ledgerHead: { seq, hash }, tables: { name: [rows] } }')
    .option('--out <file>', 'the file to write (default: stdout)')
    .action((options: ExportOptions) =>
      exporting(context, 'json', options, async (run) => {
        const chunks = jsonExport(run.manifest, run.tables);
        if (options.out === undefined) {
          await print(context, chunks);
          return '';
        }
        await writeAtomically(options.out, textTo(chunks));
        return ` to ${options.out}`;
      }),
    );

  tableOption(exportCommand.command('xlsx'))
    .description('one XLSX workbook, one sheet per table')
    .requiredOption('--out <file>', 'the workbook to write, e.g. tranche.xlsx')
    .action((options: ExportOptions & { out: string }) =>
      exporting(context, 'xlsx', options, async (run) => {
        await writeAtomically(options.out, (out) => writeWorkbook(run.manifest, run.tables, out));
        return ` to ${options.out}`;
      }),
    );

  exportCommand
    .command('iati')
    .description('the public packages as IATI 2.03 activities, their contributions as transactions; schema-checked')
    .option('--out <file>', 'the file to write, e.g. iati.xml (default: stdout)')
    .action((options: { out?: string }) =>
      withDatabase(context, 'tranche export iati', async (database) => {
        const deps = appDeps(database.db);
        const publisher = context.config.iatiPublisher;
        const file = options.out;
        let result: IatiExportResult;
        if (file === undefined) {
          const download = await openIatiDownload(deps, FULL_SCOPE, { publisher });
          // Decoded as a stream, so that a character split between two chunks stays whole.
          download.body.setEncoding('utf8');
          for await (const chunk of download.body) context.write(String(chunk));
          result = download;
        } else {
          result = await replaceAtomically(file, (partial) =>
            writeIatiExport(deps, FULL_SCOPE, partial, { publisher }),
          );
        }
        const where = file === undefined ? '' : ` to ${file}`;
        context.note(
          `exported ${result.activities} activities and ${result.transactions} transactions as IATI 2.03 at ${describeHead(result.manifest)}${where}`,
        );
      }),
    );

  return exportCommand;
}
