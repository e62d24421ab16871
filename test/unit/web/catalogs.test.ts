/**
 * The web app's message catalogs (web/locales/<locale>/<namespace>.json): every key in all three languages, every
 * message valid ICU MessageFormat with the same arguments in each language, and plural forms as each language
 * declines them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../../web/locales');
const LOCALES = ['uk', 'en', 'ru'] as const;

function catalogs(locale: string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const file of readdirSync(path.join(LOCALES_DIR, locale)).sort()) {
    const namespace = file.replace(/\.json$/, '');
    const catalog = JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, file), 'utf8')) as Record<string, string>;
    for (const [key, message] of Object.entries(catalog)) messages.set(`${namespace}.${key}`, message);
  }
  return messages;
}

/** The names of a message's arguments, plural and select ones included, recursively. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const all = Object.fromEntries(LOCALES.map((locale) => [locale, catalogs(locale)])) as Record<
  (typeof LOCALES)[number],
  Map<string, string>
>;

describe('message catalogs', () => {
  it('have the same namespaces in every language', () => {
    const files = LOCALES.map((locale) => readdirSync(path.join(LOCALES_DIR, locale)).sort());
    expect(files[1]).toEqual(files[0]);
    expect(files[2]).toEqual(files[0]);
  });

  it.each(LOCALES)('%s has every key the other languages have', (locale) => {
    const everyKey = new Set(LOCALES.flatMap((other) => [...all[other].keys()]));
    const missing = [...everyKey].filter((key) => !all[locale].has(key));
    expect(missing, `keys missing in web/locales/${locale}`).toEqual([]);
  });

  it.each(LOCALES)('%s: every message is valid ICU with the same arguments as in English', (locale) => {
    for (const [key, message] of all[locale]) {
      const english = all.en.get(key);
      if (english === undefined) continue;
      const args = [...argumentsOf(parse(message))].sort();
      expect(args, `${locale} ${key}`).toEqual([...argumentsOf(parse(english))].sort());
      expect(message.trim(), `${locale} ${key} is empty`).not.toBe('');
    }
  });

  it('declines counts as each language does (1 пакунок, 2 пакунки, 5 пакунків, 21 пакунок)', () => {
    const count = (locale: (typeof LOCALES)[number], n: number) =>
      new IntlMessageFormat(all[locale].get('package.count') ?? '', locale).format({ count: n });
    expect([1, 2, 5, 21].map((n) => count('uk', n))).toEqual(['1 пакунок', '2 пакунки', '5 пакунків', '21 пакунок']);
    expect([1, 2, 5, 21].map((n) => count('ru', n))).toEqual(['1 пакет', '2 пакета', '5 пакетов', '21 пакет']);
    expect([1, 2, 21].map((n) => count('en', n))).toEqual(['1 package', '2 packages', '21 packages']);
  });
});
