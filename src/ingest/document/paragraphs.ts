import { parseDateLine } from './dates.ts';
import { isBoilerplate, isCaption, isHeadlineLike, isLanguageSwitch, isSubstantial, parseByline } from './lines.ts';
import { cleanSpaces } from './spaces.ts';

export interface SortedParagraphs {
  title: string | null;
  author: string | null;
  published: string | null;
  paragraphs: string[];
}

interface SortOptions {
  /** The title when the caller knows it (an HTML page's meta tags or heading). */
  title: string | null;
  /** Without a known title, the first substantial line becomes the title when it reads as a headline. */
  findTitle?: boolean;
  /** Other texts that repeat the title (an <h1> beside an og:title) and are dropped like it. */
  repeats?: readonly (string | null)[];
}

/**
 * Separates the text's paragraphs from the lines around them: a language switch first, the title and its repeats,
 * photo captions, bylines (their author kept) and date lines (their day kept), "read also" and cookie notices.
 */
export function sortParagraphs(lines: readonly string[], options: SortOptions): SortedParagraphs {
  const findTitle = options.findTitle === true && options.title === null;
  const sorted: SortedParagraphs = { title: options.title, author: null, published: null, paragraphs: [] };
  const repeats = new Set(
    [options.title, ...(options.repeats ?? [])].flatMap((repeat) =>
      repeat ? [cleanSpaces(repeat).toLowerCase()] : [],
    ),
  );
  let first = true;
  let bodyStarted = false;

  for (const raw of lines) {
    const line = cleanSpaces(raw);
    if (!line) continue;
    const isFirst = first;
    first = false;
    if (isFirst && isLanguageSwitch(line)) continue;
    const date = parseDateLine(line);
    if (date !== null) {
      sorted.published ??= date;
      continue;
    }
    const byline = parseByline(line);
    if (byline !== null) {
      sorted.author ??= byline.author;
      sorted.published ??= byline.published;
      continue;
    }
    if (isCaption(line, sorted.title) || repeats.has(line.toLowerCase()) || isBoilerplate(line)) continue;
    if (findTitle && sorted.title === null && !bodyStarted && isSubstantial(line)) {
      bodyStarted = true;
      if (isHeadlineLike(line)) {
        sorted.title = line;
        repeats.add(line.toLowerCase());
        continue;
      }
    }
    if (isSubstantial(line)) bodyStarted = true;
    sorted.paragraphs.push(line);
  }
  return sorted;
}
