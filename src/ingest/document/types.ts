export type Language = 'uk' | 'en' | 'ru';

/** A file's main text and what it says about itself; every field is `null` when the file does not tell. */
export interface DocumentText {
  format: 'html' | 'text';
  /** Main text only: paragraphs separated by one blank line, no markup, whitespace inside a paragraph collapsed. */
  text: string;
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** YYYY-MM-DD, the day as the source writes it (no time-zone shift). */
  published: string | null;
  /** `null` only when the text has too few letters to tell. */
  language: Language | null;
}

export interface DocumentHints {
  fileName?: string;
  contentType?: string;
}
