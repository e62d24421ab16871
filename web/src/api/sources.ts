/** What the sources page reads: GET /api/stories (versions by language) and GET /api/sources (with claims). */
import type { Claim, SourceLanguage } from './types.ts';

export const SOURCE_LANGUAGES: readonly SourceLanguage[] = ['uk', 'en', 'ru'];

/** An article, statement or report, newest first in the feed, with the claims taken from it. */
export interface Source {
  readonly id: string;
  readonly url: string | null;
  readonly publisher: string;
  readonly author: string | null;
  readonly publishedOn: string | null;
  readonly language: string;
  readonly title: string;
  /** Versions of one story in several languages share it; null: the source tells its own story (its id). */
  readonly storyId: string | null;
  readonly visibility: string;
  readonly recordedAt: string;
  readonly claims: readonly Claim[];
}

/** A story and its versions, one per language (oldest first). */
export interface Story {
  readonly id: string;
  readonly languages: readonly string[];
  readonly sources: readonly {
    readonly id: string;
    readonly publisher: string;
    readonly language: string;
    readonly title: string;
    readonly publishedOn: string | null;
    readonly url: string | null;
  }[];
}

export const isSourceLanguage = (value: unknown): value is SourceLanguage =>
  SOURCE_LANGUAGES.some((language) => language === value);

/** The story a source belongs to: its story id, or its own id. */
export const storyOf = (source: Pick<Source, 'id' | 'storyId'>): string => source.storyId ?? source.id;
