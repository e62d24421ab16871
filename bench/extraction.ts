/**
 * Extraction throughput on one core: the development set's articles (uk / en / ru, text and saved HTML) read and
 * their claims extracted, round after round, against a baseline over the same bytes in the same process: splitting
 * the same main texts into sentences with ICU (`Intl.Segmenter`), the least any sentence-level extractor must do.
 */

import { type Article, loadSet } from '../eval/score.ts';
import { extractArticle } from '../src/ingest/article.ts';
import { readDocument } from '../src/ingest/document/index.ts';
import { Deadline, fmtInt, fmtMs, fmtRatio, heading, print, table } from './lib.ts';

interface Throughput {
  readonly articles: number;
  readonly bytes: number;
  readonly ms: number;
}

function measure<T>(budgetMs: number, inputs: readonly T[], bytes: number, work: (input: T) => unknown): Throughput {
  for (const input of inputs) work(input); // warm-up: compiled patterns, ICU data
  const deadline = new Deadline(budgetMs);
  const started = performance.now();
  let rounds = 0;
  while (!deadline.passed || rounds === 0) {
    for (const input of inputs) work(input);
    rounds += 1;
  }
  return { articles: rounds * inputs.length, bytes: rounds * bytes, ms: performance.now() - started };
}

const perSecond = (t: Throughput) => t.articles / (t.ms / 1000);
const megabytesPerSecond = (t: Throughput) => t.bytes / 2 ** 20 / (t.ms / 1000);

function benchSet(budgetMs: number, articles: readonly Article[]) {
  const bytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article.content), 0);
  const segmenters = new Map(
    (['uk', 'en', 'ru'] as const).map((language) => [
      language,
      new Intl.Segmenter(language, { granularity: 'sentence' }),
    ]),
  );
  const texts = articles.map((article) => ({
    text: readDocument(article.content, { fileName: article.file }).text,
    segmenter: segmenters.get(article.gold.language),
  }));
  return {
    baseline: measure(budgetMs, texts, bytes, ({ text, segmenter }) => [...(segmenter?.segment(text) ?? [])].length),
    read: measure(budgetMs, articles, bytes, (article) => readDocument(article.content, { fileName: article.file })),
    extract: measure(budgetMs, articles, bytes, (article) =>
      extractArticle(article.content, { fileName: article.file }),
    ),
  };
}

export function benchExtraction(budgetMs: number): void {
  const articles = loadSet('dev');
  const sets = [
    ['text files', articles.filter((article) => !/\.html?$/.test(article.file))],
    ['saved HTML pages', articles.filter((article) => /\.html?$/.test(article.file))],
  ] as const;

  heading('4. Extraction throughput (one core)');
  print(
    `${fmtInt(articles.length)} articles of the development set (uk / en / ru), ${fmtMs(budgetMs)} per figure, after a warm-up pass.`,
  );
  print('baseline: ICU sentence segmentation (Intl.Segmenter) of the same main texts, the least a sentence-level');
  print('          extractor must do; read: the file to main text and metadata; extract: read, then the claims.');
  const rows: string[][] = [];
  for (const [name, subset] of sets) {
    const result = benchSet(budgetMs, subset);
    const row = (label: string, t: Throughput) => [
      label,
      `${fmtInt(perSecond(t))}/s`,
      `${megabytesPerSecond(t).toFixed(2)} MB/s`,
      fmtRatio(perSecond(t) / perSecond(result.baseline)),
    ];
    rows.push(
      row(`${name} (${subset.length}): baseline`, result.baseline),
      row('  read', result.read),
      row('  read + extract', result.extract),
    );
  }
  print(table(['', 'articles', 'input', 'vs baseline'], rows));
}
