/**
 * The three languages of Tranche. Every page's URL starts with its locale (/uk/…, /en/…, /ru/…), so a link opens in
 * the language it was shared in; the last one chosen is remembered in this browser for the next visit to `/`.
 */
export const LOCALES = ['uk', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** As the readers of Ukrainian outlets know the switch: UA / EN / RU. */
export const LOCALE_LABELS: Readonly<Record<Locale, string>> = { uk: 'UA', en: 'EN', ru: 'RU' };
/** Each language's name in itself, for screen readers and the switch's title. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { uk: 'Українська', en: 'English', ru: 'Русский' };

const STORAGE_KEY = 'tranche.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale to open `/` in: the one remembered, else the browser's first of ours, else Ukrainian. */
export function preferredLocale(stored: string | null, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'uk';
}

export function storedLocale(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage refused (private mode): the URL still carries the locale.
  }
}

/** The same page in another locale: the path's first segment swapped. */
export function pathInLocale(path: string, locale: Locale): string {
  const [, , ...rest] = path.split('/');
  return `/${[locale, ...rest].join('/')}`.replace(/\/$/, '') || `/${locale}`;
}
