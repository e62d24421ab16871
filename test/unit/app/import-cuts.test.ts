/**
 * Where a file is cut to be read in parts (findCuts, src/app/imports/split.ts): each part starts right after a line
 * break, on the line after the line breaks before it, in order; and the files it leaves to one thread.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCuts } from '../../../src/app/imports/split.ts';

describe('cutting a file into parts', () => {
  let dir: string;
  let files = 0;
  const cutsOf = async (text: string, parts: number) => {
    files += 1;
    const file = path.join(dir, `${files}.csv`);
    await writeFile(file, text);
    return findCuts(file, Buffer.byteLength(text), parts);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-cuts-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts each part after a line break past its share, on the line the line breaks before it give', async () => {
    const row = fc.stringMatching(/^[a-zé,"0-9 ]{0,40}$/);
    let cut = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 2, max: 5 }),
        async (rows, parts) => {
          const text = `"id","name"\n${rows.join('\n')}\n`;
          const bytes = Buffer.from(text);
          const cuts = await cutsOf(text, parts);
          if (cuts === null) return;
          cut += 1;
          expect(Buffer.from(cuts.header)).toEqual(bytes.subarray(0, bytes.indexOf('\n') + 1));
          expect(cuts.parts).toHaveLength(parts - 1);
          let before = cuts.header.length;
          cuts.parts.forEach((part, index) => {
            expect(part.start).toBeGreaterThan(before);
            expect(bytes[part.start - 1]).toBe(0x0a);
            expect(part.start).toBeLessThan(bytes.length);
            expect(part.line).toBe(1 + bytes.subarray(0, part.start).filter((byte) => byte === 0x0a).length);
            expect(part.end).toBe(cuts.parts[index + 1]?.start ?? null);
            before = part.start;
          });
        },
      ),
      { numRuns: 60 },
    );
    // Most files are long enough to cut.
    expect(cut).toBeGreaterThan(30);
  });

  it('cuts a file of lines of one length after the line holding each share: rows 250, 500 and 750', async () => {
    // The header takes 8 bytes and every row 7: the shares (1,752, 3,504, 5,256) fall in rows 249, 499 and 749.
    const rows = Array.from({ length: 1000 }, (_, index) => `${String(index).padStart(4, '0')},x`);
    const text = `"a","b"\n${rows.join('\n')}\n`;
    const cuts = await cutsOf(text, 4);
    expect(cuts?.parts.map((part) => part.line)).toEqual([252, 502, 752]);
  });

  it('leaves to one thread a file with a CR before its last cut, a header whose quotes run on, or too few lines', async () => {
    const rows = Array.from({ length: 100 }, (_, index) => `${index},x`);
    expect(await cutsOf(`a,b\r\n${rows.join('\r\n')}\r\n`, 2)).toBeNull();
    expect(await cutsOf(`a,"b\nc"\n${rows.join('\n')}\n`, 2)).toBeNull();
    expect(await cutsOf('a,b\n1,x', 2)).toBeNull();
    expect(await cutsOf(`a,b\n${rows.join('\n')}\n`, 2)).not.toBeNull();
  });
});
