/**
 * `npm run eval:extract [-- --verbose] [-- --set dev|holdout]`: precision, recall and F1 per language for
 * (donor, stage) pairs, and the share of amounts exactly right, on the labelled development set (the extractor is
 * tuned on it) and on the held-out set (written apart from the extractor, never tuned on). `--verbose` lists each
 * article's misses.
 */
import { relative } from 'node:path';
import { evaluate, evaluateStories, type LanguageReport, loadSet, SETS, type SetName } from './score.ts';

const verbose = process.argv.includes('--verbose');
const only = process.argv[process.argv.indexOf('--set') + 1];
const sets = SETS.filter((set) => !process.argv.includes('--set') || set === only);

for (const set of sets) report(set);

function report(set: SetName): void {
  const articles = loadSet(set);
  if (articles.length === 0) return;
  const { reports, scores } = evaluate(articles);

  if (verbose) {
    for (const score of scores) {
      if (score.missed.length + score.spurious.length + score.wrongAmounts.length === 0) continue;
      console.log(relative(process.cwd(), score.file));
      if (score.missed.length) console.log(`  missed:   ${score.missed.join(', ')}`);
      if (score.spurious.length) console.log(`  spurious: ${score.spurious.join(', ')}`);
      if (score.wrongAmounts.length) console.log(`  amounts:  ${score.wrongAmounts.join('; ')}`);
    }
    console.log('');
  }

  console.log(`${set === 'dev' ? 'development set (tuned on)' : 'held-out set (never tuned on)'}`);
  print(reports);
  const stories = evaluateStories(scores, articles);
  console.log(
    `stories: ${stories.found} of ${stories.pairs} versions in another language grouped with their story; ${stories.wrong} grouped with another story`,
  );
  console.log('');
}

function print(reports: readonly LanguageReport[]): void {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`.padStart(8);
  console.log('language  articles  pairs  precision    recall        F1   amounts right  language detected');
  for (const report of reports) {
    const pairs = report.truePositives + report.falseNegatives;
    console.log(
      [
        report.language.padEnd(8),
        String(report.articles).padStart(8),
        String(pairs).padStart(6),
        percent(report.precision).padStart(10),
        percent(report.recall).padStart(9),
        percent(report.f1).padStart(9),
        `${percent(report.amountShare)} of ${String(report.amounts).padStart(3)}`.padStart(15),
        `${report.languageRight}/${report.articles}`.padStart(18),
      ].join('  '),
    );
  }
}
