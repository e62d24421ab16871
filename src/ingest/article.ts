/**
 * An article read and its claims extracted: what `tranche extract` prints for each file and what
 * `POST /api/sources/extract` returns.
 */
import { readDocument } from './document/index.ts';
import { extractClaims, type LocatedClaim } from './extract/index.ts';

export interface ArticleExtraction {
  readonly language: 'uk' | 'en' | 'ru';
  readonly title: string | null;
  readonly author: string | null;
  readonly publisher: string | null;
  readonly published: string | null;
  /** The main text the claims were found in; their spans point into it. */
  readonly text: string;
  readonly claims: LocatedClaim[];
}

/** Reads a text or HTML document and extracts its claims. A text too short to tell its language is read as English. */
export function extractArticle(
  content: string,
  hints: { fileName?: string; contentType?: string } = {},
): ArticleExtraction {
  const document = readDocument(content, hints);
  const language = document.language ?? 'en';
  return {
    language,
    title: document.title,
    author: document.author,
    publisher: document.publisher,
    published: document.published,
    text: document.text,
    claims: extractClaims(document.text, language),
  };
}

/** The published contract of `tranche extract --json`: one object per file, claims without their spans. */
export function extractionContract(file: string, article: ArticleExtraction) {
  return {
    file,
    language: article.language,
    title: article.title,
    author: article.author,
    published: article.published,
    claims: article.claims.map(({ donors, stage, amount, mechanism, evidence }) => ({
      donors,
      stage,
      amount,
      mechanism,
      evidence,
    })),
  };
}
