import { sql } from 'kysely';
import { invalid, ruleBroken } from '../domain/errors.ts';
import {
  convertViaEuro,
  type Equivalents,
  formatMoney,
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

/** Units of `currency` per euro on the last ECB publishing day on or before `valueDate`. */
async function ecbPerEur(tx: CommandTx, currency: string, valueDate: string): Promise<{ rate: Ratio; date: string }> {
  if (currency === 'EUR') return { rate: ONE, date: valueDate };
  const row = await tx
    .selectFrom('fx_rates')
    .select(['rate_date', sql<string>`per_eur::text`.as('per_eur')])
    .where('currency', '=', currency)
    .where('rate_date', '<=', valueDate)
    .orderBy('rate_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  const age = row ? (Date.parse(valueDate) - Date.parse(row.rate_date)) / 86_400_000 : Number.POSITIVE_INFINITY;
  if (!row || age > MAX_RATE_AGE_DAYS) {
    throw ruleBroken(
      'fx-rate-unavailable',
      `no ECB rate for ${currency} on or shortly before ${valueDate}: import rates (tranche rates import) or state the rate the source used`,
      'rate',
    );
  }
  return { rate: parseRate(row.per_eur.replace(/0+$/, '').replace(/\.$/, '')), date: row.rate_date };
}

/** The inverse of "target per unit" as "units per target", which is how ECB rates read. */
function perTarget(stated: string, field: string): Ratio {
  const rate = parseRate(stated, field);
  return { numerator: rate.denominator, denominator: rate.numerator };
}

/**
 * EUR and USD equivalents of an amount at its value date, from the ECB reference rates, or from the rate a source
 * states (which wins for the currency it names). The result is written into the event, so history never moves.
 */
export async function equivalentsOf(
  tx: CommandTx,
  amount: MoneyJson,
  valueDate: string,
  stated?: StatedRate,
): Promise<Equivalents> {
  const money = parseMoney(amount, 'amount');
  if (stated?.eur === undefined && stated?.usd === undefined) {
    const source = await ecbPerEur(tx, money.currency, valueDate);
    const usd = await ecbPerEur(tx, 'USD', valueDate);
    return {
      eur: formatMoney(convertViaEuro(money, source.rate, 'EUR', ONE)),
      usd: formatMoney(convertViaEuro(money, source.rate, 'USD', usd.rate)),
      rateDate: [source.date, usd.date].sort()[0] ?? valueDate,
      rateSource: 'ecb',
    };
  }
  if (stated.eur !== undefined && money.currency === 'EUR' && stated.eur !== '1') {
    throw invalid('rate-invalid', 'rate.eur', 'an amount in EUR has a euro rate of 1');
  }
  const eurRate =
    stated.eur !== undefined
      ? perTarget(stated.eur, 'rate.eur')
      : (await ecbPerEur(tx, money.currency, valueDate)).rate;
  const eur = convertViaEuro(money, eurRate, 'EUR', ONE);
  const usd =
    stated.usd !== undefined
      ? convertViaEuro(money, perTarget(stated.usd, 'rate.usd'), 'USD', ONE)
      : convertViaEuro(eur, ONE, 'USD', (await ecbPerEur(tx, 'USD', valueDate)).rate);
  return {
    eur: formatMoney(eur),
    usd: formatMoney({ currency: 'USD', minor: usd.minor }),
    rateDate: valueDate,
    rateSource: 'stated',
  };
}
