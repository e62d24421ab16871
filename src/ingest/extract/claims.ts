/**
 * Claims of one sentence: which donors did what (pledged, funded, delivered), for how much, under which mechanism.
 *
 * - Donors that the text joins ("Norway, Poland and Germany") form one group; "together with" adds donors to a group.
 * - A group takes the stage verbs after it up to the next group, each verb with the sum that follows it; a passive
 *   participle just before it ("a package funded by Sweden") gives a claim too. A group with no verb of its own takes
 *   the verb of the group before it ("Denmark pledged $90 million and Sweden $275 million").
 * - A relative clause after a group ("Denmark, which funded a package with Norway, announced…") holds its own verbs:
 *   donors added inside it share only those.
 * - One sum for several groups marked as joint is one claim for all of them; "each" gives the sum to every donor.
 * - Hedged, negated and conditional verbs give no claim.
 */
import { type AmountMention, findAmounts } from './amounts.ts';
import { findDonors } from './donors.ts';
import type { ExtractStage } from './lexicon.ts';
import { MECHANISM } from './lexicon.ts';
import { actors, type Group, groupsOf, type Span } from './mentions.ts';
import { type Patterns, patternsFor } from './patterns.ts';
import type { ExtractLanguage } from './text.ts';

export interface ExtractedClaim {
  readonly donors: string[];
  readonly stage: ExtractStage;
  readonly amount: { value: number; currency: string } | null;
  readonly mechanism: 'PURL' | null;
  readonly evidence: string;
}

interface Trigger extends Span {
  readonly stage: ExtractStage;
}

/** A group of donors with the part of the sentence their verbs may be in. */
interface Head extends Group {
  /** Where its verbs may begin: after its first donors ("Norway paid for, together with Denmark, …"). */
  readonly verbsFrom: number;
  /** Donors added inside the relative clause after the group; they share only its verbs. */
  readonly companions: string[];
  readonly relative: Span | null;
  /** The relative clause the group itself stands in, if any: its verbs are all it may take. */
  readonly within: Span | null;
}

export interface SentenceContext {
  /** Donors of the last claim before this sentence, for "It also pledged…". */
  readonly previousDonors: readonly string[] | null;
  /** The stage of the lead-in when the sentence is an item of a list ("The allies announced:" / "Germany — €2bn;"). */
  readonly listStage?: ExtractStage | null;
}

const CROWNS: Record<string, string> = { NO: 'NOK', SE: 'SEK', DK: 'DKK', CZ: 'CZK', IS: 'ISK' };
const inside = (span: Span) => (item: Span) => item.start >= span.start && item.start < span.end;

function findTriggers(sentence: string, words: Patterns): Trigger[] {
  const found: Trigger[] = [];
  for (const [pattern, stage] of words.triggers) {
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      const around = sentence.slice(Math.max(0, start - 40), Math.min(sentence.length, end + 60));
      const resolved: ExtractStage = stage === 'provided' ? (words.money.test(around) ? 'funded' : 'delivered') : stage;
      const future = words.future.test(sentence.slice(Math.max(0, start - 40), start));
      found.push({ stage: future ? 'pledged' : resolved, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Groups that only say who spoke ("…, the Czech Defence Ministry said", "— заявив міністр оборони Швеції") give
 * nothing themselves; when they speak in the first person ("we have paid"), they are the givers of the quote.
 */
function speakerGroups(sentence: string, groups: readonly Group[], words: Patterns) {
  const givers: Group[] = [];
  const quoting: Group[] = [];
  const firstPerson = words.firstPerson.test(sentence);
  groups.forEach((group, index) => {
    const before = sentence.slice(groups[index - 1]?.end ?? 0, group.start);
    const after = sentence.slice(group.end);
    const speaker =
      words.speechBefore.test(before) || (/,\s*(?:the\s+)?$/iu.test(before) && words.speechAfter.test(after));
    if (!speaker) givers.push(group);
    else if (firstPerson) quoting.push(group);
  });
  return { givers, quoting };
}

/** Relative clauses: from ", which" to the next comma, dash or semicolon. */
function relativeClauses(sentence: string, words: Patterns): Span[] {
  const spans: Span[] = [];
  for (const match of sentence.matchAll(words.relativeClause)) {
    const rest = sentence.slice(match.index + 1);
    const stop = rest.search(/[,;)]|\s-\s/u);
    spans.push({ start: match.index, end: stop < 0 ? sentence.length : match.index + 1 + stop });
  }
  return spans;
}

function headsOf(sentence: string, groups: readonly Group[], relatives: readonly Span[], words: Patterns): Head[] {
  const heads: {
    codes: string[];
    start: number;
    end: number;
    verbsFrom: number;
    companions: string[];
    relative: Span | null;
    within: Span | null;
  }[] = [];
  let leading = false;
  groups.forEach((group, index) => {
    const before = sentence.slice(groups[index - 1]?.end ?? 0, group.start);
    const within = relatives.find((span) => inside(span)(group)) ?? null;
    const last = heads.at(-1);
    const companion = words.companion.test(before) || (last !== undefined && words.with.test(before));
    if (companion && last && within && last.relative === within) {
      last.companions.push(...group.codes.filter((code) => !last.codes.includes(code)));
      return;
    }
    if ((companion || leading) && last && !within) {
      last.codes.push(...group.codes.filter((code) => !last.codes.includes(code)));
      last.end = group.end;
      if (leading) last.verbsFrom = group.end;
      leading = false;
      return;
    }
    // "узгоджений із Німеччиною": donors after a bare "with" and no donor before them are partners, not givers.
    if (
      !last &&
      words.with.test(before) &&
      !words.companion.test(before) &&
      words.instrumental.test(sentence.slice(group.start, group.end))
    )
      return;
    leading = companion && !last;
    const relative = relatives.find((span) => span.start >= group.end && span.start <= group.end + 2) ?? null;
    heads.push({
      codes: [...group.codes],
      start: group.start,
      end: group.end,
      verbsFrom: group.end,
      companions: [],
      relative,
      within,
    });
  });
  return heads;
}

/** The stage a list's lead-in gives its items ("Here is what the allies announced:"), or null. */
export function leadInStage(sentence: string, language: ExtractLanguage): ExtractStage | null {
  if (!/:\s*$/u.test(sentence)) return null;
  const words = patternsFor(language);
  const trigger = findTriggers(sentence, words)[0];
  if (
    !trigger ||
    words.hedge.test(sentence.slice(0, trigger.start)) ||
    words.negation.test(sentence.slice(0, trigger.start))
  )
    return null;
  return trigger.stage;
}

export function claimsOfSentence(
  sentence: string,
  language: ExtractLanguage,
  context: SentenceContext,
): ExtractedClaim[] {
  if (/\?\s*["»”]?$/u.test(sentence)) return [];
  const words = patternsFor(language);
  if (words.notAid.test(sentence)) return [];
  const triggers = findTriggers(sentence, words);
  const listed = triggers.length === 0 && context.listStage ? context.listStage : null;
  if (triggers.length === 0 && !listed) return [];
  const found = findAmounts(sentence, language);
  const amounts = found.filter((amount) => !amount.restated);
  if (amounts.length === 0 && !words.aid.test(sentence)) return [];
  const mentions = actors(sentence, findDonors(sentence, language), found, words);
  const relatives = relativeClauses(sentence, words);
  const speakers = speakerGroups(sentence, groupsOf(sentence, mentions, words), words);
  let heads = headsOf(sentence, speakers.givers, relatives, words);
  if (heads.length === 0 && context.previousDonors && words.anaphora.test(sentence)) {
    heads = [
      {
        codes: [...context.previousDonors],
        start: 0,
        end: 0,
        verbsFrom: 0,
        companions: [],
        relative: null,
        within: null,
      },
    ];
  }
  const oneClause =
    heads.length > 1 && !words.clauseBreak.test(sentence.slice(heads[0]?.end ?? 0, heads.at(-1)?.start ?? 0));
  if (oneClause && amounts.length === 1 && words.joint.test(sentence)) {
    const codes = [...new Set(heads.flatMap((head) => [...head.codes, ...head.companions]))];
    const end = heads.at(-1)?.end ?? 0;
    heads = [
      {
        codes,
        start: heads[0]?.start ?? 0,
        end,
        verbsFrom: heads[0]?.verbsFrom ?? end,
        companions: [],
        relative: null,
        within: null,
      },
    ];
  }
  const mechanism = MECHANISM.test(sentence) ? 'PURL' : null;
  const claims: ExtractedClaim[] = [];
  // «We have paid in full», said Sweden's defence minister: the speaker's state is the giver of a first-person quote.
  for (const speaker of speakers.quoting) {
    const verb = triggers.find((trigger) => trigger.end <= speaker.start && !blocked(trigger, 0));
    if (verb)
      add(
        speaker.codes,
        verb.stage,
        amounts.filter((amount) => amount.end <= speaker.start).slice(0, 1),
        speaker.start,
      );
  }
  let inherited: Trigger | null = listed ? { stage: listed, start: 0, end: 0 } : null;

  heads.forEach((head, index) => {
    const previousEnd = heads[index - 1]?.end ?? 0;
    const regionEnd = Math.min(heads[index + 1]?.start ?? sentence.length, head.within?.end ?? sentence.length);
    // Verbs of a relative clause with donors of its own ("вертольоти, ремонт яких профінансувала Британія") are
    // theirs; a relative clause about what the donors gave ("пакет, перша частина якого надійшла") is about them too.
    const others = mentions.filter((mention) => mention.start < head.start || mention.start >= head.end);
    const foreign = (trigger: Trigger) =>
      relatives.some(
        (span) => span !== head.relative && span !== head.within && inside(span)(trigger) && others.some(inside(span)),
      );
    const forward = triggers
      .filter(inside({ start: head.verbsFrom, end: regionEnd }))
      .filter((trigger) => !foreign(trigger));
    const relative = head.relative;
    const backward = triggers
      .filter(inside({ start: Math.max(previousEnd, head.within?.start ?? 0), end: head.start }))
      .filter((trigger) => !words.clauseBreak.test(sentence.slice(trigger.end, head.start)))
      .at(-1);
    const passive = backward && /^[\s,]*(?:\p{L}+\s+){0,2}$/u.test(sentence.slice(backward.end, head.start));
    let used: Trigger | null = null;
    let carried: AmountMention[] = [];
    forward.forEach((trigger, at) => {
      const codes = relative && inside(relative)(trigger) ? [...head.codes, ...head.companions] : head.codes;
      const from = at === 0 ? head.verbsFrom : trigger.start;
      const to = forward[at + 1]?.start ?? regionEnd;
      let candidates = amounts.filter(inside({ start: from, end: to }));
      if (candidates.length === 0 && at === 0)
        candidates = amounts.filter(inside({ start: previousEnd, end: head.start })).slice(-1);
      if (candidates.length === 0) candidates = carried;
      // "has not yet transferred the €100 million it pledged": the sum of a negated verb goes to the next one.
      if (blocked(trigger, Math.max(previousEnd, head.start - 40))) {
        carried = candidates;
        return;
      }
      carried = [];
      used ??= trigger;
      add(codes, trigger.stage, candidates, head.start);
    });
    if (backward && (passive || forward.length === 0)) {
      const own = forward.length === 0 ? amounts.filter(inside({ start: head.end, end: regionEnd })) : [];
      const preceding = amounts
        .filter(inside({ start: Math.max(previousEnd, backward.start - 80), end: head.start }))
        .slice(-1);
      if (!blocked(backward, Math.max(previousEnd, backward.start - 40))) {
        used ??= backward;
        add(head.codes, backward.stage, own.length > 0 ? own : preceding, head.start);
      }
    }
    // "Україна отримала партію з пакета, який профінансували Швеція та Данія": what arrived is theirs.
    if (head.within && head.within !== heads[index - 1]?.relative) {
      const arrival = triggers
        .filter(inside({ start: previousEnd, end: head.within.start }))
        .find((trigger) => trigger.stage === 'delivered' && !blocked(trigger, previousEnd));
      if (arrival) add(head.codes, 'delivered', [], head.start);
    }
    // A later group without a verb of its own takes the last one that gave a claim; a negated verb passes on nothing.
    if (forward.length > 0 || backward) inherited = used;
    else if (inherited && !head.within && !words.relativeBefore.test(sentence.slice(previousEnd, head.start))) {
      if (
        !words.hedge.test(sentence.slice(head.start, regionEnd)) &&
        !words.negation.test(sentence.slice(head.end, regionEnd))
      ) {
        add(head.codes, inherited.stage, amounts.filter(inside({ start: head.end, end: regionEnd })), head.start);
      }
    }
  });
  return dedupe(claims);

  /** A hedge in the clause before the verb, a negation right before it, or a condition around it. */
  function blocked(trigger: Trigger, from: number): boolean {
    const before = sentence.slice(from, trigger.start);
    const after = sentence.slice(trigger.end, trigger.end + 80);
    const clauseAfter = after.split(words.clauseBreak)[0] ?? after;
    return (
      words.hedge.test(before) ||
      words.negation.test(sentence.slice(Math.max(0, trigger.start - 30), trigger.start)) ||
      words.condition.test(before) ||
      words.condition.test(clauseAfter)
    );
  }

  function add(
    codes: readonly string[],
    stage: ExtractStage,
    candidates: readonly AmountMention[],
    from: number,
  ): void {
    const [first, ...rest] = candidates;
    const donors = [...codes];
    if (donors.length > 1 && candidates.length === donors.length && words.respectively.test(sentence)) {
      donors.forEach((code, at) => {
        claims.push(claim([code], stage, amountFor(candidates[at], [code])));
      });
      return;
    }
    if (donors.length > 1 && words.each.test(sentence.slice(from))) {
      for (const code of donors) claims.push(claim([code], stage, amountFor(first, [code])));
      return;
    }
    claims.push(claim(donors, stage, amountFor(first, donors)));
    // "C$19.5 billion, including C$4.5 billion in military aid": a part stated beside the whole is a claim too; so is
    // a sum in a parallel clause with no verb of its own ("60 млрд на оборону, а 30 млрд – на бюджет").
    for (const part of rest) {
      const between = sentence.slice(first?.end ?? 0, part.start);
      const parallel =
        words.clauseBreak.test(between) && !triggers.some(inside({ start: first?.end ?? 0, end: part.start }));
      if (words.including.test(between) || parallel) {
        claims.push(claim(donors, stage, amountFor(part, donors)));
      }
    }
  }

  function claim(donors: string[], stage: ExtractStage, amount: ExtractedClaim['amount']): ExtractedClaim {
    return { donors, stage, amount, mechanism, evidence: sentence };
  }
}

function amountFor(amount: AmountMention | undefined, codes: readonly string[]): ExtractedClaim['amount'] {
  if (!amount) return null;
  if (amount.currency) return { value: amount.value, currency: amount.currency };
  const crowns = [...new Set(codes.map((code) => CROWNS[code]).filter((code) => code !== undefined))];
  return crowns.length === 1 && crowns[0] ? { value: amount.value, currency: crowns[0] } : null;
}

/** One claim per donors, stage and sum; a claim without a sum is dropped beside the same claim with one. */
function dedupe(claims: ExtractedClaim[]): ExtractedClaim[] {
  const key = (claim: ExtractedClaim) => JSON.stringify([[...claim.donors].sort(), claim.stage]);
  const withAmount = new Set(claims.filter((claim) => claim.amount).map(key));
  const seen = new Set<string>();
  return claims.filter((claim) => {
    if (!claim.amount && withAmount.has(key(claim))) return false;
    const full = JSON.stringify([key(claim), claim.amount]);
    if (seen.has(full)) return false;
    seen.add(full);
    return true;
  });
}
