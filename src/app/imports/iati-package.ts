/**
 * What an IATI activity gives its package, read without the ledger: category (from the first DAC sector), target
 * value (from the budget, else the transactions), the day it was proposed, title and line.
 */
import { CATEGORIES } from '../../domain/categories.ts';
import type { LocalizedText } from '../../domain/facts.ts';
import { addMoney, formatMoney, type Money, type MoneyJson } from '../../domain/money.ts';
import type { IatiActivity, Narrative } from '../../ingest/formats/iati-types.ts';
import { localized } from './iati-organisations.ts';

/** Transaction types by the stage they give a contribution; other types (interest, loans, equity…) give none. */
export const STAGE_OF: Readonly<Record<string, 'pledge' | 'commit' | 'pay'>> = {
  '12': 'pledge',
  '13': 'pledge',
  '2': 'commit',
  '11': 'commit',
  '1': 'pay',
  '3': 'pay',
  '4': 'pay',
};

/** IATI SectorVocabulary 1 (DAC 5-digit) and 2 (DAC 3-digit). */
const DAC_VOCABULARIES = new Set(['1', '2']);
/** DAC 3-digit sectors of humanitarian aid besides 720 (emergency response): reconstruction, disaster prevention. */
const HUMANITARIAN_GROUPS = new Set(['720', '730', '740']);
/** When several categories share a DAC code (15250 is every equipment kind), the generic one. */
const GENERIC = 'other-equipment';

/**
 * The category of the first DAC sector: the category with its 5-digit code, else one in its 3-digit group (DAC 152
 * → the generic equipment category, 510 → financial, 720/730/740 → humanitarian). With no DAC sector, or one that
 * matches no category: `humanitarian` for an activity marked humanitarian, else `financial`.
 */
export function categoryOf(activity: IatiActivity): string {
  const sector = activity.sectors.find((candidate) => DAC_VOCABULARIES.has(candidate.vocabulary));
  const code = sector?.code.trim() ?? '';
  const exact = CATEGORIES.filter((category) => category.dacSector === code);
  const group = code.slice(0, 3);
  const matches =
    exact.length > 0
      ? exact
      : HUMANITARIAN_GROUPS.has(group)
        ? CATEGORIES.filter((category) => category.id === 'humanitarian')
        : CATEGORIES.filter((category) => group.length === 3 && category.dacSector.startsWith(group));
  const chosen = matches.length > 1 ? (matches.find((category) => category.id === GENERIC) ?? matches[0]) : matches[0];
  return chosen?.id ?? (activity.humanitarian ? 'humanitarian' : 'financial');
}

/** The sum of the amounts in the currency of the first; amounts in other currencies are left out. */
function sum(amounts: readonly Money[]): Money | null {
  const [first] = amounts;
  if (!first) return null;
  return amounts
    .filter((amount) => amount.currency === first.currency)
    .reduce((total, amount) => addMoney(total, amount), { currency: first.currency, minor: 0n });
}

/**
 * The package's target: the activity's budgets (the revised ones when there are any, else the original ones), else
 * its commitments, else its pledges, else its payments; each summed in the currency of the first. Null when the
 * activity has none of them (or they add up to zero).
 */
export function targetOf(activity: IatiActivity): MoneyJson | null {
  const revised = activity.budgets.filter((budget) => budget.type === '2');
  const budgets = revised.length > 0 ? revised : activity.budgets.filter((budget) => budget.type === '1');
  const ofStage = (stage: string) =>
    activity.transactions.filter((tx) => STAGE_OF[tx.type.code] === stage).map((tx) => tx.value.money);
  for (const amounts of [
    budgets.map((budget) => budget.value.money),
    ofStage('commit'),
    ofStage('pledge'),
    ofStage('pay'),
  ]) {
    const total = sum(amounts);
    if (total && total.minor > 0n) return formatMoney(total);
  }
  return null;
}

/**
 * The day the package was proposed: the earliest of the activity's start dates (planned or actual) and its
 * transaction dates that is not after today; today when there is none.
 */
export function proposedOn(activity: IatiActivity, today: string): string {
  const days = [
    ...activity.dates
      .filter((date) => date.type.name === 'planned-start' || date.type.name === 'actual-start')
      .map((date) => date.date),
    ...activity.transactions.map((tx) => tx.date),
  ].filter((day) => day <= today);
  return days.sort()[0] ?? today;
}

/**
 * The title in uk / en / ru, as the activity gives them. A title in none of these languages keeps its first
 * narrative as the en title, so the package has one.
 */
export function titleOf(activity: IatiActivity): LocalizedText {
  const own = localized(activity.title);
  const first = activity.title[0]?.text;
  return Object.keys(own).length > 0 || first === undefined ? own : { en: first };
}

/** Text in one language for a line: en, else uk, else ru, else the first narrative. */
function oneLanguage(narratives: readonly Narrative[]): string | undefined {
  const own = localized(narratives);
  return own.en ?? own.uk ?? own.ru ?? narratives[0]?.text;
}

/** The package's one line: the activity's general description (else its title), the activity as a whole. */
export function lineOf(activity: IatiActivity): { lineId: string; description: string } {
  const general = activity.descriptions.find((description) => description.type === null || description.type === '1');
  const description = oneLanguage(general?.narratives ?? []) ?? oneLanguage(activity.title) ?? activity.identifier;
  return { lineId: '1', description: description.slice(0, 2000) };
}
