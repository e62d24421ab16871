import { franc } from 'franc';
import type { Language } from './types.ts';

const MIN_LETTERS = 20;
// Share of letters that only one of the two languages uses, in running text: і ї є ґ make up about 7% of Ukrainian,
// ы э ъ ё about 2% of Russian. Counts are divided by these so that both signals weigh alike.
const UK_ONLY_SHARE = 0.07;
const RU_ONLY_SHARE = 0.022;
const CLEAR_MARGIN = 2;
const SAMPLE_LENGTH = 20_000;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * uk, en or ru; null when the text has fewer than ~20 letters. Latin against Cyrillic first; within Cyrillic the
 * letters only one language has decide when they clearly lean one way, franc (limited to ukr/rus/eng) otherwise.
 */
export function detectLanguage(fullText: string): Language | null {
  // A long text says no more than its beginning; franc itself reads only the first 2,048 characters.
  const text = fullText.slice(0, SAMPLE_LENGTH);
  const cyrillic = count(text, /\p{Script=Cyrillic}/gu);
  const latin = count(text, /\p{Script=Latin}/gu);
  if (cyrillic + latin < MIN_LETTERS) return null;
  if (latin > cyrillic) return 'en';

  // A Latin "i" typed inside a Cyrillic word stands in for the Ukrainian і.
  const ukOnly = count(text, /[іїєґ]/giu) + count(text, /(?<=\p{Script=Cyrillic})[iI]|[iI](?=\p{Script=Cyrillic})/gu);
  const ruOnly = count(text, /[ыэъё]/giu);
  const ukWeight = ukOnly / UK_ONLY_SHARE;
  const ruWeight = ruOnly / RU_ONLY_SHARE;
  if (ukWeight > 0 && ukWeight >= CLEAR_MARGIN * ruWeight) return 'uk';
  if (ruWeight > 0 && ruWeight >= CLEAR_MARGIN * ukWeight) return 'ru';

  const guess = franc(text, { only: ['ukr', 'rus', 'eng'], minLength: MIN_LETTERS });
  if (guess === 'ukr') return 'uk';
  if (guess === 'rus') return 'ru';
  // No verdict: 20 Ukrainian letters without і ї є are rarer than 20 Russian ones without ы э ъ ё.
  return ukWeight > ruWeight ? 'uk' : 'ru';
}
