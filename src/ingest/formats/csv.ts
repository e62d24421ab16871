import type { Readable } from 'node:stream';
import { CsvError, type Parser, parse } from 'csv-parse';
import { blankUnselected, breaksInside, type CsvRow, FastCsv, incompleteTail, MAX_PENDING, PIECE } from './csv-fast.ts';
import { FormatError } from './types.ts';

export type { CsvRow } from './csv-fast.ts';

/** How every reader here reads CSV: csv-parse with these options is the definition; the fast path below agrees. */
const OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: true } as const;

/** Records read so far, and the error that ended reading when there is one. */
interface Parsed {
  readonly rows: CsvRow[];
  readonly error: unknown;
}

/** csv-parse itself, written to chunk by chunk; the records of each chunk are taken as they are parsed. */
class CsvParse {
  private rows: CsvRow[] = [];
  private readonly parser: Parser;
  /** The cells to read; the others are given as '' (FastCsv.selected). */
  selected: readonly boolean[] | null = null;

  constructor() {
    this.parser = parse({
      ...OPTIONS,
      // csv-parse counts lines up to the record's end: step back over line breaks inside quoted cells.
      on_record: (record: string[], context) => {
        this.rows.push({ line: context.lines - breaksInside(record), cells: blankUnselected(record, this.selected) });
        return null;
      },
    });
    // Errors come back through write() and end().
    this.parser.on('error', () => undefined);
  }

  write(bytes: Buffer): Promise<Parsed> {
    return new Promise((resolve) => {
      this.parser.write(bytes, (error) => resolve(this.take(error)));
    });
  }

  end(): Promise<Parsed> {
    return new Promise((resolve) => {
      this.parser.end((error?: Error | null) => resolve(this.take(error)));
    });
  }

  destroy(): void {
    this.parser.destroy();
  }

  private take(error: Error | null | undefined): Parsed {
    const rows = this.rows;
    this.rows = [];
    return { rows, error: error ?? null };
  }
}

const NOTHING: Parsed = { rows: [], error: null };

export interface CsvOptions {
  /**
   * The positions of the cells a reader reads, given the first record (the header): every later record has '' in the
   * others, whose text is then never copied out of the file's. Every cell when absent.
   */
  readonly columns?: (header: readonly string[]) => Iterable<number>;
}

/**
 * The fast path while it vouches for the records, then csv-parse on the bytes from the first record it does not
 * (and on every byte after it), so csv-parse decides everything unusual — broken quoting, stray CRs, bytes that are
 * not UTF-8 — exactly as it always did.
 */
class CsvReader {
  private readonly fast = new FastCsv();
  /** Which cells to read, asked once the first record is read; null once asked. */
  private columns: CsvOptions['columns'] | null;
  private slow: CsvParse | null = null;
  /**
   * The bytes from the first record not read yet: a record the last chunk ended in, and perhaps the start of a
   * character the next chunk completes. Decoded again with the next chunk into one flat string.
   */
  private pending = Buffer.alloc(0);
  /** The first bytes, until there are enough to look for a BOM as csv-parse does (3). */
  private head: Buffer | null = Buffer.alloc(0);

  constructor(options: CsvOptions) {
    this.columns = options.columns ?? null;
  }

  async write(chunk: Buffer): Promise<Parsed> {
    return this.select(await this.parse(chunk));
  }

  async end(): Promise<Parsed> {
    return this.select(await this.finish());
  }

  destroy(): void {
    this.slow?.destroy();
  }

  /**
   * Once the first record is read: the cells the reader reads, from then on the only ones cut out of the text. The
   * records read with it are blanked here; csv-parse, which may take over, blanks them as it reads them.
   */
  private select(parsed: Parsed): Parsed {
    const first = parsed.rows[0];
    if (!this.columns || !first) return parsed;
    const positions = new Set(this.columns(first.cells));
    this.columns = null;
    const selected = Array.from({ length: Math.max(-1, ...positions) + 1 }, (_, at) => positions.has(at));
    this.fast.selected = selected;
    if (this.slow) this.slow.selected = selected;
    const rows = parsed.rows.map((row, index) =>
      index === 0 ? row : { line: row.line, cells: blankUnselected([...row.cells], selected) },
    );
    return { rows, error: parsed.error };
  }

  private csvParse(): CsvParse {
    const parser = new CsvParse();
    parser.selected = this.fast.selected;
    return parser;
  }

  private parse(chunk: Buffer): Promise<Parsed> {
    let bytes = chunk;
    if (this.head) {
      bytes = Buffer.concat([this.head, chunk]);
      if (bytes.length < 3) {
        this.head = bytes;
        return Promise.resolve(NOTHING);
      }
      this.head = null;
      // csv-parse reads a file that starts with a UTF-16LE BOM (FF FE) as UTF-16: it is csv-parse's from the start.
      if (bytes[0] === 0xff && bytes[1] === 0xfe) this.slow = this.csvParse();
    }
    if (this.slow) return this.slow.write(bytes);
    return this.readFast(bytes, false);
  }

  private async finish(): Promise<Parsed> {
    const head = this.head ?? Buffer.alloc(0);
    this.head = null;
    const read = this.slow ? NOTHING : await this.readFast(head, true);
    if (read.error || !this.slow) return read;
    const ended = await this.slow.end();
    return { rows: read.rows.concat(ended.rows), error: ended.error };
  }

  private async readFast(chunk: Buffer, end: boolean): Promise<Parsed> {
    const rows: CsvRow[] = [];
    let at = 0;
    do {
      const next = Math.min(chunk.length, at + PIECE);
      if (!this.readPiece(chunk.subarray(at, next), end && next === chunk.length, rows)) {
        this.slow = this.csvParse();
        const rest = Buffer.concat([Buffer.from(this.fast.prefix()), this.pending, chunk.subarray(next)]);
        this.pending = Buffer.alloc(0);
        const handed = await this.slow.write(rest);
        return { rows: rows.concat(handed.rows), error: handed.error };
      }
      at = next;
    } while (at < chunk.length);
    return { rows, error: null };
  }

  /** Reads the records that a piece of the input completes; false when csv-parse must read from `pending` on. */
  private readPiece(piece: Buffer, end: boolean, rows: CsvRow[]): boolean {
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, piece]) : piece;
    const cut = end ? bytes.length : bytes.length - incompleteTail(bytes);
    const text = bytes.toString('utf8', 0, cut);
    // U+FFFD is what bytes that are not UTF-8 decode to: csv-parse decodes them its own way, cell by cell.
    if (text.includes('\uFFFD')) {
      this.pending = Buffer.from(bytes);
      return false;
    }
    const consumed = this.fast.read(text, end, rows);
    // The text is the bytes' exact UTF-8, so the characters not read are the last bytes before the cut.
    const unread = consumed === 0 ? cut : consumed === text.length ? 0 : Buffer.byteLength(text.slice(consumed));
    this.pending = Buffer.from(bytes.subarray(cut - unread));
    return !this.fast.stuck && this.pending.length <= MAX_PENDING;
  }
}

/**
 * Streams the records of a CSV file, a chunk of the input at a time (one array of records per chunk), holding no
 * more than a chunk and the record it ends in, so memory stays flat whatever the file's size; the input is pulled
 * as records are taken (back-pressure). Blank lines are skipped but still counted. Broken quoting ends the file
 * with a FormatError naming the line, after the records before it; the input is destroyed when reading stops,
 * early or not.
 *
 * The records are csv-parse's (`bom`, `relax_column_count`, `skip_empty_lines`): well-formed records are read here
 * directly, several times faster, and from the first record that is not, csv-parse reads the rest of the file.
 */
export async function* readCsvRows(input: Readable, options: CsvOptions = {}): AsyncGenerator<readonly CsvRow[]> {
  const reader = new CsvReader(options);
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const { rows, error } = await reader.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      if (rows.length > 0) yield rows;
      if (error) throw formatError(error);
    }
    const { rows, error } = await reader.end();
    if (rows.length > 0) yield rows;
    if (error) throw formatError(error);
  } finally {
    input.destroy();
    reader.destroy();
  }
}

function formatError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = typeof error.lines === 'number' ? error.lines : null;
  return new FormatError(`the CSV cannot be read further: ${error.message}`, line);
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

/** The cell at a position, trimmed; '' when the row is short. Most cells need no trimming: printable ASCII at both ends. */
export function cellAt(cells: readonly string[], position: number): string {
  const value = cells[position] ?? '';
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? value : value.trim();
}

/**
 * A copy of a string that shares no memory with the chunk it was cut from (a slice of a long string may keep the
 * whole chunk alive): for text kept after its chunk is gone, such as organisation names and error messages.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
