/**
 * The sources feed as stories: each story with its versions (one per language, Ukrainian, English, Russian in that
 * order) and the claims taken from each; and the same flattened into rows to download.
 */
import type { Source, Story } from '../../../api/sources.ts';
import { isSourceLanguage, SOURCE_LANGUAGES, storyOf } from '../../../api/sources.ts';
import type { Claim } from '../../../api/types.ts';

/** A version as the stories list gives it; the claims come with the sources feed. */
export type Version = Story['sources'][number] & {
  readonly author?: string | null;
  readonly claims?: readonly Claim[];
};

export interface StoryGroup {
  readonly id: string;
  readonly versions: readonly Version[];
}

const languageOrder = (language: string): number =>
  isSourceLanguage(language) ? SOURCE_LANGUAGES.indexOf(language) : SOURCE_LANGUAGES.length;

/** uk, en, ru, then any other; within a language, oldest first. */
function orderVersions(versions: readonly Version[]): Version[] {
  return [...versions].sort(
    (a, b) =>
      languageOrder(a.language) - languageOrder(b.language) ||
      (a.publishedOn ?? '').localeCompare(b.publishedOn ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** The stories in the order given, each version with its claims once the feed has them. */
export function storyGroups(stories: readonly Story[], sources: readonly Source[]): StoryGroup[] {
  const byId = new Map(sources.map((source) => [source.id, source]));
  return stories.map((story) => ({
    id: story.id,
    versions: orderVersions(story.sources.map((version) => byId.get(version.id) ?? version)),
  }));
}

/** A page of the feed (newest first) grouped by story, in the order each story first appears. */
export function groupByStory(sources: readonly Source[]): StoryGroup[] {
  const groups = new Map<string, Source[]>();
  for (const source of sources) {
    const id = storyOf(source);
    groups.set(id, [...(groups.get(id) ?? []), source]);
  }
  return [...groups].map(([id, versions]) => ({ id, versions: orderVersions(versions) }));
}

/** The version to title a story by: the one in the reader's language when there is one. */
export const headlineOf = (group: StoryGroup, locale: string): Version | undefined =>
  group.versions.find((version) => version.language === locale) ?? group.versions[0];

/** One row per claim shown (a source without claims gives one row of its own), for CSV and JSON. */
export interface FeedRow {
  readonly storyId: string;
  readonly version: Version;
  readonly claim: Claim | null;
}

export function feedRows(groups: readonly StoryGroup[]): FeedRow[] {
  return groups.flatMap((group) =>
    group.versions.flatMap((version): FeedRow[] => {
      const claims = version.claims ?? [];
      if (claims.length === 0) return [{ storyId: group.id, version, claim: null }];
      return claims.map((claim) => ({ storyId: group.id, version, claim }));
    }),
  );
}
