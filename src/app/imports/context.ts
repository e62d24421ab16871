/**
 * What a format needs from the ledger before it reads a file: the organisations that already carry each country
 * code, and the ECB's USD rates for the EUR / USD equivalents of flows.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { convertViaEuro, formatMoney, money, parseRate, type Ratio } from '../../domain/money.ts';

export interface ImportContext {
  /** ISO 3166-1 alpha-2 (or `EU`) → the id of the organisation carrying it. */
  readonly organisationByCode: ReadonlyMap<string, string>;
  /** USD per EUR on the last ECB publishing day on or before `date`, or null when the table has none. */
  usdPerEur(date: string): { readonly date: string; readonly rate: Ratio } | null;
}

export async function importContext(db: Db): Promise<ImportContext> {
  const organisations = await db
    .selectFrom('rm_organisations')
    .select(['id', 'iso3166'])
    .where('iso3166', 'is not', null)
    .orderBy(sql`CASE kind WHEN 'state' THEN 0 WHEN 'eu-body' THEN 1 ELSE 2 END`)
    .orderBy('id')
    .execute();
  const organisationByCode = new Map<string, string>();
  for (const row of organisations)
    if (row.iso3166 && !organisationByCode.has(row.iso3166)) organisationByCode.set(row.iso3166, row.id);
  const rates = await db
    .selectFrom('fx_rates')
    .select([sql<string>`rate_date::text`.as('date'), sql<string>`per_eur::text`.as('rate')])
    .where('currency', '=', 'USD')
    .orderBy('rate_date')
    .execute();
  const dates = rates.map((row) => row.date);
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
      const row = rates[low - 1];
      return row ? { date: row.date, rate: parseRate(row.rate.replace(/0+$/, '').replace(/\.$/, '')) } : null;
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

/** The last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const [year = 0, mon = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}
