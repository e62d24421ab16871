/**
 * Extraction: the aid claims an article states, in the shape `tranche extract --json` prints. Works offline, on the
 * text alone: no database, no server.
 */
import { claimsOfSentence, type ExtractedClaim, leadInStage } from './claims.ts';
import type { ExtractStage } from './lexicon.ts';
import { type ExtractLanguage, foldForMatching, splitSentences } from './text.ts';

export type { ExtractedClaim } from './claims.ts';
export type { ExtractStage } from './lexicon.ts';

export interface LocatedClaim extends ExtractedClaim {
  /** Where the evidence sentence starts and ends in the text, to highlight it. */
  readonly span: { readonly start: number; readonly end: number };
}

/** Every claim the text states, in the order of its sentences. */
export function extractClaims(text: string, language: ExtractLanguage): LocatedClaim[] {
  const folded = foldForMatching(text);
  const claims: LocatedClaim[] = [];
  const sentences = splitSentences(folded, language);
  let previousDonors: string[] | null = null;
  let listStage: ExtractStage | null = null;
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    if (previous && sentence.paragraph > previous.paragraph + 1) previousDonors = null;
    // An item of a list is a short line of its own after a lead-in that ends with a colon.
    const alone = sentences[index + 1]?.paragraph !== sentence.paragraph && previous?.paragraph !== sentence.paragraph;
    if (!alone || sentence.text.length > 200) listStage = null;
    const found = claimsOfSentence(sentence.text, language, { previousDonors, listStage });
    const evidence = text.slice(sentence.start, sentence.start + sentence.text.length);
    for (const claim of found) {
      claims.push({ ...claim, evidence, span: { start: sentence.start, end: sentence.start + sentence.text.length } });
    }
    const last = found.at(-1);
    if (last) previousDonors = last.donors;
    listStage = leadInStage(sentence.text, language) ?? listStage;
  });
  return claims;
}
