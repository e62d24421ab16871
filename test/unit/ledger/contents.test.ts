import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentBuilder, checkContent, sealContent } from '../../../src/ledger/contents.ts';

describe('ledger contents', () => {
  it('a content built a piece at a time holds the UTF-8 of the pieces joined, however far it grows', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 60 }), (pieces) => {
        // A tiny first buffer, so that most runs grow it several times.
        const content = new ContentBuilder(8);
        for (const piece of pieces) content.append(piece);
        const expected = Buffer.from(pieces.join(''), 'utf8');
        expect(content.written().length).toBe(expected.length);
        expect(content.written().equals(expected)).toBe(true);
      }),
    );
  });

  it('sealing gives the SHA-256 of the text and its deflated bytes, which check out', async () => {
    const text = Buffer.from(
      'fts:1\tfts:1\tfts-o1\t\\N\tpaid\thumanitarian\t2024-03-01\t12.5\tUSD\n«Допомога»',
      'utf8',
    );
    const sealed = await sealContent(text);
    expect(sealed.bytes).toBe(text.length);
    expect(inflateRawSync(sealed.deflated).equals(text)).toBe(true);
    expect(checkContent(sealed.digest, sealed.deflated)).toBeNull();
    expect(
      checkContent(
        sealed.digest.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        sealed.deflated,
      ),
    ).toMatch(/does not match/);
  });
});
