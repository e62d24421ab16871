import currencyCodes from 'currency-codes';
import { invalid } from './errors.ts';

/**
 * An exact amount of one currency, held as an integer count of the currency's minor unit (cents for EUR,
 * yen for JPY) so that no floating point ever touches money. In events and JSON it travels as a decimal string.
 */
export interface Money {
  readonly currency: string;
  readonly minor: bigint;
}

/** The JSON form of money: `{ "amount": "500000000.00", "currency": "EUR" }`. */
export interface MoneyJson {
  readonly amount: string;
  readonly currency: string;
}

const DECIMAL = /^-?\d{1,18}(\.\d{1,10})?$/;

/** ISO 4217 codes that are not money a donor pays in: metals, fund and accounting units, testing and "no currency". */
const NOT_MONEY = new Set(['XAU', 'XAG', 'XPD', 'XPT', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XSU', 'XUA', 'XTS', 'XXX']);

const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * The minor-unit digits of each currency: the codes currency-codes lists (the first entry for a code, as its
 * `code()` finds it) that are written /^[A-Z]{3}$/ and are money. One lookup instead of a search through the list
 * on every amount.
 */
const DIGITS = new Map<string, number>();
for (const entry of currencyCodes.data) {
  if (CURRENCY_CODE.test(entry.code) && !NOT_MONEY.has(entry.code) && !DIGITS.has(entry.code)) {
    DIGITS.set(entry.code, entry.digits);
  }
}

/** ISO 4217 minor-unit digits, or undefined for a code that is not a current ISO 4217 currency. */
export function currencyDigits(code: string): number | undefined {
  return DIGITS.get(code);
}

function assertCurrency(code: string, field: string): number {
  const digits = currencyDigits(code);
  if (digits === undefined) {
    throw invalid('currency-not-iso-4217', field, `"${code}" is not an ISO 4217 currency code`);
  }
  return digits;
}

/** Reads a decimal string such as "1250000.5" into exact minor units, refusing more precision than the currency has. */
export function parseMoney(json: MoneyJson, field = 'amount'): Money {
  const digits = assertCurrency(json.currency, `${field}.currency`);
  const text = String(json.amount).trim();
  if (!DECIMAL.test(text)) {
    throw invalid(
      'amount-not-decimal',
      `${field}.amount`,
      `"${text}" is not a decimal number such as 500000000 or 1250.50`,
    );
  }
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw invalid(
      'amount-too-precise',
      `${field}.amount`,
      `${json.currency} has ${digits} decimal places; "${text}" has more`,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0').slice(0, digits));
  return { currency: json.currency, minor: negative ? -minor : minor };
}

export function parsePositiveMoney(json: MoneyJson, field = 'amount'): Money {
  const money = parseMoney(json, field);
  if (money.minor <= 0n)
    throw invalid('amount-must-be-positive', `${field}.amount`, 'the amount must be greater than zero');
  return money;
}

export function formatMoney(money: Money): MoneyJson {
  return { amount: minorToDecimal(money.minor, currencyDigits(money.currency) ?? 2), currency: money.currency };
}

export function minorToDecimal(minor: bigint, digits: number): string {
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export const money = (amount: string, currency: string): Money => parseMoney({ amount, currency });

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  return { currency: a.currency, minor: a.minor + b.minor };
}

/**
 * EUR and USD equivalents of an amount, with the rate that gave them: the ECB reference rate on or before the value
 * date, or a rate that the source itself states. Recorded in the event so totals never depend on a later rate table.
 */
export interface Equivalents {
  readonly eur: MoneyJson;
  readonly usd: MoneyJson;
  readonly rateDate: string;
  readonly rateSource: 'ecb' | 'stated';
  /** The rates the source stated (units of EUR or USD per unit of the amount's currency), kept for later stages. */
  readonly stated?: { readonly eur?: string; readonly usd?: string };
}

/** An exact rational, for exchange rates read from decimal strings like "1.1684". */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function parseRate(text: string, field = 'rate'): Ratio {
  if (!/^\d{1,12}(\.\d{1,12})?$/.test(text)) {
    throw invalid('rate-not-decimal', field, `"${text}" is not a positive decimal exchange rate`);
  }
  const [whole = '0', fraction = ''] = text.split('.');
  const numerator = BigInt(whole + fraction);
  if (numerator === 0n) throw invalid('rate-must-be-positive', field, 'an exchange rate must be greater than zero');
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

/** Rounds numerator/denominator to the nearest integer, halves to even (banker's rounding, as accounting expects). */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator < 0n) return divideRounded(-numerator, -denominator);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < denominator) return quotient;
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  if (twice > denominator) return away;
  return quotient % 2n === 0n ? quotient : away;
}

/**
 * Converts with euro cross rates as the ECB publishes them (units of a currency per one euro):
 * target = amount / perEur(source) * perEur(target), rounded once, to the target's minor unit.
 */
export function convertViaEuro(amount: Money, sourcePerEur: Ratio, target: string, targetPerEur: Ratio): Money {
  const sourceDigits = currencyDigits(amount.currency) ?? 2;
  const targetDigits = currencyDigits(target) ?? 2;
  const numerator = amount.minor * sourcePerEur.denominator * targetPerEur.numerator * 10n ** BigInt(targetDigits);
  const denominator = sourcePerEur.numerator * targetPerEur.denominator * 10n ** BigInt(sourceDigits);
  return { currency: target, minor: divideRounded(numerator, denominator) };
}

/** Multiplies by a share given as an exact ratio, rounding once. */
export function scaleMoney(amount: Money, share: Ratio): Money {
  return { currency: amount.currency, minor: divideRounded(amount.minor * share.numerator, share.denominator) };
}
