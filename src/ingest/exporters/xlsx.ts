import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ExportColumn, ExportRow, SnapshotTable } from '../../projections/queries/export.ts';
import { describeHead, type ExportManifest } from './manifest.ts';
import { textValue } from './values.ts';

/**
 * A spreadsheet keeps 15 significant digits of a number: a number column goes into the workbook as numbers only when
 * every value in it has at most 15 (then Excel shows and keeps each one exactly); otherwise the whole column is text,
 * exact, so that a SUM never silently skips the few cells that would have been text.
 */
const EXCEL_DIGITS = 15;

/** The most characters a cell holds; a longer text is cut, saying so (CSV and JSON carry it whole). */
export const EXCEL_CELL_CHARS = 32_767;
const CUT_NOTE = ' … [cut: a spreadsheet cell holds 32,767 characters; the CSV and JSON exports hold the whole text]';

type Cell = string | number | boolean | Date | null;

/** A text as a cell: whole when it fits, else cut with the note. */
export function cellText(text: string): string {
  return text.length <= EXCEL_CELL_CHARS ? text : `${text.slice(0, EXCEL_CELL_CHARS - CUT_NOTE.length)}${CUT_NOTE}`;
}

/** Excel's format for a column: dates and times as such, numbers with the places their column declares, text as text. */
function numberFormat(column: ExportColumn, asNumber: boolean): string | undefined {
  if (column.kind === 'date') return 'yyyy-mm-dd';
  if (column.kind === 'timestamp') return 'yyyy-mm-dd hh:mm:ss.000';
  if (column.kind !== 'number') return undefined;
  if (!asNumber) return '@';
  if (column.scale === null) return 'General';
  if (column.scale === 0) return '0';
  const fixed = Math.min(column.scale, 2);
  return `0.${'0'.repeat(fixed)}${'#'.repeat(column.scale - fixed)}`;
}

const WIDTH: Readonly<Record<ExportColumn['kind'], number>> = {
  text: 20,
  number: 16,
  boolean: 8,
  date: 12,
  timestamp: 24,
  array: 20,
  json: 30,
};

function cellOf(column: ExportColumn, value: unknown, asNumber: boolean): Cell {
  const text = textValue(column, value);
  if (text === null) return null;
  switch (column.kind) {
    case 'number':
      return asNumber ? Number(text) : text;
    case 'boolean':
      return text === 'true';
    case 'date':
      return new Date(`${text}T00:00:00.000Z`);
    case 'timestamp':
      return new Date(text);
    default:
      return cellText(text);
  }
}

/** Resolves when `out` can take more (or has closed); a slow reader holds the export back a page at a time. */
function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

const rowOf = (columns: readonly ExportColumn[], row: ExportRow, numbers: ReadonlySet<string>): Cell[] =>
  columns.map((column) => cellOf(column, row[column.name], numbers.has(column.name)));

/**
 * Writes an XLSX workbook with one sheet per table (named like the table, a header row of column names, frozen and
 * filterable) to `out`, streaming: rows are committed as they are read and never held, strings are written inline
 * rather than into a shared table. Dates and timestamps (UTC) are spreadsheet dates; the ledger head is in the
 * workbook's properties (subject and description). Resolves when `out` has taken the whole file.
 */
export async function writeWorkbook(
  manifest: ExportManifest,
  tables: readonly SnapshotTable[],
  out: Writable,
): Promise<void> {
  // exceljs takes half a second to load: only an XLSX export pays for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Tranche';
  workbook.created = new Date(manifest.exportedAt);
  workbook.title = 'Tranche read models';
  workbook.subject = describeHead(manifest);
  workbook.description = `The read models at ${describeHead(manifest)}, exported at ${manifest.exportedAt}.`;
  const written = finished(out, { readable: false });
  // A reader gone early rejects `written`; the export stops at its next page instead of writing into nothing.
  written.catch(() => {});
  for (const table of tables) {
    const numbers = await table.numbersWithin(EXCEL_DIGITS);
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    sheet.columns = table.columns.map((column) => {
      const numFmt = numberFormat(column, numbers.has(column.name));
      return {
        header: column.name,
        key: column.name,
        width: Math.max(WIDTH[column.kind], column.name.length + 2),
        ...(numFmt ? { style: { numFmt } } : {}),
      };
    });
    sheet.getRow(1).font = { bold: true };
    for await (const page of table.pages()) {
      for (const row of page) sheet.addRow(rowOf(table.columns, row, numbers)).commit();
      await drained(out);
      if (out.destroyed) throw new Error('export: the reader went away');
    }
    sheet.commit();
  }
  await Promise.all([workbook.commit(), written]);
}
