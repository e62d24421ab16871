import { describe, expect, it } from 'vitest';
import {
  daysApart,
  factKey,
  type StoryFact,
  type StoryVersion,
  sameStory,
  storyScore,
} from '../../../src/domain/source/story.ts';

const fact = (donors: string[], stage: string, value: number | null, currency = 'USD'): StoryFact => ({
  donors,
  stage,
  amount: value === null ? null : { value, currency },
});

const NORDIC = [
  fact(['DK', 'NO', 'SE'], 'pledged', 500_000_000),
  fact(['SE'], 'pledged', 275_000_000),
  fact(['NO'], 'pledged', 1_500_000_000, 'NOK'),
];

const version = (overrides: Partial<StoryVersion> = {}): StoryVersion => ({
  id: 'src-en',
  language: 'en',
  publishedOn: '2025-08-05',
  facts: NORDIC,
  ...overrides,
});

describe('story: the facts a version states', () => {
  it('a fact is its donors in any order, its stage and its amount', () => {
    expect(factKey(fact(['SE', 'DK', 'NO', 'SE'], 'pledged', 500_000_000))).toBe('DK+NO+SE|pledged|500000000 USD');
    expect(factKey(fact(['NL'], 'delivered', null))).toBe('NL|delivered|-');
  });

  it('scores two versions by the Jaccard similarity of their facts', () => {
    expect(storyScore(NORDIC, [...NORDIC].reverse())).toBe(1);
    expect(storyScore(NORDIC, NORDIC.slice(0, 2))).toBeCloseTo(2 / 3);
    expect(storyScore(NORDIC, [NORDIC[0] ?? fact([], '', null), fact(['DE'], 'funded', 1)])).toBe(1 / 4);
  });

  it('a version that states no fact is like no other', () => {
    expect(storyScore([], [])).toBe(0);
    expect(storyScore(NORDIC, [])).toBe(0);
  });

  it('counts days between dates either way round', () => {
    expect(daysApart('2025-08-05', '2025-08-08')).toBe(3);
    expect(daysApart('2025-08-31', '2025-09-01')).toBe(1);
  });
});

describe('story: grouping a new version with the story it retells', () => {
  const uk = version({ id: 'src-uk', language: 'uk', publishedOn: '2025-08-06', facts: NORDIC.slice(0, 2) });

  it('finds the version in another language that states at least half of the same facts', () => {
    expect(sameStory(uk, [version()])).toEqual({ sourceId: 'src-en', storyId: 'src-en', score: 2 / 3 });
  });

  it('joins the story of that version when it has one', () => {
    expect(sameStory(uk, [version({ storyId: 'story-nordic', storyLanguages: ['en', 'ru'] })])).toMatchObject({
      storyId: 'story-nordic',
    });
  });

  it('below half the facts in common, it is another story', () => {
    const other = version({ facts: [...NORDIC, fact(['DE'], 'funded', 1), fact(['PL'], 'funded', 2)] });
    expect(sameStory(uk, [other])).toBeNull();
  });

  it('exactly half is enough', () => {
    const half = version({ facts: [...NORDIC.slice(0, 2), fact(['DE'], 'funded', 1), fact(['PL'], 'funded', 2)] });
    expect(sameStory(uk, [half])?.score).toBe(0.5);
  });

  it('a version in the same language is not a translation', () => {
    expect(sameStory(uk, [version({ language: 'uk' })])).toBeNull();
  });

  it('a story already told in this language is not joined again', () => {
    expect(sameStory(uk, [version({ storyLanguages: ['en', 'uk'] })])).toBeNull();
  });

  it('published more than three days apart, it is another story; three days is close enough', () => {
    expect(sameStory(uk, [version({ publishedOn: '2025-08-10' })])).toBeNull();
    expect(sameStory(uk, [version({ publishedOn: '2025-08-09' })])).not.toBeNull();
  });

  it('when either date is unknown, the facts decide alone', () => {
    expect(sameStory({ ...uk, publishedOn: null }, [version({ publishedOn: '2024-01-01' })])).not.toBeNull();
  });

  it('takes the best score, then the closest date, then the lowest id', () => {
    const exact = version({ id: 'src-b', facts: NORDIC.slice(0, 2), publishedOn: '2025-08-08' });
    const near = version({ id: 'src-c', facts: NORDIC.slice(0, 2), publishedOn: '2025-08-06' });
    const twin = version({ id: 'src-a', facts: NORDIC.slice(0, 2), publishedOn: '2025-08-06', language: 'ru' });
    expect(sameStory(uk, [version(), exact])?.sourceId).toBe('src-b');
    expect(sameStory(uk, [exact, near])?.sourceId).toBe('src-c');
    expect(sameStory(uk, [near, twin])?.sourceId).toBe('src-a');
  });

  it('never groups a version with itself', () => {
    expect(sameStory(uk, [uk])).toBeNull();
  });
});
