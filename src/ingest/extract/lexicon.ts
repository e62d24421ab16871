/**
 * The words that make a sentence a statement of aid, per language: the verbs of each stage, the words that hedge or
 * negate them, the words of aid, joint funding and the PURL mechanism. Patterns are matched case-insensitively on text
 * folded by `foldForMatching` (one apostrophe, one dash, "е" for "ё").
 */
import type { ExtractLanguage } from './text.ts';

export type ExtractStage = 'pledged' | 'funded' | 'delivered';

/** "provided / надала / предоставила": funded when the object is money, else delivered. */
export type TriggerStage = ExtractStage | 'provided';

interface Lexicon {
  readonly triggers: readonly (readonly [string, TriggerStage])[];
  /** Words before a past-tense verb that put it in the future ("will be delivered", "is to be paid"). */
  readonly future: string;
  readonly hedges: string;
  readonly negations: string;
  readonly aid: string;
  readonly money: string;
  readonly joint: string;
  readonly each: string;
  readonly respectively: string;
  /** Words that join donors into one group ("Norway, Poland and Germany"). */
  readonly connectors: string;
  /** Prepositions that make a country a place, not an actor ("in Germany", "у Німеччині"). */
  readonly places: string;
  /** Prepositions that make the United States the seller ("from the US", "у США"). */
  readonly sellers: string;
  readonly purchase: string;
  readonly weapons: string;
  /** Sentence openings that refer to the donor of the sentence before ("It also…", "Країна також…"). */
  readonly anaphora: string;
  /** "together with", "разом із": the donors after it join the group before (or after) it. */
  readonly companion: string;
  /** "including", "у тому числі": a part of a sum stated beside it. */
  readonly including: string;
  /** Words after "EU" that make it an attribute or the club of its members ("EU accession", "EU countries"). */
  readonly euAttribute: string;
  /** Words before "ЄС / ЕС" that make it the club of its members ("країни ЄС", "members of the EU"). */
  readonly euMembers: string;
}

const EN: Lexicon = {
  triggers: [
    [
      '(?:will|would|shall|to)\\s+(?:\\w+\\s+){0,2}?(?:fund|finance|pay|provide|send|supply|deliver|contribute|allocate|cover|buy|purchase|give|transfer|donate|add|spend|invest|hand\\s+over)',
      'pledged',
    ],
    ['announc(?:e|es|ed|ing|ement)', 'pledged'],
    ['pledg(?:e|es|ed|ing)', 'pledged'],
    ['promis(?:e|es|ed|ing)', 'pledged'],
    ['commit(?:s|ted|ting|ment)?', 'pledged'],
    ['allocat(?:e|es|ed|ing|ion)', 'pledged'],
    ['earmark(?:s|ed|ing)?', 'pledged'],
    ['(?:unveil|present|launch)(?:s|ed|ing)?', 'pledged'],
    ['approv(?:e|es|ed|ing)', 'pledged'],
    ['(?:agreed|decided|signed\\s+up|undertook|offered)\\s+to', 'pledged'],
    ['sign(?:s|ed)\\s+(?:an?\\s+)?(?:agreement|deal|contract|memorandum)', 'pledged'],
    ['join(?:s|ed)', 'pledged'],
    ['(?:paid|pays|paying)(?:\\s+for)?', 'funded'],
    ['(?:financed|funded|transferred|disbursed|contributed|bankrolled)', 'funded'],
    ['(?:finances|funds|covers|covered)\\s+(?:the|a|an|its)', 'funded'],
    ['arriv(?:e|es|ed|ing)', 'delivered'],
    ['delivered', 'delivered'],
    ['(?:received|receives)', 'delivered'],
    ['handed\\s+over', 'delivered'],
    ['(?:reached|entered)\\s+ukraine', 'delivered'],
    ['(?:shipped|sent|supplied|donated|transferred)', 'delivered'],
    ['(?:provided|secured|made\\s+(?:a\\s+|its\\s+)?contributions?)', 'provided'],
  ],
  future:
    '(?:will|would|shall|to|is\\s+to|are\\s+to|set\\s+to|going\\s+to|due\\s+to|expected\\s+to)\\s+(?:\\w+\\s+){0,2}?(?:be\\s+)?$',
  hedges:
    '(?:may|might|could|would|consider(?:s|ing|ed)?|discuss(?:es|ing|ed)?|mull(?:s|ing|ed)?|weigh(?:s|ing)?|if|whether|unless|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\\s+on|appeal(?:s|ed)?|ask(?:s|ed|ing)|hope[sd]?|likely|wants?\\s+to|seek(?:s|ing)?|propos(?:e|es|ed|ing)|plans?\\s+to|intends?\\s+to|reportedly|rumou?red|expects?|expected|possible|possibly)',
  negations: "(?:not|n't|never|no\\s+longer|yet\\s+to|failed\\s+to|refused|declined)",
  aid: '(?:aid|assistance|package|support|weapon|arms|military|fund|financ|money|PURL|air\\s+defen|Patriot|HIMARS|missile|ammunition|munition|shell|equipment|drone|tranche|contribution|grant|loan|howitzer|interceptor|vehicle|tank|system|supplies|donation|budget)',
  money: '(?:funding|financ|money|cash|budget|grant|loan)',
  joint: '(?:together|jointly|joint|combined|between\\s+them|collectively)',
  each: '(?:each|apiece)',
  respectively: 'respectively',
  connectors: '(?:,|and|&|as\\s+well\\s+as|together\\s+with|along\\s+with|with|plus|the|\\(|\\)|:|-)',
  places: '(?:in|at|near|to|visit(?:ed|ing)?)\\s+(?:the\\s+)?$',
  sellers: '(?:from|of|by)\\s+(?:the\\s+)?$',
  purchase: '(?:buy|bought|purchas|procur|sale|sell|sold|stock)',
  weapons:
    '(?:weapons?|arms|equipment|systems?|munitions?|missiles?|air\\s+defen[cs]e|Patriot|HIMARS|made|industry|manufactur|stockpiles?|stocks?|defen[cs]e\\s+(?:companies|industry|firms))',
  anaphora: '^(?:it|they|the\\s+country|the\\s+government|its\\s+government|the\\s+kingdom|the\\s+ministry)\\b',
  companion: '(?:together|jointly|along)\\s+with',
  including: '(?:including|of\\s+which|among\\s+them)',
  euAttribute: '(?:accession|membership|member|members|countries|states|leaders|partners|allies|nations|level|law|rules|integration|candidate|summit|foreign\\s+ministers|defen[cs]e\\s+ministers)',
  euMembers: '(?:members?\\s+of\\s+the|countries\\s+of\\s+the|outside\\s+the|join(?:ing|ed)?\\s+the)',
};

const UK: Lexicon = {
  triggers: [
    ['(?:оголоси(?:ла|ли|в|ть|ло)|оголошу(?:є|ють)|оголошен\\p{L}*|анонсува\\p{L}*|анонсу(?:є|ють))', 'pledged'],
    ['(?:пообіця\\p{L}*|обіця(?:є|ють|ла|ли|в))', 'pledged'],
    ["(?:зобов'яза\\p{L}*)", 'pledged'],
    ['(?:виділ(?:ить|ять|яє|яють|ила|или|ив|ило|ено|ена|ені|ених|ений|еного)|виділятим\\p{L}*)', 'pledged'],
    [
      '(?:профінансу(?:є|ють)|фінансуватим\\p{L}*|оплат(?:ить|ять)|сплат(?:ить|ять)|нада(?:сть|дуть)|переда(?:сть|дуть)|спряму(?:є|ють)|закуп(?:ить|лять)|придба(?:є|ють)|вкладе|інвестує|внесе|доставить|доставлять|постав(?:ить|лять))',
      'pledged',
    ],
    [
      '(?:спрямува(?:ла|ли|в)|погоди(?:лася|лися|вся|лись)|виріши(?:ла|ли|в)|підписа(?:ла|ли|в)|затверди(?:ла|ли|в)|схвали(?:ла|ли|в)|долучи(?:лася|лися|вся|лись)|приєдна(?:лася|лися|вся|лись))',
      'pledged',
    ],
    [
      '(?:сплати(?:ла|ли|в|ло)|оплати(?:ла|ли|в|ло)|оплачен\\p{L}*|сплачен\\p{L}*|профінансува(?:ла|ли|в|ло)|профінансован\\p{L}*|фінансува(?:ла|ли|в)|перераху(?:вала|вали|вав)|перерахован\\p{L}*|виплати(?:ла|ли|в)|внес(?:ла|ли|ло)|покри(?:ла|ли|в))',
      'funded',
    ],
    [
      '(?:прибу(?:в|ла|ли|ло)|надійш(?:ов|ла|ли|ло)|отрима(?:ла|ли|в|ло)|одержа(?:ла|ли|в)|переда(?:ла|ли|в|но|ні|ний|на)|доставле\\p{L}*|достави(?:ла|ли|в)|постави(?:ла|ли|в)|поставлен\\p{L}*|надісла(?:ла|ли|в)|відправи(?:ла|ли|в)|відправлен\\p{L}*|дійш(?:ов|ла|ли)|вже\\s+в\\s+Україні)',
      'delivered',
    ],
    ['(?:нада(?:ла|ли|в|но)|наданий|надана|надані|забезпечи(?:ла|ли|в)|внес(?:ок|ки)\\s+зроби(?:ла|ли|в)|зроби(?:ла|ли|в)\\s+(?:\\p{L}+\\s+)?внес(?:ок|ки))', 'provided'],
  ],
  future: '(?:буде|будуть|має\\s+бути|мають\\s+бути|планується|мають|має)\\s+$',
  hedges:
    '(?:може|можуть|міг\\s+би|могла\\s+б|могли\\s+б|могла\\s+би|розгляда\\p{L}*|обговорю\\p{L}*|обговорю(?:є|ють)|якщо|чи|закликав|закликала|закликали|закликає|просить|просив|просила|попроси\\p{L}*|сподіва\\p{L}*|очіку\\p{L}*|план(?:ує|ують|ували|увала)|має\\s+намір|мають\\s+намір|пропону\\p{L}*|запропонува\\p{L}*|імовірно|ймовірно|можливо|хоче|хочуть|хотіла\\s+б|вивча\\p{L}*|готова\\s+розглянути)',
  negations: '(?:не|ні|ніколи|відмови\\p{L}*)',
  aid: '(?:допомог|пакет|підтримк|зброї|зброю|зброя|озброєн|військов|фінанс|кошт|PURL|ППО|протиповітрян|Patriot|HIMARS|ракет|боєприпас|снаряд|техні|дрон|транш|внес|грант|кредит|обладнан|систем|постач|бюджет)',
  money: '(?:фінанс|кошт|грош|бюджет|грант|кредит)',
  joint: '(?:спільн\\p{L}*|разом|сукупно|спільними\\s+зусиллями)',
  each: '(?:кожна|кожен|кожне|кожній|кожному|по)',
  respectively: 'відповідно',
  connectors: '(?:,|і|й|та|а\\s+також|разом\\s+(?:з|із)|спільно\\s+(?:з|із)|з|із|\\(|\\)|:|-)',
  places: '(?:у|в|на|під|до|біля|поблизу)\\s+$',
  sellers: '(?:у|в|від|із|з)\\s+$',
  purchase: '(?:закуп|купів|купу|придба|продаж|прода)',
  weapons: '(?:зброї|зброю|озброєн|систем|виробництва|виробник|оборонн|запас|ракет|боєприпас|Patriot|HIMARS|ППО|техні)',
  anaphora: '^(?:вона|вони|країна|уряд|крім\\s+того,\\s+країна)(?![\\p{L}])',
  companion: '(?:разом|спільно)\\s+(?:з|із|зі)',
  including: "(?:у\\s+тому\\s+числі|в\\s+тому\\s+числі|включно\\s+(?:з|із)|з\\s+них|зокрема)",
  euAttribute: '(?:член\\p{L}*|країн\\p{L}*|держав\\p{L}*|лідер\\p{L}*|партнер\\p{L}*|союзник\\p{L}*|рівн\\p{L}*|правил\\p{L}*|саміт\\p{L}*)',
  euMembers: '(?:країн\\p{L}*|держав\\p{L}*|член\\p{L}*|членств\\p{L}*\\s+(?:в|у)|вступ\\p{L}*\\s+(?:до|в|у)|лідер\\p{L}*|міністр\\p{L}*|посл\\p{L}*)',
};

const RU: Lexicon = {
  triggers: [
    ['(?:объяви(?:ла|ли|л|т|ло)|объявля(?:ет|ют)|объявлен\\p{L}*|анонсирова\\p{L}*|анонсиру(?:ет|ют))', 'pledged'],
    ['(?:пообеща\\p{L}*|обеща(?:ет|ют|ла|ли|л))', 'pledged'],
    ['(?:обяза(?:лась|лись|лся|тельств\\p{L}*))', 'pledged'],
    ['(?:выдел(?:ит|ят|яет|яют|ила|или|ил|ило|ено|ена|ены|енных|енный|енного)|будет\\s+выделять)', 'pledged'],
    [
      '(?:профинансиру(?:ет|ют)|будет\\s+финансировать|оплат(?:ит|ят)|предостав(?:ит|ят)|переда(?:ст|дут)|направ(?:ит|ят)|закуп(?:ит|ят)|приобрет(?:ет|ут)|вложит|инвестирует|внес(?:ет|ут)|постав(?:ит|ят)|достав(?:ит|ят))',
      'pledged',
    ],
    [
      '(?:направи(?:ла|ли|л)|согласи(?:лась|лись|лся)|реши(?:ла|ли|л)|подписа(?:ла|ли|л)|утверди(?:ла|ли|л)|одобри(?:ла|ли|л)|присоедини(?:лась|лись|лся))',
      'pledged',
    ],
    [
      '(?:оплати(?:ла|ли|л|ло)|оплачен\\p{L}*|профинансирова(?:ла|ли|л|ло)|профинансирован\\p{L}*|финансирова(?:ла|ли|л)|перечисли(?:ла|ли|л|ло)|перечислен\\p{L}*|выплати(?:ла|ли|л)|внес(?:ла|ли|ло)|покры(?:ла|ли|л))',
      'funded',
    ],
    [
      '(?:прибы(?:л|ла|ли|ло)|поступи(?:л|ла|ли|ло)|получи(?:ла|ли|л|ло)|переда(?:ла|ли|л|но|ны|нный|на)|доставлен\\p{L}*|достави(?:ла|ли|л)|постави(?:ла|ли|л)|поставлен\\p{L}*|отправи(?:ла|ли|л)|отправлен\\p{L}*|дош(?:ел|ла|ли)|уже\\s+в\\s+Украине)',
      'delivered',
    ],
    ['(?:предостави(?:ла|ли|л|ло)|предоставлен\\p{L}*|обеспечи(?:ла|ли|л)|взнос(?:ы)?\\s+сдела(?:ла|ли|л)|сдела(?:ла|ли|л)\\s+(?:\\p{L}+\\s+)?взнос(?:ы)?)', 'provided'],
  ],
  future: '(?:будет|будут|должен\\s+быть|должна\\s+быть|должны\\s+быть|планируется)\\s+$',
  hedges:
    '(?:может|могут|мог\\s+бы|могла\\s+бы|могли\\s+бы|рассматрива\\p{L}*|обсужда\\p{L}*|если|ли|призвал\\p{L}*|призыва\\p{L}*|просит|просил\\p{L}*|попроси\\p{L}*|надеется|надеются|ожида\\p{L}*|планиру(?:ет|ют)|намерен\\p{L}*|предлага\\p{L}*|предложи\\p{L}*|вероятно|возможно|хочет|хотят|хотела\\s+бы|изуча\\p{L}*|готова\\s+рассмотреть)',
  negations: '(?:не|ни|никогда|отказа\\p{L}*)',
  aid: '(?:помощ|пакет|поддержк|оруж|вооружен|военн|финанс|средств|PURL|ПВО|противовоздуш|Patriot|HIMARS|ракет|боеприпас|снаряд|техник|дрон|транш|взнос|грант|кредит|оборудован|систем|постав|бюджет)',
  money: '(?:финанс|средств|денег|деньг|бюджет|грант|кредит)',
  joint: '(?:совместн\\p{L}*|вместе|сообща|в\\s+сумме|суммарно)',
  each: '(?:каждая|каждый|каждое|каждой|каждому|по)',
  respectively: 'соответственно',
  connectors: '(?:,|и|а\\s+также|вместе\\s+с|совместно\\s+с|с|со|\\(|\\)|:|-)',
  places: '(?:в|во|на|под|до|около|возле)\\s+$',
  sellers: '(?:в|у|из|от)\\s+$',
  purchase: '(?:закуп|покуп|купи|приобрет|приобре|продаж|прода)',
  weapons:
    '(?:оружи|вооружен|систем|производства|производител|оборонн|запас|ракет|боеприпас|Patriot|HIMARS|ПВО|техник)',
  anaphora: '^(?:она|они|страна|правительство|кроме\\s+того,\\s+страна)(?![\\p{L}])',
  companion: '(?:вместе|совместно)\\s+(?:с|со)',
  including: '(?:в\\s+том\\s+числе|включая|из\\s+них|в\\s+частности)',
  euAttribute: '(?:член\\p{L}*|стран\\p{L}*|государств\\p{L}*|лидер\\p{L}*|партнер\\p{L}*|союзник\\p{L}*|уровн\\p{L}*|правил\\p{L}*|саммит\\p{L}*)',
  euMembers: '(?:стран\\p{L}*|государств\\p{L}*|член\\p{L}*|членств\\p{L}*\\s+в|вступлени\\p{L}*\\s+в|лидер\\p{L}*|министр\\p{L}*|посл\\p{L}*)',
};

export const LEXICONS: Record<ExtractLanguage, Lexicon> = { en: EN, uk: UK, ru: RU };

export const MECHANISM =
  /PURL|Prioriti[sz]ed\s+Ukraine\s+Requirements?\s+List|Пріоритетн\p{L}*\s+спис\p{L}*\s+потреб|Приоритетн\p{L}*\s+спис\p{L}*\s+(?:потребност|требовани|нужд)/iu;
