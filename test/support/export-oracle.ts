/**
 * What an export must hold, read straight from the database without the export code: each read model's columns in
 * table order and its rows in the order of its primary key (from information_schema), the imported flows as the
 * ledger holds them (test/support/flows.ts), and the text and JSON forms a value must take. Also: reading a CSV, JSON or XLSX export back.
 */
import { PassThrough, Readable, type Writable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Db } from '../../src/db/index.ts';
import { EXPORT_TABLES } from '../../src/projections/queries/export.ts';
import { IMPORTED_FLOW_COLUMNS } from '../../src/projections/queries/imported-flows.ts';
import { flowRows } from './flows.ts';

export interface TableContents {
  readonly columns: string[];
  readonly rows: Record<string, unknown>[];
}

/** Every read model by its export name (`packages`), read directly. */
export async function readModels(db: Db): Promise<Record<string, TableContents>> {
  const out: Record<string, TableContents> = {};
  for (const table of EXPORT_TABLES) {
    if (table === 'rm_flows') {
      out.flows = { columns: IMPORTED_FLOW_COLUMNS.map((column) => column.name), rows: await flowRows(db) };
      continue;
    }
    const { rows: columns } = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position
    `.execute(db);
    const { rows: key } = await sql<{ column_name: string }>`
      SELECT k.column_name FROM information_schema.table_constraints c
      JOIN information_schema.key_column_usage k
        ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.table_name = ${table} AND c.constraint_type = 'PRIMARY KEY'
      ORDER BY k.ordinal_position
    `.execute(db);
    const order = key.map((column) => `"${column.column_name}"`).join(', ');
    const { rows } = await sql.raw<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ${order}`).execute(db);
    out[table.replace(/^rm_/, '')] = { columns: columns.map((column) => column.column_name), rows };
  }
  return out;
}

/** The CSV form of a value as SELECT returns it: exact decimals, ISO dates and times, JSON text, null empty. */
export function expectedText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The JSON form: the same, typed (numbers as decimal strings, arrays and objects as themselves). */
export function expectedJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return String(value);
  return value;
}

export const expectedCsvRecords = (contents: TableContents): string[][] => [
  contents.columns,
  ...contents.rows.map((row) => contents.columns.map((column) => expectedText(row[column]))),
];

export const parseCsv = (csv: string): string[][] => parse(csv, { relax_column_count: false });

export const collect = (chunks: AsyncIterable<string>): Promise<string> => text(Readable.from(chunks));

/** Runs a writer into memory and loads what it wrote as a workbook. */
export async function workbookFrom(write: (out: Writable) => Promise<void>): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const [bytes] = await Promise.all([buffer(out), write(out)]);
  return loadWorkbook(bytes);
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its Buffer as an ArrayBuffer: hand it a copy of the bytes as one.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

export type CellValue = ExcelJS.CellValue;

/** A sheet's rows as cell values (the header first); cells past the last written one are null. */
export function sheetRows(sheet: ExcelJS.Worksheet, width: number): CellValue[][] {
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: width }, (_, index) => row.getCell(index + 1).value ?? null));
  });
  return rows;
}

/** A cell back in the text form of the value SELECT gave, so XLSX compares with the database value by value. */
export function cellText(cell: CellValue, expected: unknown): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    return typeof expected === 'string' ? cell.toISOString().slice(0, 10) : cell.toISOString();
  }
  if (typeof cell === 'number') return typeof expected === 'string' ? normalDecimal(expected, cell) : String(cell);
  if (typeof cell === 'boolean' || typeof cell === 'string') return String(cell);
  throw new Error(`unexpected cell ${JSON.stringify(cell)}`);
}

/** A number cell as the decimal string the database gave, when it is that decimal exactly; else the number's text. */
function normalDecimal(expected: string, cell: number): string {
  return Number(expected) === cell && significant(expected) <= 15 ? expected : String(cell);
}

const significant = (value: string): number => value.replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
