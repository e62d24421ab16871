/**
 * An FTS row's amounts and rate as the reader takes them (a fast path for plain digits) against parseMoney and
 * parseRate themselves: the same Money, or the same refusal of the same cell.
 */

import currencyCodes from 'currency-codes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src/domain/errors.ts';
import { currencyDigits, parseMoney, parseRate } from '../../../../src/domain/money.ts';
import { columnIndex } from '../../../../src/ingest/formats/csv.ts';
import { FTS_COLUMNS, type FtsColumn, readFtsRow } from '../../../../src/ingest/formats/fts-record.ts';

const at = columnIndex([...FTS_COLUMNS], FTS_COLUMNS, 'FTS flows');

function row(values: Partial<Record<FtsColumn, string>>): string[] {
  const base: Partial<Record<FtsColumn, string>> = { id: '1', status: 'paid', date: '2021-02-25', amountUSD: '1' };
  return FTS_COLUMNS.map((column) => ({ ...base, ...values })[column] ?? '');
}

/** What parseMoney makes of an amount cell, as the reader reports it. */
function expected(value: string, currency: string, column: FtsColumn): unknown {
  try {
    return parseMoney({ amount: value, currency }, column);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { column, reason: `"${value}" is not an exact amount of ${currency}: ${error.message}` };
  }
}

const amount = fc.oneof(
  fc.stringMatching(/^\d{1,20}(\.\d{0,12})?$/),
  fc.stringMatching(/^-?\d{1,4}(\.\d{1,4})?$/),
  fc.constantFrom('0', '00', '0.0', '1.', '.5', '1,000', '1e3', ' 5', '12345678901234567', '9007199254740993'),
);

describe('FTS amounts', () => {
  it('reads amountUSD and originalAmount as parseMoney does, in any currency', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('USD', 'EUR', 'JPY', 'BHD', 'CLF', 'KWD'), (value, currency) => {
        const usd = readFtsRow(row({ amountUSD: value }), at);
        expect('reason' in usd ? usd : usd.amountUSD).toEqual(
          value === ''
            ? { column: 'amountUSD', reason: 'the amount in US dollars is missing' }
            : expected(value.trim(), 'USD', 'amountUSD'),
        );
        const original = readFtsRow(row({ originalAmount: value, originalCurrency: currency }), at);
        expect('reason' in original ? original : original.originalAmount).toEqual(
          value.trim() === '' ? null : expected(value.trim(), currency, 'originalAmount'),
        );
      }),
      { numRuns: 5_000 },
    );
  }, 30_000);

  it('takes the rates parseRate takes, and refuses the others with its reason', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^\d{0,14}(\.\d{0,14})?$/), fc.constantFrom('0', '0.000', '1e3', '-1', '0.824')),
        (rate) => {
          const result = readFtsRow(row({ exchangeRate: rate }), at);
          let reason: string | null = null;
          try {
            if (rate !== '') parseRate(rate, 'exchangeRate');
          } catch (error) {
            reason = error instanceof Error ? error.message : String(error);
          }
          if (reason === null) expect(result).toMatchObject({ exchangeRate: rate === '' ? null : rate });
          else expect(result).toEqual({ column: 'exchangeRate', reason });
        },
      ),
      { numRuns: 5_000 },
    );
  }, 30_000);
});

describe('currencyDigits', () => {
  it('answers as currency-codes does, for every three-letter code, without the codes that are not money', () => {
    const notMoney = ['XAU', 'XAG', 'XPD', 'XPT', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XSU', 'XUA', 'XTS', 'XXX'];
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters)
      for (const b of letters)
        for (const c of letters) {
          const code = a + b + c;
          expect(currencyDigits(code)).toBe(notMoney.includes(code) ? undefined : currencyCodes.code(code)?.digits);
        }
    for (const odd of ['', 'eur', 'EURO', 'EU', 'E1R', ' EUR']) expect(currencyDigits(odd)).toBeUndefined();
  });
});
