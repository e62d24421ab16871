import { stringify } from 'csv-stringify/sync';
import type { SnapshotTable } from '../../projections/queries/export.ts';
import { textValue } from './values.ts';

/**
 * One table as CSV (RFC 4180 quoting, `\n` line ends, UTF-8 without a byte-order mark): a header row of the column
 * names, then one record per row in the order of the table's key, yielded a page at a time. Values take their text
 * form (values.ts); null is an empty field.
 */
export async function* csvTable(table: SnapshotTable): AsyncGenerator<string> {
  yield stringify([table.columns.map((column) => column.name)]);
  for await (const page of table.pages()) {
    yield stringify(page.map((row) => table.columns.map((column) => textValue(column, row[column.name]) ?? '')));
  }
}
