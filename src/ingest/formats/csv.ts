import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { FormatError } from './types.ts';

/** One CSV record with the physical line it starts on (a quoted cell may run over several lines). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

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

/**
 * Streams the records of a CSV file, holding one record at a time (csv-parse, with the stream's back-pressure), so
 * memory stays flat whatever the file's size. Blank lines are skipped but still counted. Broken quoting ends the
 * file with a FormatError naming the line; the input is destroyed when reading stops, early or not.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<CsvRow> {
  const parser = parse({ info: true, bom: true, relax_column_count: true, skip_empty_lines: true });
  // pipe() does not pass a read error on: end the parse with it, so a failing file is an error, not a hang.
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      // csv-parse counts lines up to the record's end: step back over line breaks inside quoted cells.
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

/**
 * The position of each named column in a header row; a FormatError names the columns that are missing. Extra
 * columns are allowed (a format may grow), and names are compared trimmed.
 */
export function columnIndex<C extends string>(
  header: readonly string[],
  required: readonly C[],
  format: string,
): Record<C, number> {
  const names = header.map((cell) => cell.trim());
  const missing = required.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new FormatError(`line 1 is not a ${format} header: it lacks ${missing.join(', ')}`, 1);
  }
  return Object.fromEntries(required.map((column) => [column, names.indexOf(column)])) as Record<C, number>;
}

/** A cell by column, trimmed; '' when the row is short. */
export function cell<C extends string>(row: CsvRow, index: Record<C, number>, column: C): string {
  return (row.cells[index[column]] ?? '').trim();
}
