/**
 * The words that make a sentence a statement of aid, per language: the verbs of each stage, the words that hedge or
 * negate them, the words of aid and money, of joint funding, and the PURL mechanism. Patterns are matched
 * case-insensitively on text folded by `foldForMatching` (one apostrophe, one dash, "е" for "ё").
 */
import type { ExtractLanguage } from './text.ts';

export type ExtractStage = 'pledged' | 'funded' | 'delivered';

/** "provided / надала / предоставила": funded when the object is money, else delivered. */
export type TriggerStage = ExtractStage | 'provided';

export interface Lexicon {
  readonly triggers: readonly (readonly [string, TriggerStage])[];
  /** Words just before a past-tense verb that put it in the future ("will be delivered", "буде передано"). */
  readonly future: string;
  /** Words that take back what follows them in the clause: may, is considering, urged, allows. */
  readonly hedges: string;
  /** Words that negate the verb right after them: not, не. */
  readonly negations: string;
  /** Words after the verb that make it conditional: if, якщо, если. */
  readonly conditions: string;
  /** Words of aid: a sentence without one (or a sum of money) states no aid. */
  readonly aid: string;
  /** Words of money, which make "provided" funded rather than delivered. */
  readonly money: string;
  readonly joint: string;
  readonly each: string;
  readonly respectively: string;
  /** Words that join donors into one group ("Norway, Poland and Germany"). */
  readonly connectors: string;
  /** "together with", "разом із": the donors after it join the group before (or after) it. */
  readonly companion: string;
  /** A bare "with" (in uk / ru the instrumental "з / с"), which makes the donors after it companions. */
  readonly with: string;
  /** "including", "у тому числі": a part of a sum stated beside it. */
  readonly including: string;
  /** Relative pronouns that open a clause about the words before them ("Denmark, which…"). */
  readonly relative: string;
  /** Where one clause ends and the next begins: a verb before it is not the verb of a donor after it. */
  readonly clauseBreak: string;
  /** Prepositions that make a country a place, not an actor ("in Germany", "у Німеччині"). */
  readonly places: string;
  /** Words before a donor that make it the one who reports, not the one who gives ("according to"). */
  readonly attribution: string;
  /** Words before the United States that make it where weapons come from ("supplied from the US", "закуплені у США"). */
  readonly sellers: string;
  /** Nouns after a country's adjective that make it something other than the donor ("Czech initiative"). */
  readonly notActors: string;
  readonly purchase: string;
  readonly weapons: string;
  /** Sentences about Ukraine buying, or about a state's own forces or another country: no aid claim. */
  readonly notAid: string;
  /** Sentence openings that refer to the donor of the sentence before ("It also…", "Країна також…"). */
  readonly anaphora: string;
  /** A verb of speech before the speaker ("said Swedish Defence Minister", "заявив міністр оборони Швеції"). */
  readonly speechBefore: string;
  /** A verb of speech after the speaker, ending the sentence ("…, the Czech Defence Ministry said."). */
  readonly speechAfter: string;
  /** Words of a first-person quote: the speaker is the actor. */
  readonly firstPerson: string;
  /** Words after "EU" that make it an attribute or the club of its members ("EU accession", "EU countries"). */
  readonly euAttribute: string;
  /** Words before "ЄС / ЕС" that make it the club of its members ("країни ЄС", "members of the EU"). */
  readonly euMembers: string;
}

const r = String.raw;

const EN: Lexicon = {
  triggers: [
    [
      r`(?:will|shall|to)\s+(?:(?:also|further|jointly|together|then|now|soon|still|again|directly|additionally|each|both|all|\w+ly)\s+){0,2}(?:fund|finance|co-finance|pay|provide|send|supply|deliver|contribute|allocate|cover|give|transfer|donate|add|spend|invest|lend|hand\s+over|go\s+to|be\s+spent\s+on)`,
      'pledged',
    ],
    [
      r`(?:said|says|announced|confirmed)\s+(?:that\s+)?(?:it|they|\p{Lu}\w+)\s+would\s+(?:\w+ly\s+)?(?:fund|finance|pay|provide|send|supply|deliver|contribute|allocate|give|donate|lend)`,
      'pledged',
    ],
    [r`announc(?:e|es|ed|ing|ement)`, 'pledged'],
    [r`pledg(?:e|es|ed|ing)`, 'pledged'],
    [r`promis(?:e|es|ed|ing)`, 'pledged'],
    [r`commit(?:s|ted|ting|ment)?`, 'pledged'],
    [r`allocat(?:e|es|ed|ing|ion)`, 'pledged'],
    [r`earmark(?:s|ed|ing)?`, 'pledged'],
    [r`(?:unveil|present|launch)(?:s|ed|ing)?`, 'pledged'],
    [r`approv(?:e|es|ed|ing)`, 'pledged'],
    [r`(?:agreed|decided|signed\s+up|undertook|offered)\s+to`, 'pledged'],
    [r`sign(?:s|ed)\s+(?:an?\s+)?(?:agreement|deal|contract|memorandum)`, 'pledged'],
    [r`(?<!(?:get|gets|got|getting)\s)(?:paid|pays|paying)(?:\s+for)?`, 'funded'],
    [r`,\s*(?:bankrolling|financing|funding|paying\s+for)`, 'funded'],
    [r`completed\s+(?:the\s+)?(?:delivery|transfer|handover|shipment)`, 'delivered'],
    [r`(?:goes|go|went)\s+to`, 'pledged'],
    [r`(?:financed|co-financed|funded|co-funded|transferred|disbursed|contributed|bankrolled|channell?ed)`, 'funded'],
    [r`(?:finances|funds|covers|covered)\s+(?:the|a|an|its)`, 'funded'],
    [
      r`(?:contributions?\s+(?:were|was|have\s+been)\s+made|made\s+(?:a\s+|its\s+|the\s+\w+\s+)?contributions?)`,
      'funded',
    ],
    [r`(?:bought|purchased)\s+with`, 'funded'],
    [r`(?:is|are)\s+(?:funding|financing|paying\s+for|bankrolling)`, 'funded'],
    [r`(?:chipped\s+in|footed\s+the\s+bill|stumped\s+up|set\s+aside)`, 'funded'],
    [r`arriv(?:e|es|ed|ing)`, 'delivered'],
    [r`delivered`, 'delivered'],
    [r`(?:received|receives)`, 'delivered'],
    [r`handed\s+over`, 'delivered'],
    [r`(?:reached|entered)\s+(?:ukraine|the\s+front)`, 'delivered'],
    [r`(?:shipped|sent|supplied|donated|gave|has\s+given|have\s+given)`, 'delivered'],
    [r`(?:is|are)\s+(?:sending|supplying|delivering|shipping)`, 'delivered'],
    [r`(?:provided|secured|(?:is|are)\s+providing|(?:is|are)\s+giving)`, 'provided'],
  ],
  future: r`(?:will|would|shall|to|is\s+to|are\s+to|set\s+to|going\s+to|due\s+to|expected\s+to)\s+(?:\w+\s+){0,2}?(?:be\s+)?$`,
  hedges: r`(?:may|might|could|would|consider(?:s|ing|ed)?|discuss(?:es|ing|ed)?|mull(?:s|ing|ed)?|weigh(?:s|ing)?|whether|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|appeal(?:s|ed)?|ask(?:s|ed|ing)|hope[sd]?|likely|wants?\s+to|seek(?:s|ing)?|propos(?:e|es|ed|ing)|plans?\s+to|intends?\s+to|reportedly|rumou?red|expects?|expected|possible|possibly|prefers?|ready\s+to|through\s+which|via\s+which|under\s+which|allows?|enables?|lets|provides\s+for|involves|block(?:s|ed|ing)?|veto(?:es|ed)?|(?:was|were)\s+(?:supposed|due)\s+to)`,
  negations: r`(?:not|n't|never|no\s+longer|yet\s+to|failed\s+to|refused\s+to|declined\s+to)(?:\s+\w+){0,2}\s*$`,
  conditions: r`(?:if|unless|provided\s+that|on\s+condition)`,
  aid: r`(?:aid|assistance|package|support|weapon|arms|military|fund|financ|money|PURL|air\s+defen|Patriot|HIMARS|missile|ammunition|munition|shell|equipment|drone|tranche|contribution|grant|loan|howitzer|interceptor|vehicle|tank|system|supplies|donation|share|deal|jets?|F-16|aircraft|artillery|armou?red|armed\s+forces)`,
  money: r`(?:funding|financ|money|cash|budget|grant|loan|tranche|share)`,
  joint: r`(?:together|jointly|joint|combined|between\s+them|collectively)`,
  each: r`(?:each|apiece)`,
  respectively: r`respectively`,
  connectors: r`(?:,|and|&|as\s+well\s+as|plus|the|from|\(|\)|:|-)`,
  companion: r`(?:together|jointly|along)\s+with`,
  with: r`with(?:\s+the)?`,
  including: r`(?:including|of\s+which|among\s+them)`,
  relative: r`(?:which|who|whose|that)`,
  clauseBreak: r`(?:;|,\s*(?:and|but|while|whereas)\s|\s(?:while|whereas|but)\s)`,
  places: r`(?:in|at|near|to|visit(?:ed|ing)?)\s+(?:the\s+)?$`,
  attribution: r`(?:according\s+to|cited\s+by|reported\s+by|told)\s+(?:the\s+)?$`,
  notActors: r`(?:led|made|model|initiative|manufacturers?|producers?|companies|company|firms?|industry|intelligence|media|newspaper|broadcaster|press|agency|outlet)`,
  purchase: r`(?:buy|bought|purchas|procur|sale|sell|sold|stock)`,
  weapons: r`(?:weapons?|arms|equipment|systems?|munitions?|missiles?|air\s+defen[cs]e|Patriot|HIMARS|made|industry|manufactur|stockpiles?|stocks?|defen[cs]e\s+(?:companies|industry|firms))`,
  notAid: r`(?:Ukraine\s+(?:\w+\s+){0,5}(?:to\s+buy|bought|buys|will\s+buy|purchas|procur|order)|for\s+(?:its|their)\s+own\s+(?:armed\s+forces|army|military|forces|needs)|Moldova|Israel|Taiwan)`,
  anaphora: r`^(?:it|they|the\s+country|the\s+government|its\s+government|the\s+kingdom|the\s+ministry)\s+(?!is\b|was\b|are\b|were\b)`,
  euAttribute: r`(?:accession|membership|member|members|countries|states|partners|allies|nations|level|law|rules|integration|candidate|summit|foreign\s+ministers|defen[cs]e\s+ministers)`,
  euMembers: r`(?:members?\s+of\s+the|countries\s+of\s+the|outside\s+the|join(?:ing|ed)?\s+the)`,
  speechBefore: r`(?:said|told|wrote|according\s+to)`,
  speechAfter: r`(?:said|says|told\s+[\p{L}]+|reported|noted|added|stated|wrote|confirmed|announced)`,
  firstPerson: r`(?:we|our|us)`,
  sellers: r`(?:supplied|bought|purchased|procured|sourced|made|produced|manufactured|built)\s+(?:\w+\s+)?(?:from|in|by)\s+(?:the\s+)?`,
};

const UK: Lexicon = {
  triggers: [
    [r`(?:оголоси(?:ла|ли|в|ть|ло)|оголошу(?:є|ють)|оголошен\p{L}*|анонсува\p{L}*|анонсу(?:є|ють))`, 'pledged'],
    [r`(?:пообіця\p{L}*|обіця(?:є|ють|ла|ли|в))`, 'pledged'],
    [r`(?:зобов'яза\p{L}*)`, 'pledged'],
    [r`(?:виділ(?:ить|ять|яє|яють|ила|или|ив|ило|ено|ена|ені|ених|ений|еного|ити)|виділятим\p{L}*)`, 'pledged'],
    [
      r`(?:профінансу(?:є|ють)|профінансувати|фінансуватим\p{L}*|оплат(?:ить|ять|ити)|сплат(?:ить|ять|ити)|нада(?:сть|дуть|ти)|переда(?:сть|дуть|ти)|спряму(?:є|ють)|спрямувати|закуп(?:ить|лять)|придба(?:є|ють)|вкладе|інвестує|внесе|доставить|доставлять|постав(?:ить|лять))`,
      'pledged',
    ],
    [
      r`(?:погоди(?:лася|лися|вся|лись)|виріши(?:ла|ли|в)|підписа(?:ла|ли|в)|затверди(?:ла|ли|в)|схвали(?:ла|ли|в)|ухвали(?:ла|ли|в))`,
      'pledged',
    ],
    [
      r`(?:сплати(?:ла|ли|в|ло)|оплати(?:ла|ли|в|ло)|оплачен\p{L}*|сплачен\p{L}*|профінансува(?:ла|ли|в|ло)|профінансован\p{L}*|співфінансува\p{L}*|фінансува(?:ла|ли|в)|перераху(?:вала|вали|вав)|перерахован\p{L}*|переказа(?:ла|ли|в)|виплати(?:ла|ли|в)|внес(?:ла|ли|ло)|покри(?:ла|ли|в)|спрямува(?:ла|ли|в))`,
      'funded',
    ],
    [r`(?:внес(?:ок|ки)\s+зроби(?:ла|ли|в)|зроби(?:ла|ли|в)\s+(?:\p{L}+\s+)?внес(?:ок|ки))`, 'funded'],
    [
      r`(?:прибу(?:в|ла|ли|ло)|надійш(?:ов|ла|ли|ло)|отрима(?:ла|ли|в|ло)|одержа(?:ла|ли|в)|переда(?:ла|ли|в|но)|передан\p{L}*|доставле\p{L}*|достави(?:ла|ли|в)|постави(?:ла|ли|в)|поставлен\p{L}*|надісла(?:ла|ли|в)|відправи(?:ла|ли|в)|відправлен\p{L}*|дійш(?:ов|ла|ли)|вже\s+в\s+Україні)`,
      'delivered',
    ],
    [r`(?:нада(?:ла|ли|в|но)|наданий|надана|надані|забезпечи(?:ла|ли|в))`, 'provided'],
    [r`(?:розщедри\p{L}*|пі(?:де|дуть)\s+на)`, 'pledged'],
    [r`(?:заверши\p{L}*\s+(?:передач|постав)\p{L}*)`, 'delivered'],
    [r`(?:постача(?:ла|ли|в)|відвантажи(?:ла|ли|в)|відвантажен\p{L}*)`, 'delivered'],
  ],
  future: r`(?:буде|будуть|має\s+бути|мають\s+бути|планується|мають|має)\s+$`,
  hedges: r`(?:може|можуть|міг\s+би|могла\s+б|могли\s+б|могла\s+би|розгляда\p{L}*|обговорю\p{L}*|чи|закликав|закликала|закликали|закликає|просить|просив|просила|попроси\p{L}*|сподіва\p{L}*|очіку\p{L}*|план(?:ує|ують|ували|увала)|має\s+намір|мають\s+намір|пропону\p{L}*|запропонува\p{L}*|імовірно|ймовірно|можливо|хоче|хочуть|хотіла\s+б|вивча\p{L}*|готов\p{L}*|за\s+допомогою\s+яко\p{L}*|через\s+як\p{L}*|дозволя\p{L}*|дає\s+змогу|надає\s+можливість|передбача\p{L}*|за\s+яким\p{L}*|блоку\p{L}*|заблоку\p{L}*|вето|мала|мали|мав|мало)`,
  negations: r`(?:не|ні|ніколи|відмови\p{L}*)(?:\s+\p{L}+){0,2}\s*$`,
  conditions: r`(?:якщо|за\s+умови|у\s+разі)`,
  aid: r`(?:допомог|пакет|підтримк|зброї|зброю|зброя|озброєн|військов|фінанс|кошт|PURL|ППО|протиповітрян|Patriot|HIMARS|ракет|боєприпас|снаряд|техні|дрон|транш|внес|грант|кредит|обладнан|систем|постач|частк|угод|ЗСУ|Збройн|літак|F-16|бронетранспортер|БТР|танк|гаубиц|артилер|бронемашин|гелікоптер|вертольот|винищувач)`,
  money: r`(?:фінанс|кошт|грош|бюджет|грант|кредит|транш|частк)`,
  joint: r`(?:спільн\p{L}*|разом|сукупно|спільними\s+зусиллями)`,
  each: r`(?:кожна|кожен|кожне|кожній|кожному|по)`,
  respectively: r`відповідно`,
  connectors: r`(?:,|і|й|та|а\s+також|від|\(|\)|:|-)`,
  companion: r`(?:разом|спільно)\s+(?:з|із|зі)`,
  with: r`(?:з|із|зі)`,
  including: r`(?:у\s+тому\s+числі|в\s+тому\s+числі|включно\s+(?:з|із)|з\s+них|зокрема)`,
  relative: r`(?:як(?:а|ий|і|е|ого|ої|им|ій|их|ими)|котр\p{L}*|чи\p{L}*)`,
  clauseBreak: r`(?:;|,\s*(?:а|але|і|та|тоді\s+як|хоча|проте)\s)`,
  places: r`(?:у|в|на|під|до|біля|поблизу)\s+$`,
  attribution: r`(?:за\s+даними|за\s+словами|як\s+повідомля\p{L}*|як\s+повідоми\p{L}*)\s+$`,
  notActors: r`(?:модел\p{L}*|ініціатив\p{L}*|виробник\p{L}*|компані\p{L}*|підприєм\p{L}*|фірм\p{L}*|промисловост\p{L}*|індустрі\p{L}*|розвідк\p{L}*|ЗМІ|медіа|газет\p{L}*|видан\p{L}*|агенці\p{L}*|мовник\p{L}*)`,
  purchase: r`(?:закуп|купів|купу|придба|продаж|прода)`,
  weapons: r`(?:збро\p{L}*|озброєн|систем|виробництва|виробник|оборонн|запас|ракет|боєприпас|Patriot|HIMARS|ППО|техні)`,
  notAid: r`(?:Україна\s+(?:\p{L}+\s+){0,4}(?:закуп|купи|купу|придба|замови)|для\s+власн\p{L}*\s+(?:збройн|арм|військ|потреб)|для\s+себе|Молдов|Ізраїл|Тайван)`,
  anaphora: r`^(?:вона|вони|країна|уряд|крім\s+того,\s+країна)(?![\p{L}])`,
  euAttribute: r`(?:член\p{L}*|країн\p{L}*|держав\p{L}*|партнер\p{L}*|союзник\p{L}*|рівн\p{L}*|правил\p{L}*|саміт\p{L}*)`,
  euMembers: r`(?:країн\p{L}*|держав\p{L}*|член\p{L}*|членств\p{L}*\s+(?:в|у)|вступ\p{L}*\s+(?:до|в|у)|міністр\p{L}*|посл\p{L}*)`,
  speechBefore: r`(?:заяви\p{L}*|повідоми\p{L}*|сказа\p{L}*|зазначи\p{L}*|наголоси\p{L}*|написа\p{L}*|підкресли\p{L}*)`,
  speechAfter: r`(?:заяви\p{L}*|повідоми\p{L}*|сказа\p{L}*|зазначи\p{L}*|наголоси\p{L}*|написа\p{L}*)`,
  firstPerson: r`(?:ми|наш\p{L}*|нам|нас)`,
  sellers: r`(?:закуплен\p{L}*|придбан\p{L}*|вироблен\p{L}*|виготовлен\p{L}*|постачан\p{L}*|куплен\p{L}*)\s+(?:\p{L}+\s+)?(?:у|в|із|з)\s+`,
};

const RU: Lexicon = {
  triggers: [
    [r`(?:объяви(?:ла|ли|л|т|ло)|объявля(?:ет|ют)|объявлен\p{L}*|анонсирова\p{L}*|анонсиру(?:ет|ют))`, 'pledged'],
    [r`(?:пообеща\p{L}*|обеща(?:ет|ют|ла|ли|л))`, 'pledged'],
    [r`(?:обяза(?:лась|лись|лся|тельств\p{L}*))`, 'pledged'],
    [r`(?:выдел(?:ит|ят|яет|яют|ила|или|ил|ило|ено|ена|ены|енных|енный|енного|ить)|будет\s+выделять)`, 'pledged'],
    [
      r`(?:профинансиру(?:ет|ют)|профинансировать|будет\s+финансировать|оплат(?:ит|ят|ить)|предостав(?:ит|ят|ить)|переда(?:ст|дут|ть)|направ(?:ит|ят|ить)|закуп(?:ит|ят)|приобрет(?:ет|ут)|вложит|инвестирует|внес(?:ет|ут)|постав(?:ит|ят)|достав(?:ит|ят))`,
      'pledged',
    ],
    [
      r`(?:согласи(?:лась|лись|лся)|реши(?:ла|ли|л)|подписа(?:ла|ли|л)|утверди(?:ла|ли|л)|одобри(?:ла|ли|л))`,
      'pledged',
    ],
    [
      r`(?:оплати(?:ла|ли|л|ло)|оплативш\p{L}*|оплачен\p{L}*|профинансирова(?:ла|ли|л|ло)|профинансировавш\p{L}*|профинансирован\p{L}*|софинансирова\p{L}*|финансирова(?:ла|ли|л)|перечисли(?:ла|ли|л|ло)|перечисливш\p{L}*|перечислен\p{L}*|выплати(?:ла|ли|л)|внес(?:ла|ли|ло)|покры(?:ла|ли|л)|направи(?:ла|ли|л))`,
      'funded',
    ],
    [r`(?:взнос(?:ы)?\s+сдела(?:ла|ли|л)|сдела(?:ла|ли|л)\s+(?:\p{L}+\s+)?взнос(?:ы)?)`, 'funded'],
    [
      r`(?:прибы(?:л|ла|ли|ло)|поступи(?:л|ла|ли|ло)|получи(?:ла|ли|л|ло)|переда(?:ла|ли|л|но)|передан\p{L}*|доставлен\p{L}*|достави(?:ла|ли|л)|постави(?:ла|ли|л)|поставлен\p{L}*|отправи(?:ла|ли|л)|отправлен\p{L}*|дош(?:ел|ла|ли)|уже\s+в\s+Украине)`,
      'delivered',
    ],
    [
      r`(?:предостави(?:ла|ли|л|ло)|предоставлен(?:н?(?:ый|ая|ое|ые|ых|ным|ными)|а|о|ы)?|обеспечи(?:ла|ли|л))`,
      'provided',
    ],
    [r`(?:расщедри\p{L}*|пойд(?:ет|ут)\s+на)`, 'pledged'],
    [r`(?:заверши\p{L}*\s+(?:передач|постав)\p{L}*)`, 'delivered'],
    [r`(?:поставля(?:ла|ли|л)|отгрузи(?:ла|ли|л)|отгружен\p{L}*)`, 'delivered'],
  ],
  future: r`(?:будет|будут|должен\s+быть|должна\s+быть|должны\s+быть|планируется)\s+$`,
  hedges: r`(?:может|могут|мог\s+бы|могла\s+бы|могли\s+бы|рассматрива\p{L}*|обсужда\p{L}*|ли|призвал\p{L}*|призыва\p{L}*|просит|просил\p{L}*|попроси\p{L}*|надеется|надеются|ожида\p{L}*|планиру(?:ет|ют)|намерен\p{L}*|предлага\p{L}*|предложи\p{L}*|вероятно|возможно|хочет|хотят|хотела\s+бы|изуча\p{L}*|готов\p{L}*|с\s+помощью\s+котор\p{L}*|через\s+котор\p{L}*|позволя\p{L}*|дает\s+возможность|предусматрива\p{L}*|по\s+котор\p{L}*|блокир\p{L}*|заблокир\p{L}*|вето|должна\s+была|должны\s+были|должен\s+был)`,
  negations: r`(?:не|ни|никогда|отказа\p{L}*)(?:\s+\p{L}+){0,2}\s*$`,
  conditions: r`(?:если|при\s+условии|в\s+случае)`,
  aid: r`(?:помощ|пакет|поддержк|оруж|вооружен|военн|финанс|средств|PURL|ПВО|противовоздуш|Patriot|HIMARS|ракет|боеприпас|снаряд|техник|дрон|транш|взнос|грант|кредит|оборудован|систем|постав|дол[юия]|част[ьи]|сделк|ВСУ|Вооруженн|самолет|F-16|бронетранспортер|БТР|танк|гаубиц|артиллер|бронемашин|вертолет|истребител)`,
  money: r`(?:финанс|средств|денег|деньг|бюджет|грант|кредит|транш|дол[юия])`,
  joint: r`(?:совместн\p{L}*|вместе|сообща|в\s+сумме|суммарно)`,
  each: r`(?:каждая|каждый|каждое|каждой|каждому|по)`,
  respectively: r`соответственно`,
  connectors: r`(?:,|и|а\s+также|от|\(|\)|:|-)`,
  companion: r`(?:вместе|совместно)\s+(?:с|со)`,
  with: r`(?:с|со)`,
  including: r`(?:в\s+том\s+числе|включая|из\s+них|в\s+частности)`,
  relative: r`(?:котор\p{L}*|чь\p{L}*)`,
  clauseBreak: r`(?:;|,\s*(?:а|но|и|тогда\s+как|хотя|однако)\s)`,
  places: r`(?:в|во|на|под|до|около|возле)\s+$`,
  attribution: r`(?:по\s+данным|по\s+словам|как\s+сообща\p{L}*|как\s+сообщи\p{L}*)\s+$`,
  notActors: r`(?:модел\p{L}*|инициатив\p{L}*|производител\p{L}*|компани\p{L}*|предприят\p{L}*|фирм\p{L}*|промышленност\p{L}*|индустри\p{L}*|разведк\p{L}*|СМИ|медиа|газет\p{L}*|издани\p{L}*|агентств\p{L}*)`,
  purchase: r`(?:закуп|покуп|купи|приобрет|приобре|продаж|прода)`,
  weapons: r`(?:оружи|вооружен|систем|производства|производител|оборонн|запас|ракет|боеприпас|Patriot|HIMARS|ПВО|техник)`,
  notAid: r`(?:Украина\s+(?:\p{L}+\s+){0,4}(?:закуп|купи|купл|приобре|заказ)|для\s+собственн\p{L}*\s+(?:вооруж|арм|войск|нужд)|своих\s+вооруж|для\s+себя|Молдов|Израил|Тайван)`,
  anaphora: r`^(?:она|они|страна|правительство|кроме\s+того,\s+страна)(?![\p{L}])`,
  euAttribute: r`(?:член\p{L}*|стран\p{L}*|государств\p{L}*|партнер\p{L}*|союзник\p{L}*|уровн\p{L}*|правил\p{L}*|саммит\p{L}*)`,
  euMembers: r`(?:стран\p{L}*|государств\p{L}*|член\p{L}*|членств\p{L}*\s+в|вступлени\p{L}*\s+в|министр\p{L}*|посл\p{L}*)`,
  speechBefore: r`(?:заяви\p{L}*|сообщи\p{L}*|сказа\p{L}*|отмети\p{L}*|подчеркну\p{L}*|написа\p{L}*)`,
  speechAfter: r`(?:заяви\p{L}*|сообщи\p{L}*|сказа\p{L}*|отмети\p{L}*|подчеркну\p{L}*|написа\p{L}*)`,
  firstPerson: r`(?:мы|наш\p{L}*|нам|нас)`,
  sellers: r`(?:закуплен\p{L}*|приобретен\p{L}*|произведен\p{L}*|изготовлен\p{L}*|поставляем\p{L}*|куплен\p{L}*)\s+(?:\p{L}+\s+)?(?:в|у|из)\s+`,
};

export const LEXICONS: Record<ExtractLanguage, Lexicon> = { en: EN, uk: UK, ru: RU };

export const MECHANISM =
  /PURL|Prioriti[sz]ed\s+Ukraine\s+Requirements?\s+List|Пріоритетн\p{L}*\s+спис\p{L}*\s+потреб|Приоритетн\p{L}*\s+спис\p{L}*\s+(?:потребност|требовани|нужд)/iu;
