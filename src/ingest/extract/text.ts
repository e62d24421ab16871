/** Sentences of a document, with where each starts, split the way ICU splits them for the language. */

export type ExtractLanguage = 'uk' | 'en' | 'ru';

export interface Sentence {
  readonly text: string;
  /** Offset of the first character in the document text. */
  readonly start: number;
  /** Index of the paragraph it belongs to. */
  readonly paragraph: number;
}

const segmenters = new Map<ExtractLanguage, Intl.Segmenter>();

function segmenterFor(language: ExtractLanguage): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Abbreviations after which ICU would end a sentence too early ("млн. доларів" is handled by ICU itself). */
const NO_BREAK_AFTER =
  /(?:^|[\s(])(?:U\.S|U\.K|E\.U|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Maj|Sgt|No|approx|ca|vs|ін|т\.зв|т\.д|р|рр|ст|м|тис|млн|млрд|трлн|дол|грн|ген|див|им|т\.е|т\.п|тыс|г|гг)\.\s*$/iu;

/**
 * Splits text into sentences: paragraphs first (a line break always ends a sentence: headlines and bylines have no
 * full stop), then ICU sentence breaks within each paragraph, joined back where a break follows an abbreviation.
 */
export function splitSentences(text: string, language: ExtractLanguage): Sentence[] {
  const sentences: Sentence[] = [];
  const lines = /[^\n]+/g;
  let paragraph = 0;
  for (let line = lines.exec(text); line; line = lines.exec(text)) {
    let pending: { text: string; start: number } | null = null;
    for (const piece of segmenterFor(language).segment(line[0])) {
      const start = line.index + piece.index;
      if (pending && NO_BREAK_AFTER.test(pending.text)) {
        pending = { text: pending.text + piece.segment, start: pending.start };
        continue;
      }
      if (pending) push(sentences, pending, paragraph);
      pending = { text: piece.segment, start };
    }
    if (pending) push(sentences, pending, paragraph);
    paragraph += 1;
  }
  return sentences;
}

function push(into: Sentence[], piece: { text: string; start: number }, paragraph: number): void {
  const leading = piece.text.length - piece.text.trimStart().length;
  const trimmed = piece.text.trim();
  if (trimmed !== '') into.push({ text: trimmed, start: piece.start + leading, paragraph });
}

/** Typographic variants folded to one form, so patterns need not list them; same length, so offsets hold. */
export function foldForMatching(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/ё/g, 'е')
    .replace(/Ё/g, 'Е');
}
