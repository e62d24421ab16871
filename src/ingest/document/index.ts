import { detectFormat } from './format.ts';
import { readHtml } from './html.ts';
import { readText } from './text.ts';
import type { DocumentHints, DocumentText } from './types.ts';

export { detectLanguage } from './language.ts';
export type { DocumentText, Language } from './types.ts';

/**
 * A file's content (plain text or a saved HTML page) as clean plain text and what it says about itself. Pure: the
 * caller reads the file and passes its name or content type as hints.
 */
export function readDocument(content: string, hints?: DocumentHints): DocumentText {
  return detectFormat(content, hints) === 'html' ? readHtml(content) : readText(content);
}
