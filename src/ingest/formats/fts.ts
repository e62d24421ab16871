/**
 * OCHA's Financial Tracking Service: incoming funding flows as HDX publishes them (`fts_incoming_funding_global.csv`,
 * one flow a row, perhaps a row of HXL hashtags under the header). A pure, streaming reader: no database, no clock.
 */
import type { Readable } from 'node:stream';
import { columnIndex, readCsvRows } from './csv.ts';
import { FTS_COLUMNS, type FtsPositions, type FtsRecord, readFtsRow } from './fts-record.ts';
import { FormatError, type RowResult } from './types.ts';

/** HDX adds a row of HXL hashtags (#date, #value+funding+total+usd…) under some headers. */
function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => cell.startsWith('#'));
}

/**
 * Reads FTS flows in constant memory, an array of results per chunk of the file: each data row gives its record or
 * the first cell that is wrong, with the physical line it starts on (descriptions may hold line breaks; the header
 * is line 1). A header without the columns read here is a FormatError.
 */
export async function* readFts(input: Readable): AsyncGenerator<readonly RowResult<FtsRecord>[]> {
  // The header, read once: where the columns are, and the width every row must have.
  const header: { at?: FtsPositions; width: number } = { width: 0 };
  // Only the columns read are cut out of the text: a row has 37 cells, of which 12 are read.
  const columns = (cells: readonly string[]) => {
    header.at = columnIndex(cells, FTS_COLUMNS, 'FTS flows');
    header.width = cells.length;
    return Object.values(header.at);
  };
  let records = 0;
  for await (const rows of readCsvRows(input, { columns })) {
    const results: RowResult<FtsRecord>[] = [];
    for (const row of rows) {
      records += 1;
      const { at, width } = header;
      if (records === 1 || !at) continue;
      if (records === 2 && isHxlRow(row.cells)) continue;
      if (row.cells.length !== width) {
        const reason = `the row has ${row.cells.length} cells where the header has ${width}`;
        results.push({ row: row.line, error: { column: null, reason } });
        continue;
      }
      const result = readFtsRow(row.cells, at);
      results.push('reason' in result ? { row: row.line, error: result } : { row: row.line, record: result });
    }
    if (results.length > 0) yield results;
  }
  if (records === 0) throw new FormatError('the file is empty; an FTS flows header was expected', 1);
}
