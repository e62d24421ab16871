/**
 * Extraction: the aid claims an article states, in the shape `tranche extract --json` prints. Works offline, on the
 * text alone: no database, no server.
 */
import { claimsOfSentence, type ExtractedClaim } from './claims.ts';
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
  let previousDonors: string[] | null = null;
  let paragraph = -1;
  for (const sentence of splitSentences(folded, language)) {
    if (sentence.paragraph !== paragraph + 1 && sentence.paragraph !== paragraph) previousDonors = null;
    paragraph = sentence.paragraph;
    const found = claimsOfSentence(sentence.text, language, { previousDonors });
    const evidence = text.slice(sentence.start, sentence.start + sentence.text.length);
    for (const claim of found) {
      claims.push({ ...claim, evidence, span: { start: sentence.start, end: sentence.start + sentence.text.length } });
    }
    const last = found.at(-1);
    if (last) previousDonors = last.donors;
  }
  return claims;
}
