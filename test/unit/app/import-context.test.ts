/**
 * The conversions imports make millions of times, in doubles, against the bigint ones they stand for: the same
 * strings to the cent, for any amount and rate, large ones (which go the bigint way) included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalOf,
  eurCentsToUsd,
  eurToUsd,
  scaleMinor,
  smallRatio,
  usdCentsToEur,
  usdToEur,
} from '../../../src/app/imports/context.ts';
import { divideRounded, minorToDecimal, parseRate, type Ratio } from '../../../src/domain/money.ts';

/** Rates as the ECB publishes them ("1.1684"), and odd ones. */
const rate = fc
  .oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^\d{1,6}$/))
      .map(([whole, fraction]) => `${whole}.${fraction}`),
    fc
      .tuple(fc.integer({ min: 1, max: 999_999_999_999 }), fc.stringMatching(/^\d{0,12}$/))
      .map(([whole, fraction]) => (fraction === '' ? String(whole) : `${whole}.${fraction}`)),
  )
  .filter((text) => /[1-9]/.test(text))
  .map((text) => parseRate(text));

/** Cents from nothing to far past 2^53. */
const cents = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map(BigInt),
  fc.bigInt({ min: 0n, max: 10n ** 13n }),
  fc.bigInt({ min: 0n, max: 10n ** 17n }),
  fc.bigInt({ min: 0n, max: 10n ** 22n }),
);

/** What a conversion gives, or the error it throws (an amount too large for parseMoney). */
function outcome(convert: () => string): string {
  try {
    return convert();
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe('import conversions in doubles', () => {
  it('decimalOf is minorToDecimal', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 4 }),
        (minor, digits) => {
          expect(decimalOf(minor, digits)).toBe(minorToDecimal(minor, digits));
          if (minor >= BigInt(Number.MIN_SAFE_INTEGER) && minor <= BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(decimalOf(Number(minor), digits)).toBe(minorToDecimal(minor, digits));
          }
        },
      ),
      { numRuns: 10_000 },
    );
  }, 30_000);

  it('scaleMinor is divideRounded whenever it answers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 53n }), rate, (minor, ratio: Ratio) => {
        const small = smallRatio(ratio);
        const scaled = small && scaleMinor(Number(minor), small);
        if (scaled !== null) expect(BigInt(scaled)).toBe(divideRounded(minor * ratio.numerator, ratio.denominator));
      }),
      { numRuns: 10_000 },
    );
  }, 30_000);

  it('eurCentsToUsd and usdCentsToEur are eurToUsd and usdToEur, to the cent', () => {
    fc.assert(
      fc.property(cents, rate, (amount: bigint, ratio: Ratio) => {
        const small = smallRatio(ratio);
        const decimal = minorToDecimal(amount, 2);
        const usd = outcome(() => eurToUsd(decimal, ratio));
        const eur = outcome(() => usdToEur(decimal, ratio));
        expect(outcome(() => eurCentsToUsd(amount, ratio, small))).toBe(usd);
        expect(outcome(() => usdCentsToEur(amount, ratio, small))).toBe(eur);
        if (amount <= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(outcome(() => eurCentsToUsd(Number(amount), ratio, small))).toBe(usd);
          expect(outcome(() => usdCentsToEur(Number(amount), ratio, small))).toBe(eur);
        }
      }),
      { numRuns: 10_000 },
    );
  }, 30_000);

  it('rounds halves to even, as the bigint path does', () => {
    const half = parseRate('1.5');
    expect(eurCentsToUsd(1, half, smallRatio(half))).toBe('0.02');
    expect(eurCentsToUsd(3, half, smallRatio(half))).toBe('0.04');
    expect(eurCentsToUsd(5, half, smallRatio(half))).toBe('0.08');
    expect(eurCentsToUsd(264_500_000, parseRate('1.0511'), smallRatio(parseRate('1.0511')))).toBe('2780159.50');
  });
});
