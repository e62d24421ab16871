/** Donor mentions that name an actor, and the groups the text joins them into. */
import type { AmountMention } from './amounts.ts';
import type { DonorMention } from './donors.ts';
import type { Patterns } from './patterns.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Group extends Span {
  readonly codes: string[];
}

/**
 * Keeps the mentions that name a giver. Drops countries named as places ("in Germany"), as sources ("according to
 * the British government"), as attributes ("the Czech initiative", "British manufacturers", "EU accession"), inside a
 * currency ("Danish kroner", "US dollars"), and the United States as the seller of what donors buy.
 */
export function actors(
  sentence: string,
  mentions: readonly DonorMention[],
  amounts: readonly AmountMention[],
  words: Patterns,
): DonorMention[] {
  const buying = words.purchase.test(sentence);
  return mentions.filter((mention) => {
    if (amounts.some((amount) => mention.start < amount.end && amount.start < mention.end)) return false;
    const before = sentence.slice(Math.max(0, mention.start - 40), mention.start);
    const after = sentence.slice(mention.end, mention.end + 40);
    if (mention.form !== 'adjective' && words.places.test(before)) return false;
    if (words.attribution.test(before)) return false;
    if (mention.form === 'adjective' && words.notActors.test(after)) return false;
    if (mention.code === 'EU') return !words.euAttribute.test(after) && !words.euMembers.test(before);
    if (mention.code !== 'US') return true;
    // "American weapons", "bought from the US"; but "Ukraine received from the US" names a giver.
    return !(words.weapons.test(after) || words.sellers.test(before) || buying);
  });
}

/** Mentions joined by commas and "and" form one group; the same donor named twice in a row counts once. */
export function groupsOf(sentence: string, mentions: readonly DonorMention[], words: Patterns): Group[] {
  const groups: { codes: string[]; start: number; end: number }[] = [];
  for (const mention of mentions) {
    const last = groups.at(-1);
    if (last && words.connectors.test(sentence.slice(last.end, mention.start))) {
      if (!last.codes.includes(mention.code)) last.codes.push(mention.code);
      last.end = mention.end;
    } else {
      groups.push({ codes: [mention.code], start: mention.start, end: mention.end });
    }
  }
  return groups;
}
