import { parseDateLine } from './dates.ts';
import { cleanSpaces } from './spaces.ts';

const LANGUAGE_CODES = new Set(['ua', 'uk', 'ukr', 'укр', 'en', 'eng', 'ru', 'rus', 'рус']);
const AUTHOR_LABEL = /^(?:authors?|by|автор(?:ка|и|ы)?|текст)\s*:\s*(.+)$/iu;
const BY = /^by\s+(.+)$/iu;
const NAME_CONNECTOR = /^(?:and|і|й|та|и|de|da|van|von|der|bin|al|&)$/u;
const BYLINE_PARTS = /\s*[|·•]\s*|,\s+(?=\d)|\s+[–—]\s+/u;
const CAPTION = /^(?:photo|фото|image|illustration|ілюстрація|иллюстрация)\s*:/iu;
const TEN_LETTERS = /(?:\p{L}[^\p{L}]*){10}/u;
const BOILERPLATE = [
  /^(?:read also|see also|also read|related|читайте також|дивіться також|читайте также|смотрите также)(?!\p{L})/iu,
  /^(?:advertisement|реклама|sponsored|share|поділитися|поделиться)$/iu,
  /(?<!\p{L})(?:we use cookies|використовує(?:мо)? (?:файли )?cookie|использует(?:м)? (?:файлы )?cookie)/iu,
];

/** "ua en ru", "UA | EN | RU": a language switch copied along with the page, not text. */
export function isLanguageSwitch(line: string): boolean {
  const tokens = line
    .toLowerCase()
    .split(/[\s|/·•,]+/u)
    .filter(Boolean);
  return tokens.length > 0 && tokens.every((token) => LANGUAGE_CODES.has(token));
}

function looksLikeName(value: string): boolean {
  const words = value.split(/[\s,]+/u).filter(Boolean);
  if (words.length === 0 || words.length > 8 || /\d/u.test(value) || /[.!?]$/u.test(value)) return false;
  return words.every((word) => /^\p{Lu}/u.test(word) || NAME_CONNECTOR.test(word));
}

/**
 * "Author: X", "Автор: X", "By X" (X name-like, so "By the end of the year, …" stays text), perhaps followed by a
 * date: "By X | 12 August 2025".
 */
export function parseByline(line: string): { author: string; published: string | null } | null {
  const labelled = AUTHOR_LABEL.exec(line);
  const rest = labelled?.[1] ?? BY.exec(line)?.[1];
  if (rest === undefined || rest.length > 160) return null;
  const [first = '', ...others] = rest.split(BYLINE_PARTS).map(cleanSpaces);
  const { name, date } = splitTrailingDate(first);
  const author = name.replace(/[,;:]+$/u, '');
  if (!author || (!labelled && !looksLikeName(author)) || author.split(' ').length > 12) return null;
  const published = date ?? others.map(parseDateLine).find((day) => day !== null) ?? null;
  return { author, published };
}

/** The author a byline-like text names: "By X", "Автор: X", or a bare name. */
export function authorFrom(text: string): string | null {
  return parseByline(text)?.author ?? (looksLikeName(text) ? text : null);
}

/** "Olena Kovalenko 13 August 2025, 09:15" → the name and the day, when a byline runs into its date. */
function splitTrailingDate(value: string): { name: string; date: string | null } {
  const words = value.split(' ');
  for (let start = 1; start < words.length; start++) {
    const tail = words.slice(start).join(' ');
    const date = /\d/u.test(tail) ? parseDateLine(tail) : null;
    if (date !== null) return { name: words.slice(0, start).join(' '), date };
  }
  return { name: value, date: null };
}

/** A photo caption, or the title repeated with its photo caption ("<title> Photo: …", "<title> Фото: …"). */
export function isCaption(line: string, title: string | null): boolean {
  if (CAPTION.test(line)) return true;
  if (title === null || !line.toLowerCase().startsWith(title.toLowerCase())) return false;
  return CAPTION.test(line.slice(title.length).trim());
}

/** "Read also: …", a lone "Advertisement", a cookie notice. */
export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((pattern) => pattern.test(line));
}

/** Enough words to be a title or a paragraph rather than a label. */
export function isSubstantial(line: string): boolean {
  return line.includes(' ') && TEN_LETTERS.test(line);
}

/** A headline rather than a first paragraph: not too long, and not a long sentence closed by a full stop. */
export function isHeadlineLike(line: string): boolean {
  const words = line.split(' ').length;
  return line.length <= 250 && words <= 35 && !(line.endsWith('.') && words > 12);
}
