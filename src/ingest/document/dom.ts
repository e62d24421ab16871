import { parseHTML } from 'linkedom';
import { cleanSpaces } from './spaces.ts';

// The part of the DOM this module reads. linkedom's and Readability's own declarations lean on lib.dom, which the
// project does not load (it runs on Node), so the shapes used are named here.
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  cloneNode(deep: true): DomDocument;
}

const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

export function tagName(node: DomNode): string {
  return node.nodeName.toLowerCase();
}

/**
 * linkedom builds a document only from a whole page: a fragment, or a page without <body>, leaves the body empty.
 * Adds the missing <html> and <body> around what the file has.
 */
function completePage(html: string): string {
  let page = html.replace(/^\ufeff/u, '');
  if (!/<body[\s>]/iu.test(page)) {
    const headEnd = /<\/head\s*>/iu.exec(page);
    const htmlStart = /<html(?:\s[^>]*)?>/iu.exec(page);
    const at = headEnd ? headEnd.index + headEnd[0].length : htmlStart ? htmlStart.index + htmlStart[0].length : 0;
    const rest = page.slice(at).replace(/<\/html\s*>\s*$/iu, '');
    page = `${page.slice(0, at)}<body>${rest}</body>${htmlStart ? '</html>' : ''}`;
  }
  if (!/<html[\s>]/iu.test(page)) {
    page = `<html>${page.replace(/<!doctype[^>]*>/iu, '')}</html>`;
  }
  return page;
}

export function parseDocument(html: string): DomDocument {
  const document: DomDocument = parseHTML(completePage(html)).document;
  return document;
}

/** The element's text with the whitespace of the markup collapsed. */
export function textOf(node: DomNode | null | undefined): string {
  return cleanSpaces(node?.textContent ?? '');
}
