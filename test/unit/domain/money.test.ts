import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.ts';
import {
  addMoney,
  convertViaEuro,
  currencyDigits,
  divideRounded,
  formatMoney,
  type Money,
  minorToDecimal,
  money,
  parseMoney,
  parsePositiveMoney,
  parseRate,
  scaleMoney,
} from '../../../src/domain/money.ts';

/** Runs `action` and returns the DomainError it throws as `{ code, field }`. */
function refusal(action: () => unknown): { code: string; field: string | undefined } {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

describe('money: parsing and formatting', () => {
  it.each([
    ['500000000.00', 'EUR', 50_000_000_000n],
    ['1250.5', 'EUR', 125_050n],
    ['0.01', 'USD', 1n],
    ['1000', 'JPY', 1000n],
    ['1.234', 'BHD', 1234n],
    ['-0.05', 'EUR', -5n],
  ])('reads %s %s as exact minor units', (amount, currency, minor) => {
    expect(parseMoney({ amount, currency })).toEqual({ currency, minor });
  });

  it.each([
    ['500000000.00', 'EUR', '500000000.00'],
    ['500000000', 'USD', '500000000.00'],
    ['1250.5', 'EUR', '1250.50'],
    ['1000', 'JPY', '1000'],
    ['1000.00', 'JPY', '1000'],
    ['0.5', 'BHD', '0.500'],
    ['-12.3', 'NOK', '-12.30'],
    ['1.500', 'EUR', '1.50'],
  ])('formats %s %s back with the currency’s own decimals as %s', (amount, currency, formatted) => {
    const parsed = parseMoney({ amount, currency });
    expect(formatMoney(parsed)).toEqual({ amount: formatted, currency });
    expect(parseMoney(formatMoney(parsed))).toEqual(parsed);
  });

  it('trims spaces around the amount', () => {
    expect(money(' 42.10 ', 'EUR')).toEqual({ currency: 'EUR', minor: 4210n });
  });

  it.each([
    ['100.5', 'JPY'],
    ['0.001', 'EUR'],
    ['1.2345', 'BHD'],
  ])('refuses %s %s: more decimals than the currency has', (amount, currency) => {
    expect(refusal(() => parseMoney({ amount, currency }))).toEqual({
      code: 'amount-too-precise',
      field: 'amount.amount',
    });
  });

  it.each(['1e6', '1,000.00', '', '12.', '.5', '+5', 'five'])('refuses "%s": not a decimal number', (amount) => {
    expect(refusal(() => parseMoney({ amount, currency: 'EUR' }))).toEqual({
      code: 'amount-not-decimal',
      field: 'amount.amount',
    });
  });

  it.each(['eur', 'EURO', 'XYZ', 'US$', ''])('refuses currency "%s": not an ISO 4217 code', (currency) => {
    expect(refusal(() => parseMoney({ amount: '1', currency }))).toEqual({
      code: 'currency-not-iso-4217',
      field: 'amount.currency',
    });
  });

  it('names the field it was given in its errors', () => {
    expect(refusal(() => parseMoney({ amount: '1', currency: 'XYZ' }, 'targetValue'))).toEqual({
      code: 'currency-not-iso-4217',
      field: 'targetValue.currency',
    });
    expect(refusal(() => parsePositiveMoney({ amount: '0', currency: 'EUR' }, 'lines[0].value'))).toEqual({
      code: 'amount-must-be-positive',
      field: 'lines[0].value.amount',
    });
  });

  it.each(['0', '0.00', '-0.00', '-1'])('a positive amount refuses %s', (amount) => {
    expect(refusal(() => parsePositiveMoney({ amount, currency: 'EUR' }))).toEqual({
      code: 'amount-must-be-positive',
      field: 'amount.amount',
    });
  });

  it('knows each currency’s minor-unit digits and no others', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('BHD')).toBe(3);
    expect(currencyDigits('XYZ')).toBeUndefined();
    expect(currencyDigits('eur')).toBeUndefined();
  });

  it('writes minor units as a decimal with the given digits', () => {
    expect(minorToDecimal(5n, 2)).toBe('0.05');
    expect(minorToDecimal(-5n, 2)).toBe('-0.05');
    expect(minorToDecimal(123_456n, 3)).toBe('123.456');
    expect(minorToDecimal(0n, 0)).toBe('0');
    expect(minorToDecimal(1000n, 0)).toBe('1000');
  });

  it('adds amounts of one currency and refuses to add different currencies', () => {
    expect(addMoney(money('0.10', 'EUR'), money('0.20', 'EUR'))).toEqual(money('0.30', 'EUR'));
    expect(() => addMoney(money('1', 'EUR'), money('1', 'USD'))).toThrow(/cannot add EUR to USD/);
  });
});

describe('money: banker’s rounding', () => {
  it.each([
    [5n, 2n, 2n, '2.5 rounds to the even 2'],
    [7n, 2n, 4n, '3.5 rounds to the even 4'],
    [-5n, 2n, -2n, '-2.5 rounds to the even -2'],
    [-7n, 2n, -4n, '-3.5 rounds to the even -4'],
    [1n, 2n, 0n, '0.5 rounds to 0'],
    [-1n, 2n, 0n, '-0.5 rounds to 0'],
    [1n, 3n, 0n, '1/3 rounds down'],
    [2n, 3n, 1n, '2/3 rounds up'],
    [-2n, 3n, -1n, '-2/3 rounds away from zero'],
    [-3n, 5n, -1n, '-0.6 rounds to -1'],
    [6n, 3n, 2n, 'an exact quotient stays'],
    [7n, -2n, -4n, 'a negative denominator flips both signs'],
  ])('divideRounded(%s, %s) = %s: %s', (numerator, denominator, expected) => {
    expect(divideRounded(numerator, denominator)).toBe(expected);
  });
});

describe('money: exchange rates and conversion via the euro', () => {
  const EUR = parseRate('1');
  const USD = parseRate('1.1684');

  it('reads a rate as an exact fraction', () => {
    expect(USD).toEqual({ numerator: 11_684n, denominator: 10_000n });
    expect(parseRate('172.51')).toEqual({ numerator: 17_251n, denominator: 100n });
  });

  it.each(['-1.1', '1,16', '1e3', 'abc', ''])('refuses the rate "%s": not a positive decimal', (text) => {
    expect(refusal(() => parseRate(text))).toEqual({ code: 'rate-not-decimal', field: 'rate' });
  });

  it('refuses a zero rate', () => {
    expect(refusal(() => parseRate('0.000', 'usdPerEur'))).toEqual({
      code: 'rate-must-be-positive',
      field: 'usdPerEur',
    });
  });

  it('converts EUR 500,000,000.00 at USD 1.1684 per euro into USD 584,200,000.00', () => {
    expect(formatMoney(convertViaEuro(money('500000000.00', 'EUR'), EUR, 'USD', USD))).toEqual({
      amount: '584200000.00',
      currency: 'USD',
    });
  });

  it('converts USD back into EUR by dividing by the USD rate', () => {
    expect(formatMoney(convertViaEuro(money('584200000.00', 'USD'), USD, 'EUR', EUR))).toEqual({
      amount: '500000000.00',
      currency: 'EUR',
    });
  });

  it('converts CAD into USD through the two euro rates, rounding once', () => {
    const CAD = parseRate('1.6005');
    const USD_ON_DAY = parseRate('1.1576');
    // 500,000,000 / 1.6005 * 1.1576 = 361,636,988.4411…
    expect(formatMoney(convertViaEuro(money('500000000.00', 'CAD'), CAD, 'USD', USD_ON_DAY))).toEqual({
      amount: '361636988.44',
      currency: 'USD',
    });
    // 1,000 / 1.6005 * 1.1576 = 723.2739…
    expect(formatMoney(convertViaEuro(money('1000.00', 'CAD'), CAD, 'USD', USD_ON_DAY))).toEqual({
      amount: '723.27',
      currency: 'USD',
    });
  });

  it('converts into and out of JPY, which has no minor unit', () => {
    const JPY = parseRate('172.51');
    expect(convertViaEuro(money('100.00', 'EUR'), EUR, 'JPY', JPY)).toEqual({ currency: 'JPY', minor: 17_251n });
    // 1,000,000 / 172.51 = 5,796.7654…
    expect(formatMoney(convertViaEuro(money('1000000', 'JPY'), JPY, 'EUR', EUR))).toEqual({
      amount: '5796.77',
      currency: 'EUR',
    });
  });

  it('rounds a converted half cent to the even cent', () => {
    const rate = parseRate('1.5');
    // 0.01 × 1.5 = 0.015 → 0.02; 0.03 × 1.5 = 0.045 → 0.04
    expect(convertViaEuro(money('0.01', 'EUR'), EUR, 'USD', rate)).toEqual({ currency: 'USD', minor: 2n });
    expect(convertViaEuro(money('0.03', 'EUR'), EUR, 'USD', rate)).toEqual({ currency: 'USD', minor: 4n });
  });

  it('scales an amount by an exact share, rounding once', () => {
    const third: Money = scaleMoney(money('100.00', 'EUR'), { numerator: 1n, denominator: 3n });
    expect(formatMoney(third)).toEqual({ amount: '33.33', currency: 'EUR' });
    expect(scaleMoney(money('0.05', 'EUR'), { numerator: 1n, denominator: 2n })).toEqual({
      currency: 'EUR',
      minor: 2n,
    });
  });
});
