/**
 * `tranche export csv|json|xlsx` against a database holding the export history, run in this process through run()
 * (as src/cli/main.ts runs it). On PGlite the suite closes its own handle first: the CLI opens the folder itself.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '../../src/app/exports.ts';
import { registerExportCommands } from '../../src/cli/commands/export.ts';
import { readConfig } from '../../src/config.ts';
import { type AppFixture, type LedgerState, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { type CliResult, runCli } from '../support/cli.ts';
import { buildExportHistory, HUGE_PLEDGE } from '../support/export-history.ts';
import {
  expectedCsvRecords,
  expectedJson,
  loadWorkbook,
  parseCsv,
  readModels,
  type TableContents,
} from '../support/export-oracle.ts';

const UNKNOWN_LINE = `error: export-table-unknown: no read model "nope"; one of: ${EXPORT_TABLE_NAMES.join(', ')} (field: table)\n`;

describe('tranche export', () => {
  let f: AppFixture;
  let env: NodeJS.ProcessEnv;
  let tmp: string;
  let models: Record<string, TableContents>;
  let head: LedgerState;

  const cli = (...argv: string[]): Promise<CliResult> => runCli(argv, env);

  const contents = (name: string): TableContents => {
    const table = models[name];
    if (!table) throw new Error(`no table ${name}`);
    return table;
  };
  const headLine = (): string => `ledger seq ${head.headSeq}, head ${head.headHash}`;

  beforeAll(async () => {
    f = await openAppFixture();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-export-cli-'));
    await buildExportHistory(f.deps, f.request);
    models = await readModels(f.db);
    head = await ledgerState(f.db);
    const base = { ...process.env, TRANCHE_DEBUG: '', HOST: '', PORT: '' };
    const config = f.test.config;
    if (config.kind === 'pglite') {
      await f.test.database.close();
      env = { ...base, DATABASE_URL: '', TRANCHE_DB_SCHEMA: '', TRANCHE_DATA_DIR: config.dataDir };
    } else {
      env = { ...base, DATABASE_URL: config.url, TRANCHE_DB_SCHEMA: config.schema ?? '' };
    }
  }, 60_000);
  afterAll(async () => {
    await f?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('export csv --out writes a file per table and a manifest naming the ledger head', async () => {
    const folder = path.join(tmp, 'csv');
    const result = await cli('export', 'csv', '--out', folder);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `exported ${EXPORT_TABLE_NAMES.length} table(s) as csv at ${headLine()} into ${folder}\n`,
    });
    const files = await readdir(folder);
    expect(files.sort()).toEqual([...EXPORT_TABLE_NAMES.map((name) => `${name}.csv`), 'manifest.json'].sort());
    for (const name of EXPORT_TABLE_NAMES) {
      const records = parseCsv(await readFile(path.join(folder, `${name}.csv`), 'utf8'));
      expect({ name, records }).toEqual({ name, records: expectedCsvRecords(contents(name)) });
    }
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual({
      exportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      ledgerHead: { seq: head.headSeq, hash: head.headHash },
      tables: Object.fromEntries(EXPORT_TABLE_NAMES.map((name) => [name, `${name}.csv`])),
    });
  });

  it('export csv --table prints one table to stdout; several need --out', async () => {
    const printed = await cli('export', 'csv', '--table', 'rm_contributions');
    expect(printed.code).toBe(0);
    expect(parseCsv(printed.stdout)).toEqual(expectedCsvRecords(contents('contributions')));
    expect(printed.stdout).toContain(`${HUGE_PLEDGE.amount}00000000`);
    expect(printed.stderr).toBe(`exported 1 table(s) as csv at ${headLine()}\n`);

    expect(await cli('export', 'csv', '--table', 'packages', 'contributions')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: request-invalid: out: give --out <folder> for several tables, or one --table to print it\n',
    });
  });

  it('export json prints the whole export, or writes it to --out', async () => {
    const printed = await cli('export', 'json', '--table', 'packages', 'rm_contributions');
    expect(printed.code, printed.stderr).toBe(0);
    const document = JSON.parse(printed.stdout);
    expect(document.ledgerHead).toEqual({ seq: head.headSeq, hash: head.headHash });
    expect(Object.keys(document.tables)).toEqual(['packages', 'contributions']);
    const typed = contents('contributions').rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, expectedJson(value)])),
    );
    expect(document.tables.contributions).toEqual(typed);

    const file = path.join(tmp, 'tranche.json');
    expect((await cli('export', 'json', '--out', file)).code).toBe(0);
    const whole = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(whole.tables)).toEqual(EXPORT_TABLE_NAMES);
    expect(whole.tables.contributions).toEqual(typed);
  });

  it('export xlsx --out writes a workbook with a sheet per table; without --out it refuses', async () => {
    const file = path.join(tmp, 'tranche.xlsx');
    const result = await cli('export', 'xlsx', '--out', file, '--table', 'packages', 'contributions');
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `exported 2 table(s) as xlsx at ${headLine()} to ${file}\n`,
    });
    const workbook = await loadWorkbook(await readFile(file));
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount])).toEqual([
      ['packages', contents('packages').rows.length + 1],
      ['contributions', contents('contributions').rows.length + 1],
    ]);
    expect((await readdir(tmp)).filter((name) => name.endsWith('.partial'))).toEqual([]);

    expect(await cli('export', 'xlsx')).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: required option '--out <file>' not specified\n",
    });
  });

  it('an unknown table is one line naming the valid ones, exit 2, and nothing written', async () => {
    const folder = path.join(tmp, 'unknown');
    for (const argv of [
      ['export', 'csv', '--table', 'nope', '--out', folder],
      ['export', 'json', '--table', 'packages', 'nope'],
      ['export', 'xlsx', '--table', 'nope', '--out', path.join(tmp, 'nope.xlsx')],
    ]) {
      expect(await cli(...argv)).toEqual({ code: 2, stdout: '', stderr: UNKNOWN_LINE });
    }
    expect((await readdir(tmp)).sort()).not.toContain('unknown');
    expect(await readdir(tmp)).not.toContain('nope.xlsx');
  });

  it('returns the export command, so that another export can be added beside csv, json, xlsx and iati', () => {
    const program = new Command('tranche');
    const context = { config: readConfig(env), out: () => {}, write: () => {}, note: () => {} };
    const exportCommand = registerExportCommands(program, context);
    exportCommand.command('ledger').description('the ledger itself');
    expect(program.commands.map((command) => command.name())).toEqual(['export']);
    expect(exportCommand.commands.map((command) => command.name())).toEqual(['csv', 'json', 'xlsx', 'iati', 'ledger']);
  });
});
