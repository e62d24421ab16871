/**
 * readCsvRows as it was before the fast path: csv-parse with `info`, a record at a time. The tests compare the two
 * on generated CSV; the fast path must read what this reads.
 */
import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { CsvRow } from '../../../../src/ingest/formats/csv.ts';
import { FormatError } from '../../../../src/ingest/formats/types.ts';

interface ParsedRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

const LINE_BREAK = /\r\n|\n|\r/g;

function breaksInside(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) breaks += cell.match(LINE_BREAK)?.length ?? 0;
  return breaks;
}

export async function* referenceCsvRows(input: Readable): AsyncGenerator<CsvRow> {
  const parser = parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      yield { line: info.lines - breaksInside(record), cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : null;
      throw new FormatError(`the CSV cannot be read further: ${error.message}`, line);
    }
    throw error;
  } finally {
    input.unpipe(parser);
    input.destroy();
    parser.destroy();
  }
}
