/** scaleDecimal's fast path (doubles) against its bigint path, on decimals of every size. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECIMAL_TEXT,
  scaleDecimal,
  scaleDecimalWithBigInt,
  scaleSmallDecimal,
} from '../../../../src/ingest/formats/decimal.ts';

/** Decimals as DECIMAL_TEXT takes them: a sign, leading zeros, up to 20 digits on each side. */
const decimal = fc
  .record({
    negative: fc.boolean(),
    whole: fc.stringMatching(/^\d{1,20}$/),
    fraction: fc.option(fc.stringMatching(/^\d{1,20}$/)),
  })
  .map(({ negative, whole, fraction }) => `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`);

describe('scaleDecimal', () => {
  it('gives what the bigint path gives, for every decimal and power', () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 15 }), (text, power) => {
        expect(DECIMAL_TEXT.test(text)).toBe(true);
        expect(scaleDecimal(text, power)).toEqual(scaleDecimalWithBigInt(text, power));
        const small = scaleSmallDecimal(text, power);
        if (small !== null) {
          expect(Number.isSafeInteger(small)).toBe(true);
          expect(BigInt(small)).toBe(scaleDecimalWithBigInt(text, power).value);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 30_000);

  it('takes the fast path for the amounts trackers write, and the bigint path beyond 15 digits', () => {
    expect(scaleSmallDecimal('0.002645', 11)).toBe(264_500_000);
    expect(scaleSmallDecimal('1312.77115526256', 11)).toBe(131_277_115_526_256);
    expect(scaleSmallDecimal('-0.6', 11)).toBe(-60_000_000_000);
    expect(scaleSmallDecimal('12345.5', 11)).toBeNull();
    expect(scaleSmallDecimal('14.6811982274301', 11)).toBeNull();
    expect(scaleDecimal('14.6811982274301', 11)).toEqual({ value: 1_468_119_822_743n, exact: false });
    expect(scaleDecimal('-0', 11)).toEqual({ value: 0n, exact: true });
  });
});
