/**
 * The fast path of readCsvRows (csv.ts): well-formed CSV records read straight from the text, exactly as csv-parse
 * reads them with csv.ts's options, up to the first record it cannot vouch for.
 */

/** One CSV record with the physical line it starts on (a quoted cell may run over several lines). */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

const LINE_BREAK = /\r\n|\n|\r/g;

/** The line breaks inside a record's cells (CRLF counts once), which csv-parse's line count steps back over. */
export function breaksInside(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) breaks += breaksIn(cell);
  return breaks;
}

const breaksIn = (cell: string): number => cell.match(LINE_BREAK)?.length ?? 0;

/**
 * A record with '' for the cells at the positions `selected` does not mark (the cells no reader looks at): the records
 * of a file read with a selection of columns, whichever path read them.
 */
export function blankUnselected(cells: string[], selected: readonly boolean[] | null): string[] {
  if (selected === null) return cells;
  for (let at = 0; at < cells.length; at += 1) if (selected[at] !== true) cells[at] = '';
  return cells;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;
/** What `delimiterAt` answers besides a delimiter's length. */
const MORE = -1;
const STUCK = 0;
/**
 * The input is decoded a piece of at most this many bytes at a time: V8 puts a string over 128 KB in its large
 * object space, and allocating one per chunk costs more than reading it (a 64 KB chunk of two-byte text is one).
 */
export const PIECE = 16_384;
/** A record still incomplete past this many bytes is left to csv-parse (no reading a huge cell again and again). */
export const MAX_PENDING = 1 << 20;

/**
 * The record delimiter at `at` (a CR or LF), as csv-parse sees it: its length, MORE when the text ends too soon to
 * tell, STUCK when csv-parse would read the character into a cell or take a bare CR as the delimiter.
 */
function delimiterAt(text: string, at: number, end: boolean, ending: string): number {
  if (text.charCodeAt(at) === LF) return ending === '\r\n' ? STUCK : 1;
  if (at + 1 >= text.length) return end ? STUCK : MORE;
  if (text.charCodeAt(at + 1) !== LF) return STUCK;
  return ending === '\n' ? STUCK : 2;
}

/**
 * The fast path: well-formed records of a file whose lines all end in LF, or all in CRLF, read straight from the
 * text. It reads exactly what csv-parse reads (cells, skipped blank lines, csv-parse's line count), and stops at the
 * first record it cannot vouch for — broken quoting, a CR or LF that csv-parse would count differently — leaving
 * that record and the rest of the file to csv-parse itself.
 */
export class FastCsv {
  /** csv-parse's line count at the start of the text not read yet: 1 + the CR and LF characters before it. */
  line = 1;
  /** The record delimiter, found at the first line break as csv-parse finds it ('' until then). */
  ending = '';
  /** A record was met that csv-parse must read. */
  stuck = false;
  /**
   * The positions of the cells a reader looks at (true), or null for all: the others are read as '' and never cut
   * out of the text, which spares a file of wide rows most of its allocations (an FTS row has 37 cells, 12 read).
   */
  selected: readonly boolean[] | null = null;

  /**
   * Reads the complete records at the start of `text` (which starts where the last call stopped) into `rows`, and
   * answers how many characters they took; the rest is read again with the next chunk.
   */
  read(text: string, end: boolean, rows: CsvRow[]): number {
    const length = text.length;
    let line = this.line;
    let ending = this.ending;
    let consumed = 0;
    // csv-parse drops a BOM at the very start of the file.
    let at = line === 1 && length > 0 && text.charCodeAt(0) === BOM ? 1 : 0;
    let stuck = false;
    let nextLf = text.indexOf('\n');
    let nextCr = text.indexOf('\r');
    // The next comma and quote at or after `at`, found by indexOf (far faster than a loop over characters) and moved
    // on only once passed; -1 reads as the text's end.
    let nextComma = text.indexOf(',');
    let nextQuote = text.indexOf('"');
    const selected = this.selected;
    records: while (at < length) {
      let code = text.charCodeAt(at);
      if (code === LF || code === CR) {
        // A blank line: skipped, but counted.
        const size = delimiterAt(text, at, end, ending);
        if (size === MORE) break;
        if (size === STUCK) {
          stuck = true;
          break;
        }
        if (ending === '') ending = size === 1 ? '\n' : '\r\n';
        line += 1;
        at += size;
        consumed = at;
        continue;
      }
      const cells: string[] = [];
      // CR and LF characters inside quoted cells: csv-parse counts each as a line.
      let inner = 0;
      // The line breaks inside cells not read, which are not in `cells` for breaksInside to count.
      let hidden = 0;
      for (;;) {
        const read = selected === null || selected[cells.length] === true;
        if (at < length && text.charCodeAt(at) === QUOTE) {
          const innerBefore = inner;
          let from = at + 1;
          let scan: number;
          let value = '';
          for (;;) {
            scan = text.indexOf('"', from);
            if (scan === -1) {
              // The quote is not closed in the text so far (csv-parse's error when the file ends here).
              if (end) stuck = true;
              break records;
            }
            // The line breaks inside the cell, found by moving on the next LF and CR (each visited once a text).
            while (nextLf !== -1 && nextLf < scan) {
              if (nextLf >= from) inner += 1;
              nextLf = text.indexOf('\n', nextLf + 1);
            }
            while (nextCr !== -1 && nextCr < scan) {
              if (nextCr >= from) inner += 1;
              nextCr = text.indexOf('\r', nextCr + 1);
            }
            if (scan + 1 >= length && !end) break records;
            if (scan + 1 < length && text.charCodeAt(scan + 1) === QUOTE) {
              if (read) value += text.slice(from, scan + 1);
              from = scan + 2;
              continue;
            }
            break;
          }
          if (read) cells.push(from === at + 1 ? text.slice(from, scan) : value + text.slice(from, scan));
          else {
            cells.push('');
            if (inner !== innerBefore) hidden += breaksIn(text.slice(at + 1, scan));
          }
          at = scan + 1;
        } else {
          // An unquoted cell runs to the first comma, line break or quote.
          if (nextComma !== -1 && nextComma < at) nextComma = text.indexOf(',', at);
          if (nextQuote !== -1 && nextQuote < at) nextQuote = text.indexOf('"', at);
          if (nextLf !== -1 && nextLf < at) nextLf = text.indexOf('\n', at);
          if (nextCr !== -1 && nextCr < at) nextCr = text.indexOf('\r', at);
          let scan = nextComma === -1 ? length : nextComma;
          if (nextLf !== -1 && nextLf < scan) scan = nextLf;
          if (nextCr !== -1 && nextCr < scan) scan = nextCr;
          if (nextQuote !== -1 && nextQuote < scan) {
            stuck = true;
            break records;
          }
          cells.push(read ? text.slice(at, scan) : '');
          at = scan;
        }
        if (at >= length) {
          if (!end) break records;
          rows.push({ line: inner === 0 ? line : line + inner - breaksInside(cells) - hidden, cells });
          line += inner;
          consumed = at;
          break records;
        }
        code = text.charCodeAt(at);
        if (code === COMMA) {
          at += 1;
          continue;
        }
        if (code !== LF && code !== CR) {
          // Something after a closing quote: csv-parse's "Invalid Closing Quote".
          stuck = true;
          break records;
        }
        const size = delimiterAt(text, at, end, ending);
        if (size === MORE) break records;
        if (size === STUCK) {
          stuck = true;
          break records;
        }
        if (ending === '') ending = size === 1 ? '\n' : '\r\n';
        rows.push({ line: inner === 0 ? line : line + inner - breaksInside(cells) - hidden, cells });
        line += inner + 1;
        at += size;
        consumed = at;
        continue records;
      }
    }
    this.line = line;
    this.ending = ending;
    this.stuck = stuck;
    return consumed;
  }

  /**
   * What csv-parse must read before the text not read yet to go on exactly where the fast path stopped: as many
   * line breaks as it had counted (blank lines, which it skips and counts), so that its line numbers — in records
   * and in error messages — are the file's.
   */
  prefix(): string {
    return this.ending.repeat(this.line - 1);
  }
}

/** How many bytes at the end of `bytes` start a UTF-8 character that the next chunk completes (0 to 3). */
export function incompleteTail(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back += 1) {
    const byte = bytes[length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0xc0) return 0;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return size > back ? back : 0;
  }
  return 0;
}
