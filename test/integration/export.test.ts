/**
 * Exports of the read models (docs/import-export.md): every table, as CSV, JSON and XLSX, read back and compared
 * value by value with a direct SELECT; amounts exact; one snapshot for all tables, whatever is written meanwhile.
 *
 * On PGlite the pool has one connection, which an open export holds: the database is read directly only before an
 * export is opened or after it is closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeContribution } from '../../src/app/contributions.ts';
import { EXPORT_TABLE_NAMES, type ExportRun, openDownload, openExport } from '../../src/app/exports.ts';
import { FULL_SCOPE } from '../../src/domain/access.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { csvTable } from '../../src/ingest/exporters/csv.ts';
import { jsonExport, jsonTable } from '../../src/ingest/exporters/json.ts';
import { writeWorkbook } from '../../src/ingest/exporters/xlsx.ts';
import type { SnapshotTable } from '../../src/projections/queries/export.ts';
import { EXPORT_TABLES } from '../../src/projections/queries/export.ts';
import { type AppFixture, type LedgerState, ledgerState, openAppFixture, rejection } from '../support/app-fixtures.ts';
import { buildExportHistory, HUGE_PLEDGE } from '../support/export-history.ts';
import {
  type CellValue,
  cellText,
  collect,
  expectedCsvRecords,
  expectedJson,
  expectedText,
  parseCsv,
  readModels,
  sheetRows,
  type TableContents,
  workbookFrom,
} from '../support/export-oracle.ts';

/** The tables the history fills: all that existed when it was written (later ones may stay empty here). */
const FILLED = [
  'organisations',
  'requirements',
  'priority_lists',
  'packages',
  'package_lines',
  'shipments',
  'receipts',
  'contributions',
  'donor_totals',
  'totals_stage',
  'totals_donor',
  'totals_month',
  'totals_category',
  'totals_donor_month',
  'delivery_lags',
  'sources',
  'claims',
  'proposal_rejections',
  'figures',
  'evidence',
  'timeline',
  'imports',
  'flows',
  'flow_totals',
];

describe('exports of the read models', () => {
  let f: AppFixture;
  let models: Record<string, TableContents>;
  let head: LedgerState;

  /** Runs `work` on an export of every table, read 3 rows a page so that every table spans pages. */
  async function withExport<T>(work: (run: ExportRun) => Promise<T>, names?: string[]): Promise<T> {
    const run = await openExport(f.deps, FULL_SCOPE, names, { pageSize: 3 });
    try {
      return await work(run);
    } finally {
      await run.close();
    }
  }

  const tableOf = (run: ExportRun, name: string): SnapshotTable => {
    const table = run.tables.find((candidate) => candidate.name === name);
    if (!table) throw new Error(`no table ${name} in the export`);
    return table;
  };
  const typedRows = (name: string) =>
    contents(name).rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, expectedJson(value)])),
    );

  const contents = (name: string): TableContents => {
    const table = models[name];
    if (!table) throw new Error(`no table ${name}`);
    return table;
  };

  beforeAll(async () => {
    f = await openAppFixture();
    await buildExportHistory(f.deps, f.request);
    models = await readModels(f.db);
    head = await ledgerState(f.db);
  }, 60_000);
  afterAll(() => f?.cleanup());

  it('exports every read model, under its name without rm_, and the history fills them', async () => {
    expect(EXPORT_TABLE_NAMES).toEqual(EXPORT_TABLES.map((table) => table.replace(/^rm_/, '')));
    const names = await withExport(async (run) => run.tables.map((table) => table.name));
    expect(names).toEqual(EXPORT_TABLE_NAMES);
    const filled = Object.entries(models).filter(([, table]) => table.rows.length > 0);
    expect(filled.map(([name]) => name)).toEqual(expect.arrayContaining(FILLED));
    expect(contents('packages').rows.length).toBeGreaterThan(1);
  });

  it('writes each table as CSV that parses back to exactly the rows of the read model, in key order', async () => {
    const csv = await withExport(async (run) => {
      const out: Record<string, string> = {};
      for (const table of run.tables) out[table.name] = await collect(csvTable(table));
      return out;
    });
    for (const name of EXPORT_TABLE_NAMES) {
      expect({ name, records: parseCsv(csv[name] ?? '') }).toEqual({
        name,
        records: expectedCsvRecords(contents(name)),
      });
    }
    // A description with a comma, a newline and quotes survives; null is an empty field.
    expect(csv.package_lines).toContain('"Patriot PAC-3 missiles,\nin two lots"');
    expect(parseCsv(csv.contributions ?? '')[0]).toContain('withdrawn_on');
  });

  it('writes JSON: one array per table, and the whole export with the ledger head it reflects', async () => {
    const [whole, packages] = await withExport(async (run) => [
      JSON.parse(await collect(jsonExport(run.manifest, run.tables))),
      JSON.parse(await collect(jsonTable(tableOf(run, 'packages')))),
    ]);
    expect(whole).toMatchObject({
      exportedAt: f.clock.now().toISOString(),
      ledgerHead: { seq: head.headSeq, hash: head.headHash },
    });
    expect(Object.keys(whole.tables)).toEqual(EXPORT_TABLE_NAMES);
    for (const name of EXPORT_TABLE_NAMES) {
      expect({ name, rows: whole.tables[name] }).toEqual({ name, rows: typedRows(name) });
    }
    expect(packages).toEqual(whole.tables.packages);
  });

  it('keeps amounts exact: 500000000.00 and a pledge of 20 significant digits, in CSV and JSON alike', async () => {
    const { contributions, packages } = await withExport(async (run) => {
      const out: Record<string, string> = {};
      for (const table of run.tables) out[table.name] = await collect(jsonTable(table));
      return out;
    });
    const huge = JSON.parse(contributions ?? '[]').find((row: { id: string }) => row.id === HUGE_PLEDGE.id);
    expect(huge).toMatchObject({
      amount: `${HUGE_PLEDGE.amount}00000000`,
      currency: 'NOK',
      paid_amount: '0.0000000000',
    });
    expect(huge.amount_eur).toMatch(/^\d{17,19}$/);
    const pkg = JSON.parse(packages ?? '[]').find((row: { id: string }) => row.id === 'pkg-1');
    expect(pkg).toMatchObject({ target_amount: '500000000.0000000000', target_eur: '50000000000' });
    // The 20 significant digits are counted exactly: a spreadsheet number column needs at most 15.
    const within = await withExport(async (run) => {
      const table = tableOf(run, 'contributions');
      return [await table.numbersWithin(19), await table.numbersWithin(20), await table.numbersWithin(15)];
    });
    expect(within.map((columns) => columns.has('amount'))).toEqual([false, true, false]);
    expect(within[2]?.has('paid_eur')).toBe(true);
  });

  it('writes one workbook sheet per table with the same rows; numbers only where a spreadsheet keeps them exact', async () => {
    const workbook = await withExport((run) => workbookFrom((out) => writeWorkbook(run.manifest, run.tables, out)));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(EXPORT_TABLE_NAMES);
    expect(workbook.subject).toBe(`ledger seq ${head.headSeq}, head ${head.headHash}`);
    for (const name of EXPORT_TABLE_NAMES) {
      const table = contents(name);
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const [header, ...rows] = sheetRows(sheet, table.columns.length);
      expect(header).toEqual(table.columns);
      const back = rows.map((cells, r) =>
        cells.map((cell, c) => cellText(cell, table.rows[r]?.[table.columns[c] ?? ''])),
      );
      const expected = table.rows.map((row) => table.columns.map((column) => expectedText(row[column])));
      expect({ name, rows: back }).toEqual({ name, rows: expected });
    }

    // The contributions hold a 20-digit amount: their amount column is text, every value exact; the packages'
    // target is a number with the two decimals shown.
    const cells = (name: string, column: string): CellValue[] => {
      const table = contents(name);
      const sheet = workbook.getWorksheet(name);
      const index = table.columns.indexOf(column) + 1;
      return sheet
        ? sheetRows(sheet, table.columns.length)
            .slice(1)
            .map((row) => row[index - 1] ?? null)
        : [];
    };
    expect(cells('contributions', 'amount')).toContain(`${HUGE_PLEDGE.amount}00000000`);
    expect(cells('contributions', 'amount').every((cell) => typeof cell === 'string')).toBe(true);
    expect(cells('packages', 'target_amount')).toContain(500000000);
    expect(cells('packages', 'target_eur')).toContain(50000000000);
    const targets = workbook
      .getWorksheet('packages')
      ?.getColumn(contents('packages').columns.indexOf('target_amount') + 1);
    expect(targets?.numFmt).toBe('0.00########');
  });

  it('refuses an unknown table, naming the valid ones', async () => {
    const error = await rejection(openExport(f.deps, FULL_SCOPE, ['packages', 'nope']));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'export-table-unknown', kind: 'not-found', field: 'table' });
    expect(error instanceof DomainError ? error.message : '').toBe(
      `no read model "nope"; one of: ${EXPORT_TABLE_NAMES.join(', ')}`,
    );
    const named = await withExport(async (run) => run.tables.map((table) => table.name), ['rm_packages', 'packages']);
    expect(named).toEqual(['packages']);
  });

  it('reads every table in one snapshot: a write between two pages shows in none of them', async () => {
    const run = await openExport(f.deps, FULL_SCOPE, ['contributions', 'packages', 'totals_stage'], { pageSize: 2 });
    let write: Promise<unknown> | undefined;
    let exported: Record<string, unknown>;
    try {
      expect(run.manifest.ledgerHead).toEqual({ seq: head.headSeq, hash: head.headHash });
      const pages = tableOf(run, 'contributions').pages();
      const first = await pages.next();
      // On a PostgreSQL server the pledge commits now, between two pages; on PGlite (one connection) it waits until
      // the export ends. Either way the export must not see it.
      write = pledgeContribution(f.deps, f.request, {
        id: 'ctb-during-export',
        donorId: 'dk',
        packageId: 'pkg-1',
        amount: { amount: '1000000', currency: 'EUR' },
        occurredOn: '2025-08-20',
      });
      if (f.test.kind === 'postgres') await write;
      const rest = [];
      for await (const page of { [Symbol.asyncIterator]: () => pages }) rest.push(...page);
      exported = {
        contributions: [...(first.value ?? []), ...rest].map((row) => row.id),
        packages: JSON.parse(await collect(jsonTable(tableOf(run, 'packages')))),
        totals: JSON.parse(await collect(jsonTable(tableOf(run, 'totals_stage')))),
      };
    } finally {
      await run.close();
    }
    await write;
    expect(exported).toEqual({
      contributions: contents('contributions').rows.map((row) => row.id),
      packages: typedRows('packages'),
      totals: typedRows('totals_stage'),
    });
    // The next export sees the pledge, at the next head.
    const after = await ledgerState(f.db);
    expect(after.headSeq).toBeGreaterThan(head.headSeq);
    const ids = await withExport(
      async (run2) => {
        const text = await collect(csvTable(tableOf(run2, 'contributions')));
        return { head: run2.manifest.ledgerHead, ids: parseCsv(text).map((record) => record[0]) };
      },
      ['contributions'],
    );
    expect(ids.head).toEqual({ seq: after.headSeq, hash: after.headHash });
    expect(ids.ids).toContain('ctb-during-export');
  });

  it('ends the snapshot of a download read in full, and of one abandoned half-way', async () => {
    const whole = await openDownload(f.deps, FULL_SCOPE, { format: 'json' });
    expect(whole.fileName).toBe('tranche.json');
    await collect(whole.body);
    const abandoned = await openDownload(f.deps, FULL_SCOPE, { format: 'csv', table: 'rm_timeline' });
    expect(abandoned).toMatchObject({ fileName: 'timeline.csv', contentType: 'text/csv; charset=utf-8' });
    for await (const _chunk of abandoned.body) break;
    const workbook = await openDownload(f.deps, FULL_SCOPE, { format: 'xlsx' });
    workbook.body.destroy();
    // On PGlite a snapshot left open would hold the only connection, and this would never answer.
    expect((await ledgerState(f.db)).events).toBeGreaterThan(0);
  });
});
