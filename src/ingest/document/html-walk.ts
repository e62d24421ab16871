import { type DomNode, isElement, TEXT_NODE, tagName } from './dom.ts';
import { NON_TEXT_TAGS } from './html-clean.ts';
import { cleanSpaces } from './spaces.ts';

const SKIPPED = new Set([...NON_TEXT_TAGS, 'head', 'title', 'meta', 'link', 'img', 'picture', 'source', 'map']);
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/**
 * The text of `root` as paragraphs: each block element (p, h1–h6, li, blockquote, div, …) and each run of text
 * between <br>s is one paragraph; inline elements (<b>, <a>, <span>) stay inside theirs. Entities come decoded
 * from the parser; the whitespace of the markup is collapsed.
 */
export function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const paragraph = cleanSpaces(current);
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (!isElement(node)) return;
    const tag = tagName(node);
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  return paragraphs;
}
