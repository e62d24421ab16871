import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { type KielRecord, readKiel, readKielRelease } from '../../../../src/ingest/formats/kiel.ts';
import { FormatError, type RowResult } from '../../../../src/ingest/formats/types.ts';
import { requireFile, sharedFile } from './shared-data.ts';
import { collectRows, heapAfterGc, textStream } from './streams.ts';

const HEADER =
  '"country","iso","year","month","total","financial","humanitarian","military","commitments","to_be_allocated","gdp","pct_gdp"';

const records = (results: RowResult<KielRecord>[]) =>
  results.flatMap((result) => ('record' in result ? [result.record] : []));
const errors = (results: RowResult<KielRecord>[]) =>
  results.flatMap((result) => ('error' in result ? [{ row: result.row, ...result.error }] : []));

const data = sharedFile('kiel/data_explorer.csv');

describe.runIf(data.run)('readKiel on the real data_explorer.csv (Release 29)', () => {
  let results: RowResult<KielRecord>[];

  beforeAll(async () => {
    requireFile(data.file);
    results = await collectRows(readKiel(createReadStream(data.file)));
  });

  it('reads all 1079 data rows, lines 2 to 1080, with no error', () => {
    expect(results).toHaveLength(1079);
    expect(errors(results)).toEqual([]);
    expect(results[0]?.row).toBe(2);
    expect(results.at(-1)?.row).toBe(1080);
  });

  it('keeps the decimal strings and converts EUR billions to exact cents', () => {
    expect(results[0]).toEqual({
      row: 2,
      record: {
        country: 'Australia',
        iso3: 'AUS',
        code: 'AU',
        year: 2022,
        month: 2,
        total: { billions: '0.002645', cents: 264_500_000n },
        financial: { billions: '0', cents: 0n },
        humanitarian: { billions: '0', cents: 0n },
        military: { billions: '0.002645', cents: 264_500_000n },
        commitments: { billions: '0.002645', cents: 264_500_000n },
        toBeAllocated: { billions: '0', cents: 0n },
        gdp: { billions: '1312.77115526256', cents: 131_277_115_526_256n },
        pctGdp: '0.000201482184415531',
      },
    });
  });

  it('maps Kiel\'s "EU" to EU and keeps negative amounts to be allocated', () => {
    const eu = results.find((result) => result.row === 233);
    expect(eu).toMatchObject({
      record: {
        country: 'EU (Commission and Council)',
        iso3: 'EU',
        code: 'EU',
        year: 2022,
        month: 3,
        total: { billions: '1.6855', cents: 168_550_000_000n },
        commitments: { billions: '1.0855', cents: 108_550_000_000n },
        toBeAllocated: { billions: '-0.6', cents: -60_000_000_000n },
      },
    });
    expect(records(results).filter((record) => record.code === 'EU')).toHaveLength(47);
  });

  it('maps every alpha-3 code to alpha-2 (Taiwan too)', () => {
    const codes = new Set(records(results).map((record) => `${record.iso3}>${record.code}`));
    expect(codes).toContain('TWN>TW');
    expect(codes).toContain('DEU>DE');
    expect(codes.size).toBe(42);
  });

  it('rounds GDP given finer than a cent half to even (Malta: 14.6811982274301 billion)', () => {
    expect(results.find((result) => result.row === 652)).toMatchObject({
      record: { iso3: 'MLT', gdp: { billions: '14.6811982274301', cents: 1_468_119_822_743n } },
    });
  });

  it('adds up exactly: the sums of cents, and military + financial + humanitarian = total in every row', () => {
    const all = records(results);
    const sum = (pick: (record: KielRecord) => bigint) => all.reduce((total, record) => total + pick(record), 0n);
    expect(sum((record) => record.total.cents)).toBe(35_839_950_100_000n);
    expect(sum((record) => record.commitments.cents)).toBe(54_798_384_600_000n);
    for (const record of all) {
      expect(record.military.cents + record.financial.cents + record.humanitarian.cents).toBe(record.total.cents);
    }
  });
});

const release = sharedFile('kiel/release_info.csv');

describe.runIf(release.run)('readKielRelease on the real release_info.csv', () => {
  it('reads release 29, period 04/2026, published 2026-08-04', () => {
    requireFile(release.file);
    expect(readKielRelease(readFileSync(release.file, 'utf8'))).toEqual({
      release: 29,
      period: { year: 2026, month: 4 },
      date: '2026-08-04',
      label: 'Ukraine Support Tracker, Release 29 (04/2026)',
    });
  });
});

describe('readKiel on hand-made rows', () => {
  it('reports each bad row with its line, column and reason, and goes on', async () => {
    const text = [
      HEADER,
      '"Germany","DEU",2025,7,0.5,0,0,0.5,0.5,0,4305.25,0.0116',
      '"Nowhere","XYZ",2025,7,0,0,0,0,0,0,1,0',
      '"Germany","DEU",2025,13,0,0,0,0,0,0,1,0',
      '"Germany","DEU",25,1,0,0,0,0,0,0,1,0',
      '"Germany","DEU",2025,1,abc,0,0,0,0,0,1,0',
      '"Germany","DEU",2025,1,1e-3,0,0,0,0,0,1,0',
      '"Germany","DEU",2025,1,0.0000000000001,0,0,0,0,0,1,0',
      '"Germany","DEU",2025,1,0,0,0,0,,0,1,0',
      '"Germany","DEU",2025,1,0,0,0',
      '"","DEU",2025,1,0,0,0,0,0,0,1,0',
      '"Germany","DEU",2025,1,0,0,0,0,0,0,1,1%',
      '"Multi',
      'line","FRA",2025,2,0.1,0,0,0.1,0.1,0,2900,0.003',
      '"France","FRA",2025,3,0.2,0,0,0.2,0.2,0,2900,0.007',
    ].join('\n');
    const results = await collectRows(readKiel(textStream(text)));
    expect(errors(results)).toEqual([
      { row: 3, column: 'iso', reason: '"XYZ" is not an ISO 3166-1 alpha-3 country code or EU' },
      { row: 4, column: 'month', reason: '"13" is not a month number from 1 to 12' },
      { row: 5, column: 'year', reason: '"25" is not a year such as 2025' },
      { row: 6, column: 'total', reason: '"abc" is not a decimal number such as 0.142911' },
      { row: 7, column: 'total', reason: '"1e-3" is not a decimal number such as 0.142911' },
      { row: 8, column: 'total', reason: '"0.0000000000001" billion euros is not a whole number of cents' },
      { row: 9, column: 'commitments', reason: 'the cell is empty; a decimal number is expected' },
      { row: 10, column: null, reason: 'the row has 7 cells where the header has 12' },
      { row: 11, column: 'country', reason: 'the donor name is empty' },
      { row: 12, column: 'pct_gdp', reason: '"1%" is not a decimal number such as 0.142911' },
    ]);
    expect(results.flatMap((result) => ('record' in result ? [[result.row, result.record.country]] : []))).toEqual([
      [2, 'Germany'],
      [13, 'Multi\nline'],
      [15, 'France'],
    ]);
    expect(records(results)[0]?.total).toEqual({ billions: '0.5', cents: 50_000_000_000n });
  });

  it('refuses a header without the tracker columns, and quoting that cannot be read', async () => {
    await expect(collectRows(readKiel(textStream('country,iso,year\nGermany,DEU,2025')))).rejects.toMatchObject({
      name: 'FormatError',
      line: 1,
      message: expect.stringContaining('lacks month, total, financial'),
    });
    const broken = `${HEADER}\n"Germany","DEU",2025,1,0,0,0,0,0,0,1,0\n"Ger"many","DEU",2025,1,0,0,0,0,0,0,1,0\n`;
    const error = await collectRows(readKiel(textStream(broken))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FormatError);
    expect(error).toMatchObject({ line: 3 });
    await expect(collectRows(readKiel(textStream('')))).rejects.toBeInstanceOf(FormatError);
  });

  it('destroys its input when the reader stops early, and passes a read error on', async () => {
    const input = textStream(`${HEADER}\n"Germany","DEU",2025,7,0.5,0,0,0.5,0.5,0,4305.25,0.0116\n`.repeat(3));
    for await (const results of readKiel(input)) {
      expect(results[0]?.row).toBe(2);
      break;
    }
    expect(input.destroyed).toBe(true);
    await expect(collectRows(readKiel(createReadStream('/nonexistent/data_explorer.csv')))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('refuses a release file that is not one release', () => {
    const header = '"release","period","date","label"';
    expect(() => readKielRelease(`${header}\n"29","13/2026","2026-08-04","x"`)).toThrow(/period "13\/2026"/);
    expect(() => readKielRelease(`${header}\n"29","04/2026","2026-02-30","x"`)).toThrow(FormatError);
    expect(() => readKielRelease(header)).toThrow(/one release, not 0/);
  });
});

describe('readKiel streams', () => {
  it('reads 200 000 generated rows with the heap growing by less than 50 MB', async () => {
    const ROWS = 200_000;
    // Made as it is read, 1000 rows a chunk: the whole input (about 15 MB) never exists at once.
    async function* generated() {
      yield `${HEADER}\n`;
      for (let start = 0; start < ROWS; start += 1000) {
        let chunk = '';
        for (let index = start; index < start + 1000; index++) {
          const month = (index % 12) + 1;
          chunk += `"Donor ${index}","DEU",${2022 + (index % 5)},${month},0.${index},0,0,0.${index},0.${index},0,4305.25,0.01\n`;
        }
        yield chunk;
      }
    }
    const before = heapAfterGc();
    let peak = 0;
    let count = 0;
    let cents = 0n;
    for await (const results of readKiel(Readable.from(generated()))) {
      for (const result of results) {
        if (!('record' in result)) throw new Error(`row ${result.row}: ${result.error.reason}`);
        count++;
        cents += result.record.total.cents;
        if (count % 50_000 === 0) peak = Math.max(peak, heapAfterGc() - before);
      }
    }
    expect(count).toBe(ROWS);
    expect(cents).toBeGreaterThan(0n);
    expect(peak).toBeLessThan(50 * 1024 * 1024);
    expect(heapAfterGc() - before).toBeLessThan(50 * 1024 * 1024);
  }, 120_000);
});

// Keep the path helper honest: the suites above read ../shared/data from the repository's parent.
it('looks for the shared data beside the repository', () => {
  expect(path.relative(process.cwd(), data.file)).toBe(path.join('..', 'shared', 'data', 'kiel', 'data_explorer.csv'));
});
