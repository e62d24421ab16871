import type { DocumentHints } from './types.ts';

const LEADING_NOISE = /^(?:\ufeff|\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/;
const CLOSED_PARAGRAPH = /<p(?:\s[^>]*)?>[\s\S]*?<\/p\s*>/gi;

/**
 * HTML or plain text. The caller's hints decide when they say either; otherwise the content is sniffed: a document
 * that opens like HTML (a "saved from" comment or XML prolog may come first), has a <body>, or paragraphs in <p>.
 */
export function detectFormat(content: string, hints?: DocumentHints): 'html' | 'text' {
  const type = hints?.contentType?.toLowerCase();
  if (type?.includes('html')) return 'html';
  if (type?.startsWith('text/plain')) return 'text';
  const name = hints?.fileName?.toLowerCase();
  if (name && /\.(?:html?|xhtml)$/.test(name)) return 'html';
  if (name && /\.(?:txt|text)$/.test(name)) return 'text';

  const start = content.replace(LEADING_NOISE, '').slice(0, 20).toLowerCase();
  if (start.startsWith('<!doctype html') || /^<html[\s>]/.test(start)) return 'html';
  if (/<body[\s>]/i.test(content)) return 'html';
  const paragraphs = content.match(CLOSED_PARAGRAPH)?.length ?? 0;
  return paragraphs >= 2 || (paragraphs === 1 && start.startsWith('<')) ? 'html' : 'text';
}
