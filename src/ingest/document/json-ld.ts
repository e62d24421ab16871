import type { DomDocument } from './dom.ts';
import { cleanSpaces } from './spaces.ts';

type JsonObject = Readonly<Record<string, unknown>>;

const ARTICLE_TYPE = /article|posting|report/iu;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collect(value: unknown, into: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (isObject(value)) {
    into.push(value);
    collect(value['@graph'], into);
  }
}

function types(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string');
}

/** The article described by the page's JSON-LD blocks (a NewsArticle, BlogPosting, …), or null. */
export function jsonLdArticle(document: DomDocument): JsonObject | null {
  const objects: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''), objects);
    } catch {
      // A block that does not parse says nothing; the others and the meta tags still may.
    }
  }
  const isArticle = (object: JsonObject): boolean => types(object).some((type) => ARTICLE_TYPE.test(type));
  return objects.find(isArticle) ?? objects.find((object) => typeof object.headline === 'string') ?? null;
}

/** A name as JSON-LD gives it: a string, `{ name }`, or a list of either (joined with ", "). */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return cleanSpaces(value) || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  return isObject(value) ? nameOf(value.name) : null;
}

export function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? cleanSpaces(value) || null : null;
}
