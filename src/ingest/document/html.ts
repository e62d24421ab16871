import { Readability } from '@mozilla/readability';
import { parseDateValue } from './dates.ts';
import { type DomDocument, type DomNode, parseDocument, textOf } from './dom.ts';
import { removeBoilerplate } from './html-clean.ts';
import { readMetadata } from './html-meta.ts';
import { paragraphsOf } from './html-walk.ts';
import { detectLanguage } from './language.ts';
import { authorFrom } from './lines.ts';
import { sortParagraphs } from './paragraphs.ts';
import type { DocumentText } from './types.ts';

interface Article {
  root: DomNode;
  byline: string | null;
  siteName: string | null;
  published: string | null;
}

function readability(document: DomDocument): ReturnType<Readability<DomNode>['parse']> {
  try {
    return new Readability<DomNode>(document.cloneNode(true), { serializer: (node): DomNode => node }).parse();
  } catch {
    // Readability gives up on some odd pages; the fallbacks below still find the text.
    return null;
  }
}

/**
 * The article's element: Readability's pick, run on a copy because it rewrites the tree it reads; failing that the
 * page's <article>, <main> or <body>.
 */
function findArticle(cleaned: DomDocument): Article | null {
  const found = readability(cleaned);
  if (found?.content && textOf(found.content)) {
    return {
      root: found.content,
      byline: found.byline || null,
      siteName: found.siteName || null,
      published: parseDateValue(found.publishedTime),
    };
  }
  const root = cleaned.querySelector('article') ?? cleaned.querySelector('main') ?? cleaned.body;
  return root ? { root, byline: null, siteName: null, published: null } : null;
}

/** A saved web page: the article's paragraphs, with what the page says about its title, author, date and language. */
export function readHtml(content: string): DocumentText {
  const document = parseDocument(content);
  const metadata = readMetadata(document);
  const cleaned = document.cloneNode(true);
  removeBoilerplate(cleaned);
  const article = findArticle(cleaned);

  const sorted = sortParagraphs(article ? paragraphsOf(article.root) : [], {
    title: metadata.title,
    repeats: [metadata.heading],
  });
  const text = sorted.paragraphs.join('\n\n');
  return {
    format: 'html',
    text,
    title: sorted.title,
    author: metadata.author ?? sorted.author ?? (article?.byline ? authorFrom(article.byline) : null),
    publisher: metadata.publisher ?? article?.siteName ?? null,
    published: metadata.published ?? sorted.published ?? metadata.shownDate ?? article?.published ?? null,
    language: metadata.language ?? detectLanguage([sorted.title ?? '', text].join('\n')),
  };
}
