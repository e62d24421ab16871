/**
 * What a format needs from the ledger before it reads a file: the organisations that already carry each country
 * code, and the ECB's USD rates for the EUR / USD equivalents of flows.
 *
 * Queries through the `db` given, built without kysely's own exports: a reading thread (read-worker.ts) loads this
 * module, and loading kysely's modules would add a third of a second to its start.
 */
import type { Db } from '../../db/index.ts';
import { convertViaEuro, formatMoney, minorToDecimal, money, parseRate, type Ratio } from '../../domain/money.ts';

export interface ImportContext {
  /** ISO 3166-1 alpha-2 (or `EU`) → the id of the organisation carrying it. */
  readonly organisationByCode: ReadonlyMap<string, string>;
  /** USD per EUR on the last ECB publishing day on or before `date`, or null when the table has none. */
  usdPerEur(date: string): { readonly date: string; readonly rate: Ratio } | null;
}

/** The ledger's part of an import context, as plain data. */
export interface ImportContextData {
  /** [ISO code, organisation id], the first organisation for a code winning. */
  readonly organisations: readonly (readonly [string, string])[];
  /** [YYYY-MM-DD, USD per EUR], by day. */
  readonly usdRates: readonly (readonly [string, string])[];
}

export async function importContextData(db: Db): Promise<ImportContextData> {
  const organisations = await db
    .selectFrom('rm_organisations')
    .select(['id', 'iso3166'])
    .where('iso3166', 'is not', null)
    .orderBy((eb) => eb.case('kind').when('state').then(0).when('eu-body').then(1).else(2).end())
    .orderBy('id')
    .execute();
  const rates = await db
    .selectFrom('fx_rates')
    .select((eb) => [eb.cast<string>('rate_date', 'text').as('date'), eb.cast<string>('per_eur', 'text').as('rate')])
    .where('currency', '=', 'USD')
    .orderBy('rate_date')
    .execute();
  return {
    organisations: organisations.flatMap((row) => (row.iso3166 ? [[row.iso3166, row.id] as const] : [])),
    usdRates: rates.map((row) => [row.date, row.rate] as const),
  };
}

export function importContextOf(data: ImportContextData): ImportContext {
  const organisationByCode = new Map<string, string>();
  for (const [code, id] of data.organisations) if (!organisationByCode.has(code)) organisationByCode.set(code, id);
  const dates = data.usdRates.map(([date]) => date);
  return {
    organisationByCode,
    usdPerEur(date) {
      // The last rate on or before `date`: binary search over the sorted days.
      let low = 0;
      let high = dates.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((dates[middle] ?? '') <= date) low = middle + 1;
        else high = middle;
      }
      const row = data.usdRates[low - 1];
      return row ? { date: row[0], rate: parseRate(row[1].replace(/0+$/, '').replace(/\.$/, '')) } : null;
    },
  };
}

const ONE: Ratio = { numerator: 1n, denominator: 1n };

/** An amount in EUR (decimal string) in USD at the ECB rate, to the cent. */
export function eurToUsd(eur: string, usdPerEur: Ratio): string {
  return formatMoney(convertViaEuro(money(eur, 'EUR'), ONE, 'USD', usdPerEur)).amount;
}

/** An amount in USD (decimal string) in EUR at the ECB rate, to the cent. */
export function usdToEur(usd: string, usdPerEur: Ratio): string {
  return formatMoney(convertViaEuro(money(usd, 'USD'), usdPerEur, 'EUR', ONE)).amount;
}

/*
 * The same conversions in doubles, for the millions of amounts an import converts: every step is on safe integers,
 * so the result is the bigint one exactly; an amount too large for that goes through the functions above.
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A rate's numerator and denominator as safe integers. */
export interface SmallRatio {
  readonly numerator: number;
  readonly denominator: number;
}

/** The rate as safe integers, or null when a part is not one. */
export function smallRatio(rate: Ratio): SmallRatio | null {
  if (rate.numerator <= 0n || rate.denominator <= 0n || rate.numerator > MAX_SAFE || rate.denominator > MAX_SAFE) {
    return null;
  }
  return { numerator: Number(rate.numerator), denominator: Number(rate.denominator) };
}

/**
 * round(minor × numerator / denominator), halves to even, as divideRounded gives it, for a safe non-negative
 * integer; null when a step would leave the safe integers.
 */
export function scaleMinor(minor: number, ratio: SmallRatio): number | null {
  const { numerator, denominator } = ratio;
  const product = minor * numerator;
  if (minor < 0 || !Number.isSafeInteger(product) || !Number.isSafeInteger(product + denominator)) return null;
  // The double division is off by at most one either way: the remainder puts the quotient right.
  let quotient = Math.floor(product / denominator);
  let remainder = product - quotient * denominator;
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  const twice = 2 * remainder;
  if (twice < denominator) return quotient;
  if (twice > denominator) return quotient + 1;
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

/** ".00" to ".99". */
const FRACTIONS = Array.from({ length: 100 }, (_, cents) => `.${String(cents).padStart(2, '0')}`);

/** minorToDecimal of a safe non-negative integer. */
function minorText(minor: number, digits: number): string {
  // V8 writes numbers below 2^31 out quickly and larger ones slowly: larger ones are written in two pieces.
  if (digits === 2 && minor < 2 ** 31 * 100) {
    const whole = Math.floor(minor / 100);
    return `${whole}${FRACTIONS[minor - whole * 100]}`;
  }
  const high = Math.floor(minor / 1e9);
  const low = minor - high * 1e9;
  const text = high === 0 ? String(low).padStart(digits + 1, '0') : `${high}${String(low).padStart(9, '0')}`;
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** minorToDecimal(minor, digits), for a bigint or a safe integer. */
export function decimalOf(minor: bigint | number, digits: number): string {
  if (typeof minor === 'number') return minor >= 0 ? minorText(minor, digits) : minorToDecimal(BigInt(minor), digits);
  return minor >= 0n && minor <= MAX_SAFE ? minorText(Number(minor), digits) : minorToDecimal(minor, digits);
}

/** Cents as a safe non-negative integer, or null. */
function smallCents(cents: bigint | number): number | null {
  if (typeof cents === 'number') return cents >= 0 ? cents : null;
  return cents >= 0n && cents <= MAX_SAFE ? Number(cents) : null;
}

/** eurToUsd(decimalOf(cents, 2), usdPerEur), with `small` = smallRatio(usdPerEur). */
export function eurCentsToUsd(cents: bigint | number, usdPerEur: Ratio, small: SmallRatio | null): string {
  const eur = smallCents(cents);
  const usd = small && eur !== null ? scaleMinor(eur, small) : null;
  return usd === null ? eurToUsd(decimalOf(cents, 2), usdPerEur) : minorText(usd, 2);
}

/** usdToEur(decimalOf(cents, 2), usdPerEur), with `small` = smallRatio(usdPerEur). */
export function usdCentsToEur(cents: bigint | number, usdPerEur: Ratio, small: SmallRatio | null): string {
  const usd = smallCents(cents);
  const eur =
    small && usd !== null ? scaleMinor(usd, { numerator: small.denominator, denominator: small.numerator }) : null;
  return eur === null ? usdToEur(decimalOf(cents, 2), usdPerEur) : minorText(eur, 2);
}

/** The last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const [year = 0, mon = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}
