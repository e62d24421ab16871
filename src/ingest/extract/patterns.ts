/** The lexicon of each language compiled once into the patterns the claim finder runs. */
import { LEXICONS, type TriggerStage } from './lexicon.ts';
import type { ExtractLanguage } from './text.ts';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

export interface Patterns {
  readonly triggers: readonly (readonly [RegExp, TriggerStage])[];
  readonly future: RegExp;
  readonly hedge: RegExp;
  readonly negation: RegExp;
  readonly condition: RegExp;
  readonly aid: RegExp;
  readonly money: RegExp;
  readonly joint: RegExp;
  readonly each: RegExp;
  readonly respectively: RegExp;
  readonly connectors: RegExp;
  readonly companion: RegExp;
  /** A bare "with" before donors in the instrumental case: companions when a group came before. */
  readonly with: RegExp;
  /** A donor's name in the instrumental case (uk / ru); in English any name. */
  readonly instrumental: RegExp;
  readonly including: RegExp;
  readonly relativeClause: RegExp;
  readonly relativeBefore: RegExp;
  readonly clauseBreak: RegExp;
  readonly places: RegExp;
  readonly attribution: RegExp;
  readonly notActors: RegExp;
  readonly sellers: RegExp;
  readonly purchase: RegExp;
  readonly weapons: RegExp;
  readonly notAid: RegExp;
  readonly anaphora: RegExp;
  readonly speechBefore: RegExp;
  readonly speechAfter: RegExp;
  readonly firstPerson: RegExp;
  readonly euAttribute: RegExp;
  readonly euMembers: RegExp;
}

const compiled = new Map<ExtractLanguage, Patterns>();

export function patternsFor(language: ExtractLanguage): Patterns {
  const cached = compiled.get(language);
  if (cached) return cached;
  const l = LEXICONS[language];
  const word = (pattern: string, flags = 'iu') => new RegExp(`${B}${pattern}${E}`, flags);
  const patterns: Patterns = {
    triggers: l.triggers.map(([pattern, stage]) => [word(pattern, 'giu'), stage] as const),
    future: new RegExp(`${B}${l.future}`, 'iu'),
    hedge: word(l.hedges),
    negation: new RegExp(`${B}${l.negations}`, 'iu'),
    condition: word(l.conditions),
    aid: new RegExp(`${B}${l.aid}`, 'iu'),
    money: new RegExp(`${B}${l.money}`, 'iu'),
    joint: word(l.joint),
    each: word(l.each),
    respectively: word(l.respectively),
    connectors: new RegExp(`^(?:\\s|${l.connectors}${E})*$`, 'iu'),
    companion: new RegExp(`${B}${l.companion}\\s*$`, 'iu'),
    with: new RegExp(`${B}${l.with}\\s*$`, 'iu'),
    instrumental: new RegExp(language === 'en' ? '.' : '(?:ою|єю|ею|ами|ями|ом|ем|ім|им|ими|ой|ей)$', 'u'),
    including: word(l.including),
    relativeClause: new RegExp(`[,(]\\s*(?:\\p{L}+\\s+){0,2}?${l.relative}${E}`, 'giu'),
    relativeBefore: new RegExp(`${B}${l.relative}${E}[^,;]*$`, 'iu'),
    clauseBreak: new RegExp(l.clauseBreak, 'iu'),
    places: new RegExp(`${B}${l.places}`, 'iu'),
    attribution: new RegExp(`${B}${l.attribution}`, 'iu'),
    notActors: new RegExp(`^(?:\\s+|-)(?:[\\p{L}-]+\\s+)?${l.notActors}`, 'iu'),
    sellers: new RegExp(`${B}${l.sellers}$`, 'iu'),
    purchase: new RegExp(`${B}${l.purchase}`, 'iu'),
    weapons: new RegExp(`^[\\s-]*(?:\\p{L}+[\\s-]+)?${l.weapons}`, 'iu'),
    notAid: new RegExp(`${B}${l.notAid}`, 'iu'),
    anaphora: new RegExp(l.anaphora, 'iu'),
    speechBefore: new RegExp(`${B}${l.speechBefore}\\s+(?:[\\p{L}'’.-]+\\s+){0,4}$`, 'iu'),
    speechAfter: new RegExp(
      `^(?:[\\s,]+[\\p{L}'’.-]+){0,6}?\\s+${l.speechAfter}(?:\\s+(?:on|in|at|to)\\s+[\\p{L}\\d ]+)?[\\s."»]*$`,
      'iu',
    ),
    firstPerson: word(l.firstPerson),
    euAttribute: new RegExp(`^\\s*${l.euAttribute}`, 'iu'),
    euMembers: new RegExp(`${B}${l.euMembers}\\s*$`, 'iu'),
  };
  compiled.set(language, patterns);
  return patterns;
}
