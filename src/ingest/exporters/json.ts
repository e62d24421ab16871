import type { ExportRow, SnapshotTable } from '../../projections/queries/export.ts';
import type { ExportManifest } from './manifest.ts';
import { type JsonValue, jsonValue } from './values.ts';

const jsonRow = (table: SnapshotTable, row: ExportRow): Record<string, JsonValue> =>
  Object.fromEntries(table.columns.map((column) => [column.name, jsonValue(column, row[column.name])]));

/** One table as a JSON array of objects, one row per line, yielded a page at a time. */
export async function* jsonTable(table: SnapshotTable): AsyncGenerator<string> {
  let rows = 0;
  yield '[';
  for await (const page of table.pages()) {
    yield `${rows === 0 ? '\n' : ',\n'}${page.map((row) => JSON.stringify(jsonRow(table, row))).join(',\n')}`;
    rows += page.length;
  }
  yield rows === 0 ? ']' : '\n]';
}

/** The whole export as one document: `{ "exportedAt", "ledgerHead": { seq, hash }, "tables": { name: [rows] } }`. */
export async function* jsonExport(manifest: ExportManifest, tables: readonly SnapshotTable[]): AsyncGenerator<string> {
  const { exportedAt, ledgerHead } = manifest;
  yield `{"exportedAt":${JSON.stringify(exportedAt)},"ledgerHead":${JSON.stringify(ledgerHead)},"tables":{`;
  for (const [index, table] of tables.entries()) {
    yield `${index === 0 ? '\n' : ',\n'}${JSON.stringify(table.name)}:`;
    yield* jsonTable(table);
  }
  yield '\n}}\n';
}
