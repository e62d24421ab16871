/**
 * A page's rows as CSV — through csv-stringify, as the server's exports are: a header row, RFC 4180 quoting, and a
 * byte-order mark so spreadsheet programs read Cyrillic as UTF-8 — or as a JSON array of objects.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

interface Column<Row> {
  readonly name: string;
  readonly value: (row: Row) => string | number | boolean | null;
}

export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => column.value(row))),
    { bom: true, header: true, columns: columns.map((column) => column.name), record_delimiter: 'windows' },
  );
}

export function toJson<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const objects = rows.map((row) => Object.fromEntries(columns.map((column) => [column.name, column.value(row)])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}
