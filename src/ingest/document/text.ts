import { detectLanguage } from './language.ts';
import { sortParagraphs } from './paragraphs.ts';
import type { DocumentText } from './types.ts';

/**
 * Plain text as news sites' press copies have it: an optional language switch, the title, a caption repeating it,
 * a byline, a date line, then the paragraphs, one per line or separated by blank lines. Markup stays literal text.
 */
export function readText(content: string): DocumentText {
  const lines = content.replace(/^\ufeff/u, '').split(/\r\n|\r|\n/u);
  const sorted = sortParagraphs(lines, { title: null, findTitle: true });
  const text = sorted.paragraphs.join('\n\n');
  return {
    format: 'text',
    text,
    title: sorted.title,
    author: sorted.author,
    publisher: null,
    published: sorted.published,
    language: detectLanguage([sorted.title ?? '', text].join('\n')),
  };
}
