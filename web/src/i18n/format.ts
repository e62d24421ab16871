/**
 * Numbers, money, dates and names for the current locale, all through `Intl`: the same figure reads "1,2 млрд $" in
 * Ukrainian, "$1.2B" in English and "1,2 млрд $" in Russian. Amounts arrive as exact decimal strings and are
 * formatted from the string, so nothing is rounded through a float before it is shown.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Localised, Money } from '../api/types.ts';
import type { Locale } from './locales.ts';

export interface Format {
  readonly locale: Locale;
  /** The full amount, with cents when it has them: "433 050 407,07 €". */
  money(money: Money): string;
  /** Short, for headline figures and chart axes: "433 млн €". */
  moneyShort(money: Money): string;
  number(value: number): string;
  /** 0.42 → "42 %". */
  share(value: number): string;
  /** An ISO day ("2025-08-05") as the locale writes it. */
  date(day: string): string;
  /** A YYYY-MM month: "серп. 2025 р.". */
  month(month: string): string;
  /** An ISO instant ("2026-04-10T09:00:00.000Z") in the reader's time zone: "10 квіт. 2026 р., 12:00:00". */
  instant(iso: string): string;
  /** A name given in uk / en / ru, in the current locale (English, then any, when it lacks one). */
  name(names: Localised): string;
}

/** Intl.NumberFormat formats a decimal string exactly (ES2023), without a float in between. */
const isDecimal = (amount: string): amount is `${number}` => /^-?\d+(\.\d+)?$/.test(amount);
const decimal = (amount: string): `${number}` | number => (isDecimal(amount) ? amount : Number(amount));

function createFormat(locale: Locale): Format {
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string, compact: boolean) => {
    const key = `${currency}:${compact}`;
    let format = moneyFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }),
      });
      moneyFormats.set(key, format);
    }
    return format;
  };
  const numbers = new Intl.NumberFormat(locale);
  const shares = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const instants = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return {
    locale,
    money: (money) => moneyFormat(money.currency, false).format(decimal(money.amount)),
    moneyShort: (money) => moneyFormat(money.currency, true).format(decimal(money.amount)),
    number: (value) => numbers.format(value),
    share: (value) => shares.format(value),
    date: (day) => days.format(new Date(`${day.slice(0, 10)}T00:00:00Z`)),
    month: (month) => months.format(new Date(`${month}-01T00:00:00Z`)),
    instant: (iso) => instants.format(new Date(iso)),
    name: (names) => names[locale] ?? names.en ?? Object.values(names)[0] ?? '',
  };
}

export function useFormat(): Format {
  const { locale } = useIntl();
  return useMemo(() => createFormat(locale as Locale), [locale]);
}
