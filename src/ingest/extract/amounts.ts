/**
 * Sums of money as the press writes them, in English, Ukrainian and Russian: "$500 million", "€500m", "USD 1.2 bn",
 * "500 млн доларів", "2 млрд крон", "NOK 2 billion", "C$200 million", "півмільярда доларів".
 */
import type { ExtractLanguage } from './text.ts';

export interface AmountMention {
  /** Whole units of the currency. */
  readonly value: number;
  /** ISO 4217; null for "crowns", whose currency is the donor's (NOK, SEK, DKK, CZK). */
  readonly currency: string | null;
  readonly start: number;
  readonly end: number;
  /** The same sum restated in another currency ("NOK 2 billion ($190 million)"). */
  readonly restated: boolean;
}

const SYMBOLS: Record<string, string> = {
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₴': 'UAH',
};
const CODES = ['USD', 'EUR', 'GBP', 'NOK', 'SEK', 'DKK', 'CAD', 'PLN', 'CZK', 'CHF', 'JPY', 'AUD', 'NZD', 'UAH', 'ISK'];

/** Currency words after the number: a pattern and the currency it names (null: the donor's crowns). */
const WORDS: readonly (readonly [string, string | null])[] = [
  ['(?:canadian|канадськ\\p{L}*|канадск\\p{L}*)\\s+(?:dollars?|долар\\p{L}*|доллар\\p{L}*)', 'CAD'],
  ['(?:australian|австралійськ\\p{L}*|австралийск\\p{L}*)\\s+(?:dollars?|долар\\p{L}*|доллар\\p{L}*)', 'AUD'],
  ['(?:new\\s+zealand|новозеландськ\\p{L}*|новозеландск\\p{L}*)\\s+(?:dollars?|долар\\p{L}*|доллар\\p{L}*)', 'NZD'],
  ['(?:norwegian|норвезьк\\p{L}*|норвежск\\p{L}*)\\s+(?:kroner|krone|crowns?|крон\\p{L}*)', 'NOK'],
  ['(?:swedish|шведськ\\p{L}*|шведск\\p{L}*)\\s+(?:kronor|krona|crowns?|крон\\p{L}*)', 'SEK'],
  ['(?:danish|данськ\\p{L}*|датск\\p{L}*)\\s+(?:kroner|krone|crowns?|крон\\p{L}*)', 'DKK'],
  ['(?:czech|чеськ\\p{L}*|чешск\\p{L}*)\\s+(?:korun[ay]?|crowns?|крон\\p{L}*)', 'CZK'],
  ['(?:icelandic|ісландськ\\p{L}*|исландск\\p{L}*)\\s+(?:kr[oó]n(?:a|ur)|crowns?|крон\\p{L}*)', 'ISK'],
  ['(?:swiss\\s+francs?|швейцарськ\\p{L}*\\s+франк\\p{L}*|швейцарск\\p{L}*\\s+франк\\p{L}*|франк\\p{L}*)', 'CHF'],
  ['(?:(?:us\\s+)?dollars?|долар\\p{L}*(?:\\s+США)?|доллар\\p{L}*(?:\\s+США)?|дол\\.)', 'USD'],
  ['(?:euros?|євро|евро)', 'EUR'],
  ['(?:pounds?(?:\\s+sterling)?|фунт\\p{L}*(?:\\s+стерлінг\\p{L}*|\\s+стерлинг\\p{L}*)?)', 'GBP'],
  ['(?:kroner|kronor|krone|krona|crowns?|крон\\p{L}*)', null],
  ['(?:zlotys?|złoty|злот\\p{L}*)', 'PLN'],
  ['(?:yen|єн|иен)', 'JPY'],
  ['(?:hryvnias?|hryvnia|гривень|гривні|гривен\\p{L}*|гривн\\p{L}*|грн\\.?)', 'UAH'],
];

const SCALES: readonly (readonly [string, number])[] = [
  ['(?:trillion|tn|трлн\\.?|трильйон\\p{L}*|триллион\\p{L}*)', 1e12],
  ['(?:billion|bn|bln|b|млрд\\.?|мільярд\\p{L}*|миллиард\\p{L}*)', 1e9],
  ['(?:million|mln|mn|m|млн\\.?|мільйон\\p{L}*|миллион\\p{L}*)', 1e6],
  ['(?:thousand|k|тис\\.?|тисяч\\p{L}*|тыс\\.?|тысяч\\p{L}*)', 1e3],
];

/** Sums written in words: "half a billion", "півмільярда", "a billion". */
const WORD_NUMBERS: readonly (readonly [string, number])[] = [
  [
    '(?:one\\s+and\\s+a\\s+half\\s+billion|півтора\\s+мільярд\\p{L}*|полтора\\s+миллиард\\p{L}*|півтора\\s+млрд|полтора\\s+млрд)',
    1.5e9,
  ],
  ['(?:півтора\\s+мільйон\\p{L}*|полтора\\s+миллион\\p{L}*|півтора\\s+млн|полтора\\s+млн)', 1.5e6],
  ['(?:half\\s+a\\s+billion|half-a-billion|пів\\s*мільярда|півмільярда|пол\\s*миллиарда|полмиллиарда)', 5e8],
  ['(?:a\\s+billion|one\\s+billion|мільярд|миллиард)', 1e9],
  ['(?:half\\s+a\\s+million|пів\\s*мільйона|полмиллиона)', 5e5],
];

const NUMBER = '\\d{1,3}(?:[ ,.]\\d{3})+(?![\\d])(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?';
const alternatives = (list: readonly (readonly [string, unknown])[]) => list.map(([pattern]) => pattern).join('|');
const SYMBOL = Object.keys(SYMBOLS)
  .sort((a, b) => b.length - a.length)
  .map((symbol) => symbol.replace(/[$]/g, '\\$'))
  .join('|');
const PREFIX = `(?:${SYMBOL}|(?<![\\p{L}])(?:${CODES.join('|')}))`;
const SUFFIX = `(?:${alternatives(WORDS)}|${CODES.join('|')}|${SYMBOL})`;
const SCALE = alternatives(SCALES);
const GAP = '\\s?-?\\s?';

/** Scale words that are never units of something else ("m" can be metres; "million" is a number). */
const BARE_SCALE = '(?:million|billion|млн\\.?|мільйон\\p{L}*|миллион\\p{L}*|млрд\\.?|мільярд\\p{L}*|миллиард\\p{L}*)';
/** What may follow a sum stated without its currency: "уже перечислила 15 млн из этой суммы". */
const BARE_END = '(?=\\s*(?:[,.;)]|$|from|of|out\\s+of|з|із|зі|из|от|на|for|для))';

const AMOUNT = new RegExp(
  [
    `(?<pre>${PREFIX})\\s?(?:(?<preWords>${alternatives(WORD_NUMBERS)})|(?<preNumber>${NUMBER})(?:${GAP}(?<preScale>${SCALE}))?)(?![\\p{L}\\d])`,
    `(?<![\\p{L}\\d.,])(?:(?<postWords>${alternatives(WORD_NUMBERS)})|(?<postNumber>${NUMBER})(?:${GAP}(?<postScale>${SCALE}))?)${GAP}(?:of\\s+)?(?<post>${SUFFIX})(?![\\p{L}])`,
    `(?<![\\p{L}\\d.,$€£])(?<bareNumber>${NUMBER})\\s?(?<bareScale>${BARE_SCALE})(?![\\p{L}])${BARE_END}`,
  ].join('|'),
  'giu',
);

const RESTATED =
  /^\s*(?:\(|,|-)?\s*(?:or|i\.e\.|roughly|about|approximately|around|equivalent\s+to|which\s+is|що\s+становить|тобто|або|близько|приблизно|что\s+составляет|то\s+есть|или|около|примерно)?[\s(~]*(?:about|roughly|близько|приблизно|около|примерно|~)?\s*$/iu;

function lookup(list: readonly (readonly [string, number])[], text: string | undefined): number | null {
  if (text === undefined) return null;
  for (const [pattern, value] of list) if (new RegExp(`^${pattern}$`, 'iu').test(text)) return value;
  return null;
}

function currencyOf(text: string): string | null | undefined {
  const symbol = SYMBOLS[text] ?? SYMBOLS[text.toUpperCase()];
  if (symbol) return symbol;
  const upper = text.toUpperCase();
  if (CODES.includes(upper)) return upper;
  for (const [pattern, currency] of WORDS) if (new RegExp(`^${pattern}$`, 'iu').test(text)) return currency;
  return undefined;
}

/** "1,2" and "1.5" are decimals; "1,200" and "500 000" group thousands. */
function parseNumber(text: string): number {
  const grouped = /^\d{1,3}(?:[ ,.]\d{3})+$/.test(text);
  if (grouped) return Number(text.replace(/[ ,.]/g, ''));
  const withDecimals = /^(\d{1,3}(?:[ ,.]\d{3})+)([.,]\d+)$/.exec(text);
  if (withDecimals?.[1] && withDecimals[2]) {
    return Number(withDecimals[1].replace(/[ ,.]/g, '') + withDecimals[2].replace(',', '.'));
  }
  return Number(text.replace(',', '.'));
}

/** Every sum of money in a sentence, in order. The language is not needed to read them; it is kept for symmetry. */
export function findAmounts(text: string, _language: ExtractLanguage): AmountMention[] {
  const found: AmountMention[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const groups = match.groups ?? {};
    const currencyText = groups.pre ?? groups.post;
    const previous = found.at(-1);
    // A sum without its currency takes the currency of the sum before it in the sentence, or is not read at all.
    const currency = currencyText === undefined ? previous?.currency : currencyOf(currencyText.replace(/\s+/g, ' '));
    if (currency === undefined) continue;
    const words = lookup(WORD_NUMBERS, groups.preWords ?? groups.postWords);
    const number = groups.preNumber ?? groups.postNumber ?? groups.bareNumber;
    const scaleText = groups.preScale ?? groups.postScale ?? groups.bareScale;
    const scale = scaleText === undefined ? 1 : (lookup(SCALES, scaleText) ?? 1);
    const value = words ?? (number === undefined ? null : Math.round(parseNumber(number) * scale));
    if (value === null || !Number.isFinite(value) || value <= 0) continue;
    const restated =
      previous !== undefined && match.index - previous.end < 40 && RESTATED.test(text.slice(previous.end, match.index));
    found.push({ value, currency, start: match.index, end: match.index + match[0].length, restated });
  }
  return found;
}
