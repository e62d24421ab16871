/**
 * readCsvRows against csv-parse as it was used before (csv-reference.ts): the same records, the same lines, the same
 * FormatError, on generated CSV of every shape — well-formed or not, LF or CRLF, BOMs, line breaks in quoted cells,
 * bytes that are not UTF-8 — cut into chunks anywhere.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRow, readCsvRows } from '../../../../src/ingest/formats/csv.ts';
import { referenceCsvRows } from './csv-reference.ts';
import { collectRows } from './streams.ts';

interface Outcome {
  readonly rows: CsvRow[];
  readonly error: string | null;
}

function chunks(data: Buffer | string, size: number): Readable {
  const parts: (Buffer | string)[] = [];
  for (let at = 0; at < data.length; at += size) parts.push(data.slice(at, at + size));
  return Readable.from(parts);
}

async function outcome(rows: Promise<CsvRow[]>, partial: () => CsvRow[]): Promise<Outcome> {
  try {
    return { rows: await rows, error: null };
  } catch (error) {
    const line = (error as { line?: unknown }).line;
    return {
      rows: partial(),
      error: error instanceof Error ? `${error.name}: ${error.message} @${line}` : String(error),
    };
  }
}

/**
 * readCsvRows and csv-parse on the same chunks. With `columns`, readCsvRows reads only those (after the first record)
 * and csv-parse's records are expected with '' in the others.
 */
async function read(
  data: Buffer | string,
  size: number,
  columns?: readonly number[],
): Promise<{ actual: Outcome; expected: Outcome }> {
  const got: CsvRow[] = [];
  const options = columns ? { columns: () => columns } : {};
  const actual = await outcome(
    (async () => {
      for await (const rows of readCsvRows(chunks(data, size), options)) got.push(...rows);
      return got;
    })(),
    () => got,
  );
  const seen: CsvRow[] = [];
  const expected = await outcome(
    (async () => {
      for await (const row of referenceCsvRows(chunks(data, size)))
        seen.push(
          columns && seen.length > 0
            ? { line: row.line, cells: row.cells.map((cell, at) => (columns.includes(at) ? cell : '')) }
            : row,
        );
      return seen;
    })(),
    () => seen,
  );
  return { actual, expected };
}

/**
 * The same as csv-parse: the records, or the error. Before an error csv-parse sometimes dropped records it had
 * parsed but not yet handed over (its stream was destroyed first); the records before it are now all given.
 */
function expectSame({ actual, expected }: { actual: Outcome; expected: Outcome }): void {
  expect(actual.error).toEqual(expected.error);
  if (expected.error === null) expect(actual.rows).toEqual(expected.rows);
  else expect(actual.rows.slice(0, expected.rows.length)).toEqual(expected.rows);
}

const PIECES = ['a', 'b c', ',', ',', '"', '"', '""', '"a"', '\n', '\n', '\r\n', '\r', ' ', 'é', '€', '😀', '\uFEFF'];
const CELLS = ['', 'a', 'abc def', '0.5', '-1', 'é€😀', 'x\ny', 'x\r\ny', 'x\ry', 'q"q', ' s ', ',', '\uFEFF'];

/** Anything: mostly broken CSV. */
const anything = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

/** Well-formed CSV with LF or CRLF endings, blank lines and quoted cells; perhaps one character put in somewhere. */
const csvText = (insertions: boolean, endings: readonly string[] = ['\n', '\r\n']) =>
  fc
    .record({
      ending: fc.constantFrom(...endings),
      bom: fc.boolean(),
      last: fc.boolean(),
      rows: fc.array(
        fc.oneof(
          fc.constant(null),
          fc.array(fc.record({ cell: fc.constantFrom(...CELLS), quote: fc.boolean() }), { minLength: 1, maxLength: 5 }),
        ),
        { maxLength: 10 },
      ),
      insert: insertions
        ? fc.option(fc.record({ at: fc.nat(), text: fc.constantFrom('"', '\r', '\n', ' ', '\r\n', 'x') }))
        : fc.constant(null),
    })
    .map(({ ending, bom, last, rows, insert }) => {
      const lines = rows.map((row) =>
        row === null
          ? ''
          : row
              .map(({ cell, quote }) => (quote || /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
              .join(','),
      );
      let text = lines.join(ending) + (last ? ending : '');
      if (insert) {
        const at = insert.at % (text.length + 1);
        text = text.slice(0, at) + insert.text + text.slice(at);
      }
      return (bom ? '\uFEFF' : '') + text;
    });

const wellFormed = csvText(true);

/** The text as bytes, perhaps with bytes that are not UTF-8 put in (or a UTF-16 BOM in front). */
const bytes = (text: fc.Arbitrary<string>) =>
  fc
    .record({
      text,
      junk: fc.option(
        fc.record({ at: fc.nat(), bytes: fc.constantFrom([0xe2, 0x82], [0xff], [0xc3], [0xff, 0xfe], [0xf0, 0x9f]) }),
      ),
    })
    .map(({ text, junk }) => {
      const data = Buffer.from(text);
      if (!junk) return data;
      const at = junk.at % (data.length + 1);
      return Buffer.concat([data.subarray(0, at), Buffer.from(junk.bytes), data.subarray(at)]);
    });

describe('readCsvRows reads what csv-parse reads', () => {
  it('on well-formed CSV, in bytes or in text, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(wellFormed, bytes(wellFormed)), fc.integer({ min: 1, max: 12 }), async (data, size) =>
        expectSame(await read(data, size)),
      ),
      { numRuns: 1500 },
    );
  }, 30_000);

  it('reading some columns only: the same records with the others blank, the same lines and errors', async () => {
    const columns = fc.uniqueArray(fc.nat(5), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(wellFormed, bytes(wellFormed), anything),
        fc.integer({ min: 1, max: 12 }),
        columns,
        async (data, size, selected) => expectSame(await read(data, size, selected)),
      ),
      { numRuns: 1500 },
    );
  }, 30_000);

  it('on broken CSV: the same records and the same FormatError (line and message)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, bytes(anything)), fc.integer({ min: 1, max: 12 }), async (data, size) =>
        expectSame(await read(data, size)),
      ),
      { numRuns: 1500 },
    );
  }, 30_000);

  it('on files larger than a chunk, with records across chunk and decoding boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('\n', '\r\n').chain((ending) =>
          fc.record({
            ending: fc.constant(ending),
            parts: fc.array(csvText(false, [ending]), { minLength: 200, maxLength: 400 }),
          }),
        ),
        fc.constantFrom(65_536, 16_384, 10_000, 4_099),
        fc.boolean(),
        async ({ ending, parts }, size, broken) => {
          const some = parts.map((part) => part.replace(/^\uFEFF/, '')).join(ending);
          const text = `${some}${ending}`.repeat(Math.ceil(100_000 / (some.length + 1)));
          expectSame(await read(broken ? `${text}"broken"quote${ending}${text}` : text, size));
        },
      ),
      { numRuns: 10 },
    );
  }, 60_000);

  it('numbers lines as csv-parse does: blank lines counted, a record by the line it starts on', async () => {
    const text = '\uFEFFh1,h2\n\n"a\nb",c\n\n\nd,"e\r\nf"\n"g""",h\n';
    const rows = await collectRows(readCsvRows(chunks(text, 5)));
    expect(rows).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 3, cells: ['a\nb', 'c'] },
      // csv-parse counts CR and LF inside a quoted cell as a line each, and the record steps back one line per break.
      { line: 8, cells: ['d', 'e\r\nf'] },
      { line: 10, cells: ['g"', 'h'] },
    ]);
    expectSame(await read(text, 5));
  });

  it('hands a cell longer than a megabyte to csv-parse and goes on', async () => {
    const long = 'x'.repeat(1_200_000);
    const text = `a,b\n"${long}",1\nc,d\n`;
    const { actual, expected } = await read(text, 65_536);
    expect(actual.rows.map((row) => [row.line, row.cells[0]?.length])).toEqual([
      [1, 1],
      [2, long.length],
      [3, 1],
    ]);
    expectSame({ actual, expected });
  });

  it('reads a UTF-16 file as csv-parse does', async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\nc,d\n', 'utf16le')]);
    const { actual, expected } = await read(data, 7);
    expect(actual.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
    expectSame({ actual, expected });
  });

  it('gives the records of a chunk together, and stops reading when the reader stops', async () => {
    const text = `h\n${'row\n'.repeat(10_000)}`;
    const input = chunks(text, 8_192);
    let batches = 0;
    for await (const rows of readCsvRows(input)) {
      expect(rows.length).toBeGreaterThan(1000);
      batches += 1;
      break;
    }
    expect(batches).toBe(1);
    expect(input.destroyed).toBe(true);
  });
});
