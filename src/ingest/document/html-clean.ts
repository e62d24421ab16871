import { type DomDocument, type DomElement, tagName, textOf } from './dom.ts';

/** Elements that never hold article text. */
export const NON_TEXT_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'iframe',
  'button',
  'figcaption',
  'footer',
  'svg',
  'canvas',
  'select',
  'textarea',
  'input',
  'dialog',
  'object',
  'embed',
  'video',
  'audio',
];
const BOILERPLATE_NAME =
  /cookie|consent|gdpr|advert|sponsor|promo|banner|related|recommend|read-?also|also-?read|see-?also|more-?news|newsletter|subscri|social|share|sharing|comments|breadcrumb|sidebar|widget|popup|modal|paywall|outbrain|taboola|footer|masthead|navbar|menu/iu;
const BOILERPLATE_TOKEN = /(?:^|[\s_-])(?:ad|ads|adv|nav|tags?|comment)(?:[\s_-]|$)/iu;
const BOILERPLATE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
  'menu',
  'menubar',
]);
const NEVER_REMOVED = new Set(['html', 'body', 'main', 'article']);
// A wrapper named "page-with-sidebar" holds the article: an element with this share of the page's text stays.
const WRAPPER_SHARE = 0.5;

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  return /(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu.test(element.getAttribute('style') ?? '');
}

function looksLikeBoilerplate(element: DomElement): boolean {
  const role = element.getAttribute('role')?.toLowerCase();
  if (role && BOILERPLATE_ROLES.has(role)) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return BOILERPLATE_NAME.test(names) || BOILERPLATE_TOKEN.test(names);
}

/**
 * Removes, in place, what is not the article: scripts and other non-text elements, hidden elements, the site's
 * header, and blocks whose class, id or role names navigation, cookie banners, ads, "related" lists or footers.
 */
export function removeBoilerplate(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(NON_TEXT_TAGS.join(', ')))) element.remove();
  for (const header of Array.from(document.querySelectorAll('header'))) {
    if (header.closest('article') === null) header.remove();
  }
  const pageLength = textOf(document.body).length;
  for (const element of Array.from(document.querySelectorAll('[class], [id], [role], [hidden], [style]'))) {
    if (NEVER_REMOVED.has(tagName(element))) continue;
    if (!isHidden(element) && !looksLikeBoilerplate(element)) continue;
    if (textOf(element).length >= WRAPPER_SHARE * pageLength && pageLength > 0) continue;
    element.remove();
  }
}
