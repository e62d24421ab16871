/**
 * The labelled sets (eval/extraction/, labelled by eval/extraction/GUIDELINES.md) scored the way `npm run
 * eval:extract` scores them: the target is F1 ≥ 0.9 for (donor, stage) pairs in each language, on the development
 * set the extractor is tuned on and on the held-out set it is only measured on.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateStories, LANGUAGES, loadSet } from '../../../eval/score.ts';

const articles = loadSet('dev');
const { reports, scores } = evaluate(articles);

describe('extraction on the development set', () => {
  it('holds at least 15 articles in each language, the seed included', () => {
    for (const report of reports) expect(report.articles, report.language).toBeGreaterThanOrEqual(15);
    expect(articles.filter((article) => article.gold.story === 'seed-nato-arms-deliveries').length).toBe(3);
  });

  it.each(LANGUAGES)('reaches F1 ≥ 0.9 for (donor, stage) pairs in %s', (language) => {
    const report = reports.find((candidate) => candidate.language === language);
    expect(report?.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('gets at least 85 % of the amounts exactly right in each language', () => {
    for (const report of reports) expect(report.amountShare, report.language).toBeGreaterThanOrEqual(0.85);
  });

  it('detects the language of every article', () => {
    expect(scores.filter((score) => score.predicted.language !== score.language).map((score) => score.file)).toEqual(
      [],
    );
  });

  it('groups every story told in several languages, and wrongly joins at most one pair in ten', () => {
    const stories = evaluateStories(scores, articles);
    expect(stories.pairs).toBeGreaterThanOrEqual(6);
    expect(stories.found).toBe(stories.pairs);
    expect(stories.wrong).toBeLessThanOrEqual(stories.pairs / 10);
  });
});

describe('extraction on the held-out set (written apart, never tuned on)', () => {
  const holdout = evaluate(loadSet('holdout'));

  it.each(LANGUAGES)('stays at F1 ≥ 0.9 for (donor, stage) pairs in %s', (language) => {
    const report = holdout.reports.find((candidate) => candidate.language === language);
    expect(report?.articles).toBeGreaterThanOrEqual(10);
    expect(report?.f1).toBeGreaterThanOrEqual(0.9);
  });
});
