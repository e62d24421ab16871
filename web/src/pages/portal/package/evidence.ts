/**
 * What to quote as a step's evidence. A claim linked to the event gives its sentence; an event that only names its
 * source is quoted by the sentences that source states about the same package or contribution (its claims), or,
 * when it states none, by the opening of its text.
 */
import type { SourceDetail } from '../../../api/packages.ts';
import type { Evidence } from '../../../api/types.ts';

export interface Quote {
  readonly sentence: string;
  /** Taken from the source's text, not from a claim: an excerpt, not a sentence the ledger links. */
  readonly excerpt: boolean;
}

/** The sentence already known for this evidence, without reading its source. */
export function knownSentence(
  evidence: Evidence,
  claim: { readonly sourceId: string | null; readonly sentence: string | null },
): string | null {
  if (evidence.sentence) return evidence.sentence;
  return claim.sourceId === evidence.sourceId ? claim.sentence : null;
}

const EXCERPT_LENGTH = 280;

/** The first sentences of a text, up to about `EXCERPT_LENGTH` characters, cut at a word with an ellipsis. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const sentences = flat.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [];
  let kept = '';
  for (const sentence of sentences) {
    if ((kept + sentence).length > length) break;
    kept += sentence;
  }
  if (kept.trim() !== '') return kept.trim();
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim()}…`;
}

/** The quotes for evidence without a sentence, from its source: claims about `subjectIds` first, else an excerpt. */
export function quotesFromSource(source: SourceDetail, subjectIds: readonly string[]): Quote[] {
  const sentences = source.claims
    .filter((claim) => claim.subject !== null && subjectIds.includes(claim.subject.id))
    .map((claim) => claim.sentence);
  const distinct = [...new Set(sentences)];
  if (distinct.length > 0) return distinct.map((sentence) => ({ sentence, excerpt: false }));
  const opening = excerpt(source.text);
  return opening ? [{ sentence: opening, excerpt: true }] : [];
}
