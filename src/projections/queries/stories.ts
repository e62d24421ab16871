import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import { LANGUAGES, type Language } from '../../domain/facts.ts';
import { sourceVisible } from './visibility.ts';

/** A source's story: its story id, or its own id when it has none (a source alone tells its own story). */
const storyOf = sql<string>`coalesce(story_id, id)`;

export interface StorySource {
  id: string;
  publisher: string;
  language: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
}

/** One story and its versions, each in its language. */
export interface StoryView {
  id: string;
  languages: string[];
  /** Oldest version first. */
  sources: StorySource[];
}

/**
 * Stories newest first (by their latest version), with their versions; `multilingual` keeps stories told twice or
 * more. Only the versions the reader may see count, and make up each story.
 */
export async function listStories(
  db: Db,
  scope: ReadScope,
  filter: { multilingual?: boolean | undefined; limit?: number | undefined; offset?: number | undefined } = {},
): Promise<StoryView[]> {
  let groups = db
    .selectFrom('rm_sources')
    .select([storyOf.as('story'), sql<string | null>`max(published_on)`.as('latest')])
    .where(sourceVisible(scope, 'rm_sources'))
    .groupBy(storyOf)
    .orderBy(sql`max(published_on)`, (ob) => ob.desc().nullsLast())
    .orderBy(storyOf)
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
  if (filter.multilingual) groups = groups.having(sql<boolean>`count(DISTINCT language) > 1`);
  const stories = (await groups.execute()).map((row) => row.story);
  if (stories.length === 0) return [];
  const rows = await db
    .selectFrom('rm_sources')
    .select(['id', 'publisher', 'language', 'title', 'published_on', 'url', storyOf.as('story')])
    .where(storyOf, 'in', stories)
    .where(sourceVisible(scope, 'rm_sources'))
    .orderBy('published_on', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .execute();
  return stories.map((story) => {
    const sources = rows
      .filter((row) => row.story === story)
      .map((row) => ({
        id: row.id,
        publisher: row.publisher,
        language: row.language,
        title: row.title,
        publishedOn: row.published_on,
        url: row.url,
      }));
    return { id: story, languages: [...new Set(sources.map((source) => source.language))].sort(), sources };
  });
}

/** A recorded source that a new version in another language might retell. */
export interface StoryCandidate {
  readonly id: string;
  readonly language: Language;
  readonly publishedOn: string | null;
  readonly text: string;
  readonly storyId: string;
  readonly storyLanguages: Language[];
}

const DAY_WINDOW = 3;

/**
 * Sources the reader may see in other languages than `language`, published within three days of `publishedOn` (or
 * undated) when it is known, most recently recorded first; at most `limit`, since each is read again to compare. A
 * story's languages are those of the versions the reader may see.
 */
export async function storyCandidates(
  db: Db,
  scope: ReadScope,
  version: { language: Language; publishedOn: string | null },
  limit = 200,
): Promise<StoryCandidate[]> {
  let query = db
    .selectFrom('rm_sources as s')
    .select([
      's.id',
      's.language',
      's.published_on',
      's.body',
      sql<string>`coalesce(s.story_id, s.id)`.as('story'),
      sql<string[]>`(SELECT array_agg(DISTINCT o.language ORDER BY o.language) FROM rm_sources o
        WHERE coalesce(o.story_id, o.id) = coalesce(s.story_id, s.id) AND ${sourceVisible(scope, 'o')})`.as(
        'story_languages',
      ),
    ])
    .where('s.language', '!=', version.language)
    .where(sourceVisible(scope, 's'))
    .orderBy('s.recorded_at', 'desc')
    .orderBy('s.id')
    .limit(limit);
  if (version.publishedOn) {
    const day = version.publishedOn;
    query = query.where((eb) =>
      eb.or([
        eb('s.published_on', 'is', null),
        eb.between(
          's.published_on',
          sql<string>`${day}::date - ${DAY_WINDOW}::int`,
          sql<string>`${day}::date + ${DAY_WINDOW}::int`,
        ),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.flatMap((row) => {
    const language = toLanguage(row.language);
    if (!language) return [];
    return [
      {
        id: row.id,
        language,
        publishedOn: row.published_on,
        text: row.body,
        storyId: row.story,
        storyLanguages: row.story_languages.flatMap((value) => toLanguage(value) ?? []),
      },
    ];
  });
}

const toLanguage = (value: string): Language | undefined => LANGUAGES.find((code) => code === value);
