import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../../src/ingest/extract/amounts.ts';

const read = (text: string) =>
  findAmounts(text, 'en').map(({ value, currency, restated }) => ({ value, currency, restated }));

describe('sums of money as the press writes them', () => {
  it.each([
    ['$500 million', 500_000_000, 'USD'],
    ['€500m', 500_000_000, 'EUR'],
    ['USD 1.2 bn', 1_200_000_000, 'USD'],
    ['$1.5bn', 1_500_000_000, 'USD'],
    ['C$200 million', 200_000_000, 'CAD'],
    ['US$90m', 90_000_000, 'USD'],
    ['£150m', 150_000_000, 'GBP'],
    ['NOK 2 billion', 2_000_000_000, 'NOK'],
    ['SEK 3.5 billion', 3_500_000_000, 'SEK'],
    ['half a billion dollars', 500_000_000, 'USD'],
    ['a $500-million package', 500_000_000, 'USD'],
    ['1,200 million euros', 1_200_000_000, 'EUR'],
    ['200 million Canadian dollars', 200_000_000, 'CAD'],
    ['500 млн доларів', 500_000_000, 'USD'],
    ['1,2 млрд доларів', 1_200_000_000, 'USD'],
    ['250 млн євро', 250_000_000, 'EUR'],
    ['€250 млн', 250_000_000, 'EUR'],
    ['400 млн злотих', 400_000_000, 'PLN'],
    ['200 млн канадських доларів', 200_000_000, 'CAD'],
    ['150 млн фунтів стерлінгів', 150_000_000, 'GBP'],
    ['півмільярда доларів', 500_000_000, 'USD'],
    ['500 000 євро', 500_000, 'EUR'],
    ['500 миллионов долларов США', 500_000_000, 'USD'],
    ['полмиллиарда долларов', 500_000_000, 'USD'],
    ['2 млрд норвежских крон', 2_000_000_000, 'NOK'],
    ['NOK 2 млрд', 2_000_000_000, 'NOK'],
  ])('reads "%s" as %d %s', (text, value, currency) => {
    expect(read(text)).toEqual([{ value, currency, restated: false }]);
  });

  it('leaves the currency of bare crowns to the donor', () => {
    expect(read('2 млрд крон')).toEqual([{ value: 2_000_000_000, currency: null, restated: false }]);
  });

  it('marks a sum restated in another currency, in brackets or after "about"', () => {
    expect(read('NOK 2 billion ($190 million)').map((amount) => amount.restated)).toEqual([false, true]);
    expect(read('3 млрд крон, що становить близько $280 млн').map((amount) => amount.restated)).toEqual([false, true]);
  });

  it('ignores numbers that are not money: calibres, years, counts, percentages', () => {
    expect(read('155mm shells ordered in 2025, 40 launchers, 3% of GDP')).toEqual([]);
  });
});
