import { describe, expect, it } from 'vitest';
import { deliveredShare, type WeightedLine } from '../../../src/domain/package/delivery.ts';

const line = (lineId: string, quantity: number | null, value: string | null = null): WeightedLine => ({
  lineId,
  quantity,
  value: value === null ? null : { amount: value, currency: 'EUR' },
});

const received = (entries: Record<string, number>): ReadonlyMap<string, number> => new Map(Object.entries(entries));

describe('delivered share', () => {
  it('is an exact, reduced fraction, never a rounded decimal', () => {
    // (1/3 + 2/7) / 2 = 13/42
    expect(deliveredShare([line('a', 3), line('b', 7)], received({ a: 1, b: 2 }), false)).toEqual({
      numerator: 13n,
      denominator: 42n,
    });
  });

  it('is zero before anything arrives', () => {
    expect(deliveredShare([line('a', 3), line('b', 7)], received({}), false)).toEqual({
      numerator: 0n,
      denominator: 1n,
    });
  });

  it('weighs lines by value when every line has one', () => {
    // 1 of 2 units of a line worth 900 out of 1000: 9/20
    expect(deliveredShare([line('a', 2, '900.00'), line('b', 5, '100.00')], received({ a: 1 }), false)).toEqual({
      numerator: 9n,
      denominator: 20n,
    });
  });

  it('weighs lines equally when one has no value', () => {
    expect(deliveredShare([line('a', 2, '900.00'), line('b', 5)], received({ a: 1 }), false)).toEqual({
      numerator: 1n,
      denominator: 4n,
    });
  });

  it('counts a line of unknown quantity only in a full delivery', () => {
    expect(deliveredShare([line('a', 4), line('b', null)], received({ a: 4, b: 1 }), false)).toEqual({
      numerator: 1n,
      denominator: 2n,
    });
    expect(deliveredShare([line('a', 4), line('b', null)], received({ a: 4, b: 1 }), true)).toEqual({
      numerator: 1n,
      denominator: 1n,
    });
  });

  it('never counts more of a line than it orders', () => {
    expect(deliveredShare([line('a', 4), line('b', 4)], received({ a: 9 }), false)).toEqual({
      numerator: 1n,
      denominator: 2n,
    });
  });
});
