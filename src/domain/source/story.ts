import type { Language } from '../facts.ts';

/**
 * Versions of one story in several languages: told apart from other stories by the facts they state, which do not
 * depend on the language — who did what, for how much — rather than by their words.
 */

/** A fact as a text states it: its donors (ISO codes), the stage, the amount in whole units of a currency. */
export interface StoryFact {
  readonly donors: readonly string[];
  readonly stage: string;
  readonly amount: { readonly value: number; readonly currency: string } | null;
}

/** A recorded source, or one about to be, as story grouping sees it. */
export interface StoryVersion {
  readonly id: string;
  readonly language: Language;
  readonly publishedOn: string | null;
  readonly facts: readonly StoryFact[];
  /** The story it belongs to: its story id, or its own id when it has none. */
  readonly storyId?: string;
  /** The languages its story is already told in (a story has one version per language). */
  readonly storyLanguages?: readonly Language[];
}

export interface StoryMatch {
  readonly sourceId: string;
  readonly storyId: string;
  /** Jaccard similarity of the two sets of facts, 0…1. */
  readonly score: number;
}

/** Two versions tell one story when at least half of all the facts they state are stated by both… */
const SAME_STORY_MIN_SCORE = 0.5;
/** …and, when both dates are known, they were published at most this many days apart. */
const SAME_STORY_MAX_DAYS_APART = 3;

/** One fact as a comparable string: `NO+SE|pledged|500000000 USD`. */
export function factKey(fact: StoryFact): string {
  const donors = [...new Set(fact.donors)].sort().join('+');
  return `${donors}|${fact.stage}|${fact.amount ? `${fact.amount.value} ${fact.amount.currency}` : '-'}`;
}

/** |A ∩ B| / |A ∪ B| of the two versions' facts; 0 when either states none (nothing to recognise it by). */
export function storyScore(a: readonly StoryFact[], b: readonly StoryFact[]): number {
  const left = new Set(a.map(factKey));
  const right = new Set(b.map(factKey));
  if (left.size === 0 || right.size === 0) return 0;
  const shared = [...left].filter((key) => right.has(key)).length;
  return shared / (left.size + right.size - shared);
}

/** Whole days between two YYYY-MM-DD dates, in either order. */
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/**
 * The story that `version` most likely retells in its own language: the best-scoring version in another language
 * whose story has no version in this one yet, published within three days when both dates are known; null when none
 * reaches the threshold. Ties go to the version published closest in time, then to the lowest id.
 */
export function sameStory(version: StoryVersion, candidates: readonly StoryVersion[]): StoryMatch | null {
  let best: { match: StoryMatch; days: number } | null = null;
  for (const candidate of candidates) {
    if (candidate.id === version.id || candidate.language === version.language) continue;
    if (candidate.storyLanguages?.includes(version.language)) continue;
    const days =
      version.publishedOn && candidate.publishedOn ? daysApart(version.publishedOn, candidate.publishedOn) : 0;
    if (days > SAME_STORY_MAX_DAYS_APART) continue;
    const score = storyScore(version.facts, candidate.facts);
    if (score < SAME_STORY_MIN_SCORE) continue;
    const match = { sourceId: candidate.id, storyId: candidate.storyId ?? candidate.id, score };
    if (
      !best ||
      score > best.match.score ||
      (score === best.match.score && (days < best.days || (days === best.days && candidate.id < best.match.sourceId)))
    ) {
      best = { match, days };
    }
  }
  return best?.match ?? null;
}
