import { sql } from 'kysely';
import { invalid, ruleBroken } from '../domain/errors.ts';
import {
  convertViaEuro,
  type Equivalents,
  formatMoney,
  type Money,
  type MoneyJson,
  parseMoney,
  parseRate,
  type Ratio,
} from '../domain/money.ts';
import type { CommandTx } from './command.ts';

/** How stale an ECB rate may be: the ECB publishes on working days, so a value date may fall on a long holiday. */
const MAX_RATE_AGE_DAYS = 10;

export interface StatedRate {
  /** Euros per unit of the original currency, as the source states it. */
  readonly eur?: string | undefined;
  /** US dollars per unit of the original currency, as the source states it. */
  readonly usd?: string | undefined;
}

const ONE: Ratio = { numerator: 1n, denominator: 1n };

/** A rate as the ECB table stores it (numeric with trailing zeros) to an exact ratio. */
const ratio = (text: string): Ratio =>
  parseRate(text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/**
 * The last ECB publishing day on or before `valueDate` on which both `currency` and USD have a rate (units per
 * euro), so that the EUR and USD equivalents of one amount come from one day's table.
 */
async function ecbDay(
  tx: CommandTx,
  currency: string,
  valueDate: string,
): Promise<{ date: string; source: Ratio; usd: Ratio }> {
  const needSource = currency !== 'EUR' && currency !== 'USD';
  const query = needSource
    ? sql<{ rate_date: string; source: string; usd: string }>`
        SELECT c.rate_date::text AS rate_date, c.per_eur::text AS source, u.per_eur::text AS usd
        FROM fx_rates c JOIN fx_rates u ON u.rate_date = c.rate_date AND u.currency = 'USD'
        WHERE c.currency = ${currency} AND c.rate_date <= ${valueDate}::date
        ORDER BY c.rate_date DESC LIMIT 1`
    : sql<{ rate_date: string; source: string; usd: string }>`
        SELECT rate_date::text AS rate_date, per_eur::text AS source, per_eur::text AS usd
        FROM fx_rates WHERE currency = 'USD' AND rate_date <= ${valueDate}::date
        ORDER BY rate_date DESC LIMIT 1`;
  const row = (await query.execute(tx)).rows[0];
  const age = row ? (Date.parse(valueDate) - Date.parse(row.rate_date)) / 86_400_000 : Number.POSITIVE_INFINITY;
  if (!row || age > MAX_RATE_AGE_DAYS) {
    throw ruleBroken(
      'fx-rate-unavailable',
      `no ECB rate for ${currency === 'EUR' ? 'USD' : currency} on or shortly before ${valueDate}: import rates (tranche rates import) or state the rate the source used`,
      'rate',
    );
  }
  const usd = ratio(row.usd);
  const source = currency === 'EUR' ? ONE : currency === 'USD' ? usd : ratio(row.source);
  return { date: row.rate_date, source, usd };
}

/** "target per unit" as "units per target", which is how ECB rates read. */
function perTarget(stated: string, field: string): Ratio {
  const rate = parseRate(stated, field);
  return { numerator: rate.denominator, denominator: rate.numerator };
}

function checkStated(money: Money, stated: StatedRate): void {
  for (const target of ['EUR', 'USD'] as const) {
    const key = target === 'EUR' ? 'eur' : 'usd';
    const value = stated[key];
    if (
      value !== undefined &&
      money.currency === target &&
      parseRate(value, `rate.${key}`).numerator !== parseRate(value).denominator
    ) {
      throw invalid('rate-invalid', `rate.${key}`, `an amount in ${target} has a ${target} rate of 1`);
    }
  }
}

/**
 * EUR and USD equivalents of an amount at its value date, from the ECB reference rates of one publishing day, or
 * from the rates a source states (which win for the currency they name, and are kept in the result so that later
 * stages of the same contribution reuse them). The result is written into the event, so history never moves.
 */
export async function equivalentsOf(
  tx: CommandTx,
  amount: MoneyJson,
  valueDate: string,
  stated?: StatedRate,
): Promise<Equivalents> {
  const money = parseMoney(amount, 'amount');
  const given = {
    ...(stated?.eur !== undefined ? { eur: stated.eur } : {}),
    ...(stated?.usd !== undefined ? { usd: stated.usd } : {}),
  };
  checkStated(money, given);
  const statedEur =
    money.currency === 'EUR'
      ? money
      : given.eur !== undefined
        ? convertViaEuro(money, perTarget(given.eur, 'rate.eur'), 'EUR', ONE)
        : undefined;
  const statedUsd =
    money.currency === 'USD'
      ? money
      : given.usd !== undefined
        ? convertViaEuro(money, perTarget(given.usd, 'rate.usd'), 'USD', ONE)
        : undefined;
  let eur: Money;
  let usd: Money;
  let rateDate = valueDate;
  if (statedEur && statedUsd) {
    eur = statedEur;
    usd = statedUsd;
  } else if (statedEur) {
    // One side is stated; the other follows from the ECB's USD rate of the day, so a currency the ECB does not
    // publish can still be recorded at the rate its source gives.
    const day = await ecbDay(tx, 'EUR', valueDate);
    rateDate = day.date;
    eur = statedEur;
    usd = convertViaEuro(statedEur, ONE, 'USD', day.usd);
  } else if (statedUsd) {
    const day = await ecbDay(tx, 'EUR', valueDate);
    rateDate = day.date;
    usd = statedUsd;
    eur = convertViaEuro(statedUsd, day.usd, 'EUR', ONE);
  } else {
    const day = await ecbDay(tx, money.currency, valueDate);
    rateDate = day.date;
    eur = convertViaEuro(money, day.source, 'EUR', ONE);
    usd = convertViaEuro(money, day.source, 'USD', day.usd);
  }
  const isStated = given.eur !== undefined || given.usd !== undefined;
  return {
    eur: formatMoney(eur),
    usd: formatMoney(usd),
    rateDate,
    rateSource: isStated ? 'stated' : 'ecb',
    ...(isStated ? { stated: given } : {}),
  };
}
