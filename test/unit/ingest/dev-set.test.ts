/**
 * The labelled development set (eval/extraction/dev, labelled by eval/extraction/GUIDELINES.md) scored the way
 * `npm run eval:extract` scores it: the target is F1 ≥ 0.9 for (donor, stage) pairs in each language.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, LANGUAGES, loadSet } from '../../../eval/score.ts';

const { reports, scores } = evaluate(loadSet('dev'));

describe('extraction on the development set', () => {
  it('holds at least 15 articles in each language, the seed included', () => {
    for (const report of reports) expect(report.articles, report.language).toBeGreaterThanOrEqual(15);
    expect(scores.filter((score) => score.file.includes('seed-nato-arms-deliveries')).length).toBe(3);
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
});
