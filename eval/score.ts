/**
 * Scores extraction against the labelled development set (eval/extraction/dev/<lang>/<slug>.{txt,html} with
 * <slug>.gold.json beside each; eval/extraction/GUIDELINES.md says how they are labelled).
 *
 * - Precision, recall and F1 over (donor, stage) pairs, counted once per article.
 * - Amounts: the share of labelled claims with an amount for which a claim with the same donors and stage carries
 *   exactly that amount and currency.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type StoryVersion, sameStory } from '../src/domain/source/story.ts';
import { type ArticleExtraction, extractArticle } from '../src/ingest/article.ts';

/** The development set, which the extractor is tuned on, and the held-out set, which it is only measured on. */
export const SETS = ['dev', 'holdout'] as const;
export type SetName = (typeof SETS)[number];
const folderOf = (set: SetName) => new URL(`./extraction/${set}/`, import.meta.url).pathname;
export const LANGUAGES = ['uk', 'en', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];

interface GoldClaim {
  donors: string[];
  stage: string;
  amount: { value: number; currency: string } | null;
  mechanism: string | null;
  evidence: string;
}

const PROJECT_ROOT = new URL('../', import.meta.url).pathname;

export interface Gold {
  /** A document kept outside the repository, relative to the project root (e.g. `../shared/seed/…`). */
  document?: string;
  language: Language;
  title: string | null;
  author: string | null;
  published: string | null;
  story: string;
  claims: GoldClaim[];
}

export interface Article {
  readonly file: string;
  readonly gold: Gold;
  readonly content: string;
}

/**
 * The articles of a set: each `<slug>.gold.json` with the document beside it, or, for a document others wrote that
 * is not copied into this repository (the seed), the path its `document` field gives, relative to the project root.
 * Such a document is left out when it is absent, except under CI=true, where that is an error.
 */
export function loadSet(set: SetName): Article[] {
  const root = folderOf(set);
  return LANGUAGES.flatMap((language) => {
    const folder = join(root, language);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.endsWith('.gold.json'))
      .sort()
      .flatMap((name) => {
        const gold = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Gold;
        const slug = name.slice(0, -'.gold.json'.length);
        const file = gold.document
          ? join(PROJECT_ROOT, gold.document)
          : ['txt', 'html', 'htm']
              .map((extension) => join(folder, `${slug}.${extension}`))
              .find((path) => existsSync(path));
        if (!file || !existsSync(file)) {
          if (process.env.CI === 'true')
            throw new Error(`${join(folder, name)}: its document ${file ?? slug} is missing`);
          return [];
        }
        return [{ file, gold, content: readFileSync(file, 'utf8') }];
      });
  });
}

export interface Counts {
  articles: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  amounts: number;
  amountsRight: number;
  languageRight: number;
}

export interface ArticleScore {
  readonly file: string;
  readonly language: Language;
  readonly missed: string[];
  readonly spurious: string[];
  readonly wrongAmounts: string[];
  readonly predicted: ArticleExtraction;
}

const pairs = (claims: readonly { donors: readonly string[]; stage: string }[]) =>
  new Set(claims.flatMap((claim) => claim.donors.map((donor) => `${donor}:${claim.stage}`)));

const sameDonors = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

function scoreArticle(article: Article): ArticleScore {
  const predicted = extractArticle(article.content, { fileName: article.file });
  const gold = pairs(article.gold.claims);
  const found = pairs(predicted.claims);
  const wrongAmounts = article.gold.claims
    .filter((claim) => claim.amount !== null)
    .filter(
      (claim) =>
        !predicted.claims.some(
          (candidate) =>
            candidate.stage === claim.stage &&
            sameDonors(candidate.donors, claim.donors) &&
            candidate.amount?.value === claim.amount?.value &&
            candidate.amount?.currency === claim.amount?.currency,
        ),
    )
    .map((claim) => `${claim.donors.join('+')} ${claim.stage} ${claim.amount?.value} ${claim.amount?.currency}`);
  return {
    file: article.file,
    language: article.gold.language,
    missed: [...gold].filter((pair) => !found.has(pair)),
    spurious: [...found].filter((pair) => !gold.has(pair)),
    wrongAmounts,
    predicted,
  };
}

export interface LanguageReport extends Counts {
  readonly language: Language;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly amountShare: number;
}

export function evaluate(articles: readonly Article[]): { reports: LanguageReport[]; scores: ArticleScore[] } {
  const scores = articles.map(scoreArticle);
  const reports = LANGUAGES.map((language): LanguageReport => {
    const counts: Counts = {
      articles: 0,
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      amounts: 0,
      amountsRight: 0,
      languageRight: 0,
    };
    articles.forEach((article, index) => {
      const score = scores[index];
      if (article.gold.language !== language || !score) return;
      const goldPairs = pairs(article.gold.claims).size;
      const withAmount = article.gold.claims.filter((claim) => claim.amount !== null).length;
      counts.articles += 1;
      counts.falseNegatives += score.missed.length;
      counts.falsePositives += score.spurious.length;
      counts.truePositives += goldPairs - score.missed.length;
      counts.amounts += withAmount;
      counts.amountsRight += withAmount - score.wrongAmounts.length;
      if (score.predicted.language === language) counts.languageRight += 1;
    });
    const precision = ratio(counts.truePositives, counts.truePositives + counts.falsePositives);
    const recall = ratio(counts.truePositives, counts.truePositives + counts.falseNegatives);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { language, ...counts, precision, recall, f1, amountShare: ratio(counts.amountsRight, counts.amounts) };
  });
  return { reports, scores };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export interface StoryReport {
  /** Pairs of versions in different languages that the labels put in one story. */
  readonly pairs: number;
  readonly found: number;
  /** Pairs grouped into one story that the labels keep apart. */
  readonly wrong: number;
}

/**
 * Story grouping as `tranche source import` does it: the articles recorded one by one (oldest first), each put in
 * the story of an earlier version in another language that states the same facts (src/domain/source/story.ts).
 */
export function evaluateStories(scores: readonly ArticleScore[], articles: readonly Article[]): StoryReport {
  const order = articles
    .map((article, index) => ({ article, score: scores[index] }))
    .filter((entry): entry is { article: Article; score: ArticleScore } => entry.score !== undefined)
    .sort(
      (a, b) =>
        (a.article.gold.published ?? '').localeCompare(b.article.gold.published ?? '') ||
        a.article.file.localeCompare(b.article.file),
    );
  const recorded: (StoryVersion & { storyId: string; gold: string })[] = [];
  for (const { article, score } of order) {
    const version = {
      id: article.file,
      language: article.gold.language,
      publishedOn: score.predicted.published,
      facts: score.predicted.claims,
    };
    const storyLanguages = (storyId: string) =>
      recorded.filter((other) => other.storyId === storyId).map((other) => other.language);
    const match = sameStory(
      version,
      recorded.map((other) => ({ ...other, storyLanguages: storyLanguages(other.storyId) })),
    );
    recorded.push({ ...version, storyId: match?.storyId ?? version.id, gold: article.gold.story });
  }
  let pairs = 0;
  let found = 0;
  let wrong = 0;
  recorded.forEach((a, index) => {
    for (const b of recorded.slice(index + 1)) {
      if (a.language === b.language) continue;
      const together = a.storyId === b.storyId;
      if (a.gold === b.gold) {
        pairs += 1;
        if (together) found += 1;
      } else if (together) {
        wrong += 1;
      }
    }
  });
  return { pairs, found, wrong };
}
