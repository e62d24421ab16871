/**
 * Claims of one sentence: which donors did what (pledged, funded, delivered), for how much, under which mechanism.
 *
 * Donors that the text joins ("Norway, Poland and Germany") form one group. Each group takes the nearest stage verb
 * after it (or before it, for passives: "a package funded by Sweden"), and the sum in its part of the sentence. One
 * sum for several groups marked as joint is one claim for all of them; "each" gives the sum to every donor.
 */
import { type AmountMention, findAmounts } from './amounts.ts';
import { type DonorMention, findDonors } from './donors.ts';
import { type ExtractStage, LEXICONS, MECHANISM, type TriggerStage } from './lexicon.ts';
import type { ExtractLanguage } from './text.ts';

export interface ExtractedClaim {
  readonly donors: string[];
  readonly stage: ExtractStage;
  readonly amount: { value: number; currency: string } | null;
  readonly mechanism: 'PURL' | null;
  readonly evidence: string;
}

interface Trigger {
  readonly stage: TriggerStage;
  readonly start: number;
  readonly end: number;
}

interface Group {
  readonly codes: string[];
  readonly start: number;
  readonly end: number;
}

const CROWNS: Record<string, string> = { NO: 'NOK', SE: 'SEK', DK: 'DKK', CZ: 'CZK', IS: 'ISK' };
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

interface Compiled {
  readonly triggers: readonly (readonly [RegExp, TriggerStage])[];
  readonly future: RegExp;
  readonly hedge: RegExp;
  readonly negation: RegExp;
  readonly aid: RegExp;
  readonly money: RegExp;
  readonly joint: RegExp;
  readonly each: RegExp;
  readonly respectively: RegExp;
  readonly connectors: RegExp;
  readonly places: RegExp;
  readonly sellers: RegExp;
  readonly purchase: RegExp;
  readonly weapons: RegExp;
  readonly anaphora: RegExp;
  readonly companion: RegExp;
  readonly including: RegExp;
  readonly euAttribute: RegExp;
  readonly euMembers: RegExp;
}

const compiled = new Map<ExtractLanguage, Compiled>();

function compile(language: ExtractLanguage): Compiled {
  const cached = compiled.get(language);
  if (cached) return cached;
  const lexicon = LEXICONS[language];
  const word = (pattern: string, flags = 'iu') => new RegExp(`${B}${pattern}${E}`, flags);
  const result: Compiled = {
    triggers: lexicon.triggers.map(([pattern, stage]) => [word(pattern, 'giu'), stage] as const),
    future: new RegExp(`${B}${lexicon.future}`, 'iu'),
    hedge: word(lexicon.hedges),
    negation: word(lexicon.negations),
    aid: new RegExp(`${B}${lexicon.aid}`, 'iu'),
    money: new RegExp(lexicon.money, 'iu'),
    joint: word(lexicon.joint),
    each: word(lexicon.each),
    respectively: word(lexicon.respectively),
    connectors: new RegExp(`^(?:\\s|${lexicon.connectors})*$`, 'iu'),
    places: new RegExp(`${B}${lexicon.places}`, 'iu'),
    sellers: new RegExp(`${B}${lexicon.sellers}`, 'iu'),
    purchase: new RegExp(`${B}${lexicon.purchase}`, 'iu'),
    weapons: new RegExp(`^[\\s-]*(?:\\p{L}+[\\s-]+)?${lexicon.weapons}`, 'iu'),
    anaphora: new RegExp(lexicon.anaphora, 'iu'),
    companion: new RegExp(`${B}${lexicon.companion}\\s*$`, 'iu'),
    including: new RegExp(`${B}${lexicon.including}${E}`, 'iu'),
    euAttribute: new RegExp(`^\\s*${lexicon.euAttribute}`, 'iu'),
    euMembers: new RegExp(`${B}${lexicon.euMembers}\\s*$`, 'iu'),
  };
  compiled.set(language, result);
  return result;
}

function findTriggers(sentence: string, words: Compiled): Trigger[] {
  const found: Trigger[] = [];
  for (const [pattern, stage] of words.triggers) {
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      const future = words.future.test(sentence.slice(Math.max(0, start - 40), start));
      found.push({ stage: future && stage !== 'pledged' ? 'pledged' : stage, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Drops countries named as places ("in Germany") and the United States as the seller of what donors buy. */
function actors(sentence: string, mentions: DonorMention[], words: Compiled): DonorMention[] {
  const buying = words.purchase.test(sentence);
  return mentions.filter((mention) => {
    const before = sentence.slice(Math.max(0, mention.start - 16), mention.start);
    if (mention.form !== 'adjective' && words.places.test(before)) return false;
    const after = sentence.slice(mention.end, mention.end + 40);
    // "EU accession", "країни ЄС": the EU as an attribute or a club of states, not as a donor.
    if (mention.code === 'EU') return !words.euAttribute.test(after) && !words.euMembers.test(before);
    if (mention.code !== 'US') return true;
    return !(words.weapons.test(after) || words.sellers.test(before) || buying);
  });
}

function groupsOf(sentence: string, mentions: DonorMention[], words: Compiled): Group[] {
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

const within = (start: number, end: number) => (item: { start: number }) => item.start >= start && item.start < end;

function stageOf(trigger: Trigger, sentence: string, words: Compiled): ExtractStage {
  if (trigger.stage !== 'provided') return trigger.stage;
  return words.money.test(sentence.slice(trigger.end, trigger.end + 60)) ? 'funded' : 'delivered';
}

/** A hedge or negation between `from` and the verb (or the donors) takes the claim back. */
function hedged(sentence: string, from: number, to: number, words: Compiled): boolean {
  const span = sentence.slice(from, to);
  return words.hedge.test(span) || words.negation.test(span);
}

function amountFor(amount: AmountMention | undefined, codes: readonly string[]): ExtractedClaim['amount'] {
  if (!amount) return null;
  if (amount.currency) return { value: amount.value, currency: amount.currency };
  const crowns = [...new Set(codes.map((code) => CROWNS[code]).filter((code) => code !== undefined))];
  return crowns.length === 1 && crowns[0] ? { value: amount.value, currency: crowns[0] } : null;
}

export interface SentenceContext {
  /** Donors of the last claim before this sentence, for "It also pledged…". */
  readonly previousDonors: readonly string[] | null;
}

export function claimsOfSentence(
  sentence: string,
  language: ExtractLanguage,
  context: SentenceContext,
): ExtractedClaim[] {
  if (/\?\s*["»”]?$/u.test(sentence)) return [];
  const words = compile(language);
  const triggers = findTriggers(sentence, words);
  if (triggers.length === 0) return [];
  const amounts = findAmounts(sentence, language).filter((amount) => !amount.restated);
  if (amounts.length === 0 && !words.aid.test(sentence)) return [];
  let groups = mergeCompanions(sentence, groupsOf(sentence, actors(sentence, findDonors(sentence, language), words), words), words);
  if (groups.length === 0 && context.previousDonors && words.anaphora.test(sentence)) {
    groups = [{ codes: [...context.previousDonors], start: 0, end: 0 }];
  }
  if (groups.length === 0) return [];
  if (groups.length > 1 && amounts.length === 1 && words.joint.test(sentence)) groups = [merge(groups)];
  const mechanism = MECHANISM.test(sentence) ? 'PURL' : null;
  const claims: ExtractedClaim[] = [];
  let inherited: Trigger | null = null;
  groups.forEach((group, index) => {
    const previousEnd = groups[index - 1]?.end ?? 0;
    const nextStart = groups[index + 1]?.start ?? sentence.length;
    const after = distinctStages(triggers.filter(within(group.end, nextStart)), sentence, words);
    const before = distinctStages(triggers.filter(within(previousEnd, group.start)).reverse(), sentence, words);
    const hedgeFrom = Math.max(previousEnd, group.start - 40);
    if (after.length > 0) {
      inherited = after[0]?.trigger ?? null;
      after.forEach(({ trigger, stage }, at) => {
        if (hedged(sentence, hedgeFrom, trigger.start, words)) return;
        const regionEnd = after[at + 1]?.trigger.start ?? nextStart;
        const region = amounts.filter(within(at === 0 ? group.end : trigger.start, regionEnd));
        const fallback = at === 0 && region.length === 0 && groups.length === 1 ? amounts.filter(within(0, group.start)).slice(-1) : [];
        addClaims(group, stage, region.length > 0 ? region : fallback);
      });
    } else if (before.length > 0) {
      inherited = before[0]?.trigger ?? null;
      const own = amounts.filter(within(group.end, nextStart));
      const preceding = amounts.filter(within(previousEnd, group.start)).slice(-1);
      for (const { trigger, stage } of before) {
        if (hedged(sentence, Math.max(previousEnd, trigger.start - 40), group.start, words)) continue;
        addClaims(group, stage, own.length > 0 ? own : preceding);
      }
    } else if (inherited) {
      if (hedged(sentence, group.start, nextStart, words)) return;
      addClaims(group, stageOf(inherited, sentence, words), amounts.filter(within(group.end, nextStart)));
    }
  });
  return dedupe(claims);

  function addClaims(group: Group, stage: ExtractStage, candidates: readonly AmountMention[]): void {
    const [first, ...rest] = candidates;
    const perDonor = group.codes.length > 1 && candidates.length === group.codes.length && words.respectively.test(sentence);
    if (perDonor) {
      group.codes.forEach((code, at) => claims.push(claim([code], stage, amountFor(candidates[at], [code]))));
      return;
    }
    if (group.codes.length > 1 && words.each.test(sentence.slice(group.start))) {
      for (const code of group.codes) claims.push(claim([code], stage, amountFor(first, [code])));
      return;
    }
    claims.push(claim(group.codes, stage, amountFor(first, group.codes)));
    // "C$19.5 billion, including C$4.5 billion in military aid": a part stated beside the whole is a claim too.
    for (const part of rest) {
      if (words.including.test(sentence.slice(first?.end ?? 0, part.start))) {
        claims.push(claim(group.codes, stage, amountFor(part, group.codes)));
      }
    }
  }

  function claim(donors: string[], stage: ExtractStage, amount: ExtractedClaim['amount']): ExtractedClaim {
    return { donors, stage, amount, mechanism, evidence: sentence };
  }
}

/** The first trigger of each stage, in the order given. */
function distinctStages(found: readonly Trigger[], sentence: string, words: Compiled) {
  const seen = new Set<ExtractStage>();
  const result: { trigger: Trigger; stage: ExtractStage }[] = [];
  for (const trigger of found) {
    const stage = stageOf(trigger, sentence, words);
    if (seen.has(stage)) continue;
    seen.add(stage);
    result.push({ trigger, stage });
  }
  return result;
}

function merge(groups: readonly Group[]): Group {
  return {
    codes: [...new Set(groups.flatMap((group) => group.codes))],
    start: groups[0]?.start ?? 0,
    end: groups.at(-1)?.end ?? 0,
  };
}

/** "Denmark, together with Norway and Sweden, funded…", "Together with Belgium, Canada will pay…": one group. */
function mergeCompanions(sentence: string, groups: readonly Group[], words: Compiled): Group[] {
  const merged: Group[] = [];
  let leading = false;
  groups.forEach((group, index) => {
    const last = merged.at(-1);
    const between = sentence.slice(groups[index - 1]?.end ?? 0, group.start);
    if (last && (leading || words.companion.test(between))) {
      merged[merged.length - 1] = merge([last, group]);
      leading = false;
      return;
    }
    leading = !last && words.companion.test(between);
    merged.push(group);
  });
  return merged;
}

function dedupe(claims: ExtractedClaim[]): ExtractedClaim[] {
  const seen = new Set<string>();
  return claims.filter((claim) => {
    const key = JSON.stringify([claim.donors, claim.stage, claim.amount]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
