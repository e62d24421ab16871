/**
 * The export writers without a database: value forms, CSV quoting, JSON documents, and the workbook's choices (number
 * or text, dates, cut texts), over tables made in memory.
 */
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvTable } from '../../../src/ingest/exporters/csv.ts';
import { jsonExport, jsonTable } from '../../../src/ingest/exporters/json.ts';
import { jsonValue, textValue } from '../../../src/ingest/exporters/values.ts';
import { cellText, EXCEL_CELL_CHARS, writeWorkbook } from '../../../src/ingest/exporters/xlsx.ts';
import type { ColumnKind, ExportColumn, ExportRow, SnapshotTable } from '../../../src/projections/queries/export.ts';
import { collect, parseCsv } from '../../support/export-oracle.ts';

const column = (name: string, kind: ColumnKind, scale: number | null = null): ExportColumn => ({ name, kind, scale });

/** A table held in memory, paged two rows at a time; `exact` names the number columns a spreadsheet keeps exact. */
function memoryTable(
  name: string,
  columns: ExportColumn[],
  rows: ExportRow[],
  exact: readonly string[] = [],
): SnapshotTable {
  return {
    name,
    columns,
    async *pages() {
      for (let start = 0; start < rows.length; start += 2) yield rows.slice(start, start + 2);
    },
    numbersWithin: async () => new Set(exact),
  };
}

const COLUMNS = [
  column('id', 'text'),
  column('amount', 'number', 10),
  column('rank', 'number', 0),
  column('full', 'boolean'),
  column('on', 'date'),
  column('at', 'timestamp'),
  column('donors', 'array'),
  column('title', 'json'),
];
const ROWS: ExportRow[] = [
  {
    id: 'a, "quoted"\nline',
    amount: '500000000.0000000000',
    rank: 1,
    full: true,
    on: '2025-08-04',
    at: new Date('2025-12-20T10:00:00.123Z'),
    donors: ['nl', 'ca'],
    title: { en: 'Patriot', lines: [{ quantity: 10 }] },
  },
  {
    id: 'b',
    amount: '123456789012345678.9100000000',
    rank: 2,
    full: false,
    on: null,
    at: null,
    donors: [],
    title: null,
  },
  { id: 'c', amount: null, rank: null, full: null, on: null, at: null, donors: null, title: null },
];

describe('export values', () => {
  it('writes each kind as text: exact decimals, ISO dates and times, JSON for arrays and objects, null as null', () => {
    expect(COLUMNS.map((c) => textValue(c, ROWS[0]?.[c.name]))).toEqual([
      'a, "quoted"\nline',
      '500000000.0000000000',
      '1',
      'true',
      '2025-08-04',
      '2025-12-20T10:00:00.123Z',
      '["nl","ca"]',
      '{"en":"Patriot","lines":[{"quantity":10}]}',
    ]);
    expect(COLUMNS.slice(1).map((c) => textValue(c, ROWS[2]?.[c.name]))).toEqual(COLUMNS.slice(1).map(() => null));
  });

  it('types them in JSON: numbers stay decimal strings, arrays, booleans and JSON stay themselves', () => {
    expect(COLUMNS.map((c) => jsonValue(c, ROWS[0]?.[c.name]))).toEqual([
      'a, "quoted"\nline',
      '500000000.0000000000',
      '1',
      true,
      '2025-08-04',
      '2025-12-20T10:00:00.123Z',
      ['nl', 'ca'],
      { en: 'Patriot', lines: [{ quantity: 10 }] },
    ]);
  });

  it('refuses a value that does not fit its column, rather than writing it inexactly', () => {
    expect(() => textValue(column('amount', 'number', 2), 0.1)).toThrow(/amount \(number\) holds number 0.1/);
    expect(() => textValue(column('amount', 'number', 2), '1e5')).toThrow(/amount/);
    expect(() => textValue(column('on', 'date'), new Date())).toThrow(/on \(date\)/);
    expect(() => textValue(column('at', 'timestamp'), '2025-08-04')).toThrow(/at \(timestamp\)/);
    expect(() => jsonValue(column('donors', 'array'), [1])).toThrow(/donors \(array\)/);
  });
});

describe('CSV and JSON writers', () => {
  it('writes a header row, then quoted fields where needed; null is an empty field', async () => {
    const csv = await collect(csvTable(memoryTable('t', COLUMNS, ROWS)));
    expect(csv.split('\n')[0]).toBe('id,amount,rank,full,on,at,donors,title');
    expect(csv).toContain('"a, ""quoted""\nline",500000000.0000000000,1,true,2025-08-04,');
    expect(parseCsv(csv)[3]).toEqual(['c', '', '', '', '', '', '', '']);
    expect(await collect(csvTable(memoryTable('t', COLUMNS, [])))).toBe('id,amount,rank,full,on,at,donors,title\n');
  });

  it('writes a table as an array, and the whole export with its head, across pages', async () => {
    expect(await collect(jsonTable(memoryTable('t', COLUMNS, [])))).toBe('[]');
    const text = await collect(
      jsonExport({ exportedAt: '2025-12-20T10:00:00.000Z', ledgerHead: { seq: 42, hash: 'ab12' } }, [
        memoryTable('one', COLUMNS, ROWS),
        memoryTable('empty', COLUMNS, []),
      ]),
    );
    const document = JSON.parse(text);
    expect(document).toMatchObject({ exportedAt: '2025-12-20T10:00:00.000Z', ledgerHead: { seq: 42, hash: 'ab12' } });
    expect(Object.keys(document.tables)).toEqual(['one', 'empty']);
    expect(document.tables.one.map((row: { amount: string | null }) => row.amount)).toEqual([
      '500000000.0000000000',
      '123456789012345678.9100000000',
      null,
    ]);
    expect(document.tables.empty).toEqual([]);
  });
});

describe('the XLSX writer', () => {
  async function workbookOf(tables: SnapshotTable[]): Promise<ExcelJS.Workbook> {
    const out = new PassThrough();
    const [bytes] = await Promise.all([
      buffer(out),
      writeWorkbook({ exportedAt: '2025-12-20T10:00:00.000Z', ledgerHead: { seq: 42, hash: 'ab12' } }, tables, out),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    return workbook;
  }

  it('writes numbers where the spreadsheet keeps them exact, and the whole column as text where it would not', async () => {
    const workbook = await workbookOf([memoryTable('t', COLUMNS, ROWS, ['rank'])]);
    const sheet = workbook.getWorksheet('t');
    const values = [2, 3, 4].map((row) => COLUMNS.map((_, c) => sheet?.getRow(row).getCell(c + 1).value ?? null));
    expect(values[0]).toEqual([
      'a, "quoted"\nline',
      '500000000.0000000000',
      1,
      true,
      new Date('2025-08-04T00:00:00.000Z'),
      new Date('2025-12-20T10:00:00.123Z'),
      '["nl","ca"]',
      '{"en":"Patriot","lines":[{"quantity":10}]}',
    ]);
    expect(values[1]?.slice(0, 4)).toEqual(['b', '123456789012345678.9100000000', 2, false]);
    expect(values[2]).toEqual(['c', null, null, null, null, null, null, null]);
    expect(sheet?.getColumn(2).numFmt).toBe('@');
    expect(sheet?.getColumn(3).numFmt).toBe('0');
    expect(sheet?.getColumn(5).numFmt).toBe('yyyy-mm-dd');
    expect(workbook.subject).toBe('ledger seq 42, head ab12');
  });

  it('formats an exact decimal column with the places it declares', async () => {
    const workbook = await workbookOf([memoryTable('t', COLUMNS.slice(0, 2), ROWS.slice(0, 1), ['amount'])]);
    const sheet = workbook.getWorksheet('t');
    expect(sheet?.getRow(2).getCell(2).value).toBe(500000000);
    expect(sheet?.getColumn(2).numFmt).toBe('0.00########');
  });

  it('cuts a text longer than a cell holds, saying so', () => {
    expect(cellText('short')).toBe('short');
    const cut = cellText('x'.repeat(40_000));
    expect(cut).toHaveLength(EXCEL_CELL_CHARS);
    expect(cut).toMatch(/^x+ … \[cut: a spreadsheet cell holds 32,767 characters; .+\]$/);
  });
});
