import { parseDateLine, parseDateValue } from './dates.ts';
import type { DomDocument, DomElement } from './dom.ts';
import { textOf } from './dom.ts';
import { jsonLdArticle, nameOf, stringOf } from './json-ld.ts';
import { authorFrom } from './lines.ts';
import { cleanSpaces } from './spaces.ts';
import type { Language } from './types.ts';

export interface HtmlMetadata {
  title: string | null;
  /** The page's main heading, which the text repeats and which is dropped from it like the title. */
  heading: string | null;
  author: string | null;
  publisher: string | null;
  /** From the page's meta tags, JSON-LD or a machine-readable <time>. */
  published: string | null;
  /** A date as the page shows it in a date or time element, for when nothing better says when it was published. */
  shownDate: string | null;
  language: Language | null;
}

const SEPARATOR = /\s+(?:[|–—·•-]|::)\s+/gu;
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'parsely-pub-date',
];
const LANGUAGES: Readonly<Record<string, Language>> = { uk: 'uk', ua: 'uk', en: 'en', ru: 'ru' };

/** Every <meta> by its property, name or itemprop (lower-cased), in document order. */
function metaTags(document: DomDocument): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = cleanSpaces(element.getAttribute('content') ?? '');
    const key = element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop');
    if (!content || !key) continue;
    const values = tags.get(key.toLowerCase()) ?? [];
    tags.set(key.toLowerCase(), [...values, content]);
  }
  return tags;
}

function notUrl(value: string | null | undefined): string | null {
  return value && !/^https?:\/\//iu.test(value) ? value : null;
}

/** Drops a trailing " - Site" / " | Site": the site's own name always; with `loose`, any short last part. */
function stripSiteName(title: string | null, publisher: string | null, loose: boolean): string | null {
  let result = title;
  for (let round = 0; round < 2 && result; round++) {
    const last = [...result.matchAll(SEPARATOR)].at(-1);
    if (last === undefined) break;
    const head = result.slice(0, last.index).trim();
    const tail = result
      .slice(last.index + last[0].length)
      .trim()
      .toLowerCase();
    const site = publisher?.toLowerCase();
    const isSite = site !== undefined && (tail.includes(site) || site.includes(tail));
    const looksLikeSite = loose && tail.split(' ').length <= 4 && head.split(' ').length >= 3;
    if (!head || !(isSite || looksLikeSite)) break;
    result = head;
  }
  return result;
}

type Scope = Pick<DomDocument, 'querySelector' | 'querySelectorAll'>;

/** The article, the main part, then the whole page: a date or byline in a "related" list counts only last. */
function scopes(document: DomDocument): Scope[] {
  const article = document.querySelector('article');
  const main = document.querySelector('main');
  return [...(article ? [article] : []), ...(main ? [main] : []), document];
}

function firstMatch<T>(document: DomDocument, selectors: string, read: (element: DomElement) => T | null): T | null {
  for (const scope of scopes(document)) {
    for (const element of Array.from(scope.querySelectorAll(selectors)).slice(0, 10)) {
      const value = read(element);
      if (value !== null) return value;
    }
  }
  return null;
}

/** The page's headline: the article's <h1>, else the longest one (a site logo in an <h1> is shorter). */
function heading(document: DomDocument): string | null {
  const inArticle = textOf(document.querySelector('article h1, main h1'));
  if (inArticle) return inArticle;
  const headings = Array.from(document.querySelectorAll('h1')).map(textOf);
  return headings.reduce((longest, text) => (text.length > longest.length ? text : longest), '') || null;
}

const machineDate = (element: DomElement): string | null =>
  parseDateValue(element.getAttribute('content') ?? element.getAttribute('datetime'));
const visibleDate = (element: DomElement): string | null => parseDateLine(textOf(element));
const bylineAuthor = (element: DomElement): string | null => authorFrom(textOf(element));

function language(document: DomDocument): Language | null {
  const lang = document.documentElement.getAttribute('lang')?.toLowerCase().split(/[-_]/u)[0];
  return lang === undefined ? null : (LANGUAGES[lang] ?? null);
}

/**
 * What the page says about itself, from the original document (before any cleaning): Open Graph and article meta
 * tags, JSON-LD, then the visible page (<h1>, rel=author, a byline, <time>, a date element).
 */
export function readMetadata(document: DomDocument): HtmlMetadata {
  const meta = metaTags(document);
  const tag = (...keys: string[]): string | null => keys.map((key) => meta.get(key)?.[0]).find(Boolean) ?? null;
  const ld = jsonLdArticle(document);

  const publisher = tag('og:site_name') ?? nameOf(ld?.publisher) ?? null;
  const headline = heading(document);
  const title =
    stripSiteName(tag('og:title', 'twitter:title') ?? stringOf(ld?.headline), publisher, false) ??
    headline ??
    stripSiteName(textOf(document.querySelector('title')) || null, publisher, true);

  const metaAuthors = [...(meta.get('author') ?? []), ...(meta.get('article:author') ?? [])].map(notUrl);
  const author =
    metaAuthors.find((name): name is string => name !== null) ??
    nameOf(ld?.author) ??
    firstMatch(document, 'a[rel~="author"], [itemprop="author"]', bylineAuthor) ??
    firstMatch(document, '[class*="byline"], [class*="author"]', bylineAuthor);

  const published =
    parseDateValue(tag(...PUBLISHED_KEYS)) ??
    parseDateValue(stringOf(ld?.datePublished)) ??
    firstMatch(document, '[itemprop="datePublished"], time[datetime]', machineDate);

  return {
    title,
    heading: headline,
    author,
    publisher,
    published,
    shownDate: firstMatch(document, 'time, [class*="date"], [class*="time"], [class*="publish"]', visibleDate),
    language: language(document),
  };
}
