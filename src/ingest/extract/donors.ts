/**
 * Donor names in English, Ukrainian and Russian, in every grammatical case.
 *
 * Country names come from CLDR (Node's ICU, `Intl.DisplayNames`); Ukrainian and Russian case endings are added to
 * their stems by rule. What CLDR does not hold is written here: short and older names (США, Британія, Holland),
 * adjectives and demonyms (Dutch, нідерландський, голландский) and capitals used for governments (Berlin, Осло).
 */
import type { ExtractLanguage } from './text.ts';

/** States that give aid to Ukraine, by ISO 3166-1 alpha-2; `EU` stands for the EU's institutions. */
const DONOR_STATES = [
  'AL',
  'AT',
  'AU',
  'BE',
  'BG',
  'CA',
  'CH',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'JP',
  'KR',
  'LT',
  'LU',
  'LV',
  'ME',
  'MK',
  'MT',
  'NL',
  'NO',
  'NZ',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'TR',
  'US',
] as const;

interface Forms {
  /** Extra names, matched with case endings in uk / ru. */
  readonly names?: Partial<Record<ExtractLanguage, readonly string[]>>;
  /** Adjective and demonym stems (uk / ru: without the ending; en: whole words). */
  readonly adjectives?: Partial<Record<ExtractLanguage, readonly string[]>>;
  /** Capitals standing for the government. */
  readonly capitals?: Partial<Record<ExtractLanguage, readonly string[]>>;
}

const FORMS: Record<string, Forms> = {
  AL: { adjectives: { en: ['Albanian'], uk: ['албанськ'], ru: ['албанск'] } },
  AT: {
    adjectives: { en: ['Austrian'], uk: ['австрійськ'], ru: ['австрийск'] },
    capitals: { en: ['Vienna'], uk: ['Відень', 'Відня'], ru: ['Вена'] },
  },
  AU: {
    adjectives: { en: ['Australian'], uk: ['австралійськ'], ru: ['австралийск'] },
    capitals: { en: ['Canberra'], uk: ['Канберра'], ru: ['Канберра'] },
  },
  BE: { adjectives: { en: ['Belgian'], uk: ['бельгійськ', 'бельгійц'], ru: ['бельгийск', 'бельгийц'] } },
  BG: { adjectives: { en: ['Bulgarian'], uk: ['болгарськ'], ru: ['болгарск'] } },
  CA: {
    names: { en: ['Canada'] },
    adjectives: { en: ['Canadian', 'Canadians'], uk: ['канадськ', 'канадц'], ru: ['канадск', 'канадц'] },
    capitals: { en: ['Ottawa'], uk: ['Оттава'], ru: ['Оттава'] },
  },
  CH: {
    adjectives: { en: ['Swiss'], uk: ['швейцарськ'], ru: ['швейцарск'] },
    capitals: { en: ['Bern'], uk: ['Берн'], ru: ['Берн'] },
  },
  CY: { adjectives: { en: ['Cypriot'], uk: ['кіпрськ'], ru: ['кипрск'] } },
  CZ: {
    names: { en: ['Czech Republic'], uk: ['Чеська Республіка'], ru: ['Чешская Республика'] },
    adjectives: { en: ['Czech', 'Czechs'], uk: ['чеськ', 'чех'], ru: ['чешск', 'чех'] },
    capitals: { en: ['Prague'], uk: ['Прага'], ru: ['Прага'] },
  },
  DE: {
    names: { uk: ['ФРН'], ru: ['ФРГ'] },
    adjectives: { en: ['German', 'Germans'], uk: ['німецьк', 'німц'], ru: ['немецк', 'германск', 'немц'] },
    capitals: { en: ['Berlin'], uk: ['Берлін'], ru: ['Берлин'] },
  },
  DK: {
    adjectives: { en: ['Danish', 'Danes'], uk: ['данськ', 'данц'], ru: ['датск', 'датчан'] },
    capitals: { en: ['Copenhagen'], uk: ['Копенгаген'], ru: ['Копенгаген'] },
  },
  EE: {
    adjectives: { en: ['Estonian', 'Estonians'], uk: ['естонськ'], ru: ['эстонск'] },
    capitals: { en: ['Tallinn'], uk: ['Таллінн'], ru: ['Таллин', 'Таллинн'] },
  },
  ES: {
    adjectives: { en: ['Spanish'], uk: ['іспанськ'], ru: ['испанск'] },
    capitals: { en: ['Madrid'], uk: ['Мадрид'], ru: ['Мадрид'] },
  },
  FI: {
    adjectives: { en: ['Finnish', 'Finns'], uk: ['фінськ', 'фінляндськ'], ru: ['финск', 'финляндск'] },
    capitals: { en: ['Helsinki'], uk: ['Гельсінкі'], ru: ['Хельсинки'] },
  },
  FR: {
    adjectives: { en: ['French'], uk: ['французьк'], ru: ['французск'] },
    capitals: { en: ['Paris'], uk: ['Париж'], ru: ['Париж'] },
  },
  GB: {
    names: {
      en: ['Britain', 'Great Britain', 'UK', 'U.K.'],
      uk: ['Британія', 'Великобританія', 'Сполучене Королівство'],
      ru: ['Британия', 'Соединенное Королевство'],
    },
    adjectives: { en: ['British'], uk: ['британськ', 'британц'], ru: ['британск', 'британц'] },
    capitals: { en: ['London'], uk: ['Лондон'], ru: ['Лондон'] },
  },
  GR: { adjectives: { en: ['Greek'], uk: ['грецьк'], ru: ['греческ'] } },
  HR: { adjectives: { en: ['Croatian'], uk: ['хорватськ'], ru: ['хорватск'] } },
  HU: { adjectives: { en: ['Hungarian'], uk: ['угорськ'], ru: ['венгерск'] } },
  IE: {
    adjectives: { en: ['Irish'], uk: ['ірландськ'], ru: ['ирландск'] },
    capitals: { en: ['Dublin'], uk: ['Дублін'], ru: ['Дублин'] },
  },
  IS: {
    adjectives: { en: ['Icelandic'], uk: ['ісландськ'], ru: ['исландск'] },
    capitals: { en: ['Reykjavik'], uk: ["Рейк'явік"], ru: ['Рейкьявик'] },
  },
  IT: {
    adjectives: { en: ['Italian'], uk: ['італійськ'], ru: ['итальянск'] },
    capitals: { en: ['Rome'], uk: ['Рим'], ru: ['Рим'] },
  },
  JP: {
    adjectives: { en: ['Japanese'], uk: ['японськ'], ru: ['японск'] },
    capitals: { en: ['Tokyo'], uk: ['Токіо'], ru: ['Токио'] },
  },
  KR: {
    names: { en: ['Republic of Korea'], uk: ['Республіка Корея'], ru: ['Южная Корея'] },
    adjectives: { en: ['South Korean'], uk: ['південнокорейськ'], ru: ['южнокорейск'] },
    capitals: { en: ['Seoul'], uk: ['Сеул'], ru: ['Сеул'] },
  },
  LT: {
    adjectives: { en: ['Lithuanian', 'Lithuanians'], uk: ['литовськ'], ru: ['литовск'] },
    capitals: { en: ['Vilnius'], uk: ['Вільнюс'], ru: ['Вильнюс'] },
  },
  LU: { adjectives: { en: ['Luxembourgish'], uk: ['люксембурзьк'], ru: ['люксембургск'] } },
  LV: {
    adjectives: { en: ['Latvian', 'Latvians'], uk: ['латвійськ'], ru: ['латвийск'] },
    capitals: { en: ['Riga'], uk: ['Рига'], ru: ['Рига'] },
  },
  ME: { adjectives: { en: ['Montenegrin'], uk: ['чорногорськ'], ru: ['черногорск'] } },
  MK: { adjectives: { en: ['North Macedonian'], uk: ['північномакедонськ'], ru: ['северомакедонск'] } },
  MT: { adjectives: { en: ['Maltese'], uk: ['мальтійськ'], ru: ['мальтийск'] } },
  NL: {
    names: { en: ['the Netherlands', 'Holland'], uk: ['Голландія'], ru: ['Голландия'] },
    adjectives: {
      en: ['Dutch'],
      uk: ['нідерландськ', 'голландськ', 'нідерландц'],
      ru: ['нидерландск', 'голландск', 'нидерландц'],
    },
    capitals: { en: ['The Hague', 'Amsterdam'], uk: ['Гаага', 'Амстердам'], ru: ['Гаага', 'Амстердам'] },
  },
  NO: {
    adjectives: { en: ['Norwegian', 'Norwegians'], uk: ['норвезьк', 'норвежц'], ru: ['норвежск', 'норвежц'] },
    capitals: { en: ['Oslo'], uk: ['Осло'], ru: ['Осло'] },
  },
  NZ: { adjectives: { en: ['New Zealand'], uk: ['новозеландськ'], ru: ['новозеландск'] } },
  PL: {
    adjectives: { en: ['Polish'], uk: ['польськ'], ru: ['польск'] },
    capitals: { en: ['Warsaw'], uk: ['Варшава'], ru: ['Варшава'] },
  },
  PT: {
    adjectives: { en: ['Portuguese'], uk: ['португальськ'], ru: ['португальск'] },
    capitals: { en: ['Lisbon'], uk: ['Лісабон'], ru: ['Лиссабон'] },
  },
  RO: {
    adjectives: { en: ['Romanian'], uk: ['румунськ'], ru: ['румынск'] },
    capitals: { en: ['Bucharest'], uk: ['Бухарест'], ru: ['Бухарест'] },
  },
  SE: {
    adjectives: { en: ['Swedish', 'Swedes'], uk: ['шведськ', 'шведи', 'шведів'], ru: ['шведск', 'шведы', 'шведов'] },
    capitals: { en: ['Stockholm'], uk: ['Стокгольм'], ru: ['Стокгольм'] },
  },
  SI: { adjectives: { en: ['Slovenian'], uk: ['словенськ'], ru: ['словенск'] } },
  SK: { adjectives: { en: ['Slovak'], uk: ['словацьк'], ru: ['словацк'] } },
  TR: {
    names: { en: ['Turkey'], uk: ['Туреччина'], ru: ['Турция'] },
    adjectives: { en: ['Turkish'], uk: ['турецьк'], ru: ['турецк'] },
    capitals: { en: ['Ankara'], uk: ['Анкара'], ru: ['Анкара'] },
  },
  TW: {
    adjectives: { en: ['Taiwanese'], uk: ['тайванськ'], ru: ['тайваньск'] },
    capitals: { en: ['Taipei'], uk: ['Тайбеї'], ru: ['Тайбэ'] },
  },
  US: {
    names: {
      en: ['US', 'U.S.', 'USA', 'America', 'the United States of America'],
      uk: ['США', 'Сполучені Штати', 'Америка'],
      ru: ['США', 'Соединенные Штаты', 'Америка'],
    },
    adjectives: { en: ['American', 'Americans'], uk: ['американськ', 'американц'], ru: ['американск', 'американц'] },
    capitals: { en: ['Washington'], uk: ['Вашингтон'], ru: ['Вашингтон'] },
  },
  EU: {
    names: {
      en: [
        'EU',
        'European Union',
        'European Commission',
        'the Commission',
        'European Council',
        'European Investment Bank',
      ],
      uk: ['ЄС', 'Євросоюз', 'Європейський Союз', 'Європейська Комісія', 'Єврокомісія', 'Європейська Рада'],
      ru: ['ЕС', 'Евросоюз', 'Европейский Союз', 'Европейская Комиссия', 'Еврокомиссия', 'Европейский Совет'],
    },
  },
};

/** Case endings of Ukrainian and Russian nouns and adjectives; a stem takes one of them or none. */
const NOUN_ENDINGS =
  '(?:ами|ями|ією|ией|ою|ею|єю|ей|ой|ом|ем|ові|ів|ов|ам|ям|ах|ях|ії|ію|ія|ии|ию|ия|а|я|и|і|ї|у|ю|е|є|о|ы)';
const ADJECTIVE_ENDINGS = '\\p{Ll}{0,4}';
const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}])';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The stem of a Ukrainian or Russian word: its final vowel (or the "я" of "-ія / -ия") taken off. */
function stemOf(word: string): string {
  if (/[іи]я$/u.test(word)) return word.slice(0, -1);
  if (/[аяиіыоеь]$/u.test(word) && word.length > 4) return word.slice(0, -1);
  return word;
}

/** A pattern for a name of one or more words, each word in any case. Acronyms stay as they are. */
function inflectedName(name: string, language: ExtractLanguage): string {
  if (language === 'en') return escapeRegExp(name).replace(/ /g, '\\s+');
  const words = name.split(/\s+/);
  return words
    .map((word, index) => {
      if (/^\p{Lu}{2,}$/u.test(word)) return escapeRegExp(word);
      const first = index === 0 ? escapeRegExp : anyCaseFirst;
      // Words before the last agree with it, as adjectives do ("Сполученими Штатами").
      if (index < words.length - 1)
        return first(word.replace(/(?:ий|ый|ой|ій|ая|яя|ое|ее|ые|ие|і|а|е)$/u, '')) + ADJECTIVE_ENDINGS;
      const stem = first(stemOf(word));
      // A stem cut from the word needs its ending back ("Данія" → "Дані" + "ї", never bare "Дані").
      return stem + NOUN_ENDINGS + (stemOf(word) === word ? '?' : '');
    })
    .join('\\s+');
}

/** A word whose first letter may be either case ("Європейський союз", "Европейская Комиссия"). */
function anyCaseFirst(word: string): string {
  const first = word.charAt(0);
  return `[${first.toLowerCase()}${first.toUpperCase()}]${escapeRegExp(word.slice(1))}`;
}

/** An adjective stem with either first letter case; endings follow. English demonyms are whole words. */
function adjective(stem: string, language: ExtractLanguage): string {
  if (language === 'en') return `${escapeRegExp(stem)}(?:'s)?`;
  return anyCaseFirst(stem) + ADJECTIVE_ENDINGS;
}

export type DonorForm = 'name' | 'adjective' | 'capital';

export interface DonorMention {
  readonly code: string;
  readonly form: DonorForm;
  readonly start: number;
  readonly end: number;
}

const displayNames = new Map<ExtractLanguage, Intl.DisplayNames>();
function cldrName(code: string, language: ExtractLanguage): string | undefined {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region' });
    displayNames.set(language, names);
  }
  return code === 'EU' ? undefined : names.of(code);
}

interface Alternative {
  readonly group: string;
  readonly code: string;
  readonly form: DonorForm;
}

function buildMatcher(language: ExtractLanguage): { pattern: RegExp; alternatives: Alternative[] } {
  const parts: string[] = [];
  const alternatives: Alternative[] = [];
  for (const code of [...DONOR_STATES, 'EU']) {
    const forms = FORMS[code] ?? {};
    const cldr = cldrName(code, language);
    const names = [...(cldr ? [cldr] : []), ...(forms.names?.[language] ?? [])];
    const add = (form: DonorForm, patterns: string[]) => {
      if (patterns.length === 0) return;
      const group = `${code}_${form}`;
      alternatives.push({ group, code, form });
      parts.push(`(?<${group}>${patterns.join('|')})`);
    };
    // Longer names first, so "Great Britain" wins over "Britain".
    const byLength = (a: string, b: string) => b.length - a.length;
    add(
      'name',
      names.sort(byLength).map((name) => inflectedName(name, language)),
    );
    add(
      'adjective',
      [...(forms.adjectives?.[language] ?? [])].sort(byLength).map((stem) => adjective(stem, language)),
    );
    add(
      'capital',
      (forms.capitals?.[language] ?? []).map((name) => inflectedName(name, language)),
    );
  }
  return { pattern: new RegExp(`${LETTER_BEFORE}(?:${parts.join('|')})${LETTER_AFTER}`, 'gu'), alternatives };
}

const matchers = new Map<ExtractLanguage, ReturnType<typeof buildMatcher>>();

/** Every donor named in the text, in order. */
export function findDonors(text: string, language: ExtractLanguage): DonorMention[] {
  let matcher = matchers.get(language);
  if (!matcher) {
    matcher = buildMatcher(language);
    matchers.set(language, matcher);
  }
  const mentions: DonorMention[] = [];
  for (const match of text.matchAll(matcher.pattern)) {
    const hit = matcher.alternatives.find((alternative) => match.groups?.[alternative.group] !== undefined);
    if (hit) mentions.push({ code: hit.code, form: hit.form, start: match.index, end: match.index + match[0].length });
  }
  return mentions;
}
