/**
 * Writes packages and their contributions as an IATI 2.03 activity file: one `<iati-activity>` per package, one
 * `<transaction>` per stage of each contribution (pledge, commitment, disbursement…), exact values with their
 * currency and value-date. Streamed: activities are read from an (async) iterable and written one at a time.
 * Check the result against the official schema with validateIatiActivities (iati-schema.ts).
 */
import { currencyDigits, type Money, minorToDecimal } from '../../domain/money.ts';
import {
  ACTIVITY_DATE_TYPES,
  ACTIVITY_STATUSES,
  type ActivityDateType,
  type ActivityStatus,
  encode,
  ORGANISATION_ROLES,
  type OrganisationRole,
  TRANSACTION_TYPES,
  type TransactionType,
} from './iati-codes.ts';

/** Text by language code, e.g. `{ en: 'PURL package 1', uk: 'Пакет PURL 1' }`. */
export type Texts = Readonly<Record<string, string>>;

export interface IatiOrgOut {
  /** IATI organisation identifier, e.g. "XM-DAC-7" (Netherlands). */
  readonly ref?: string | null;
  /** IATI OrganisationType code, e.g. "10" (government). */
  readonly type?: string | null;
  readonly names: Texts;
}

/** One stage of a contribution: a transaction. */
export interface IatiStageOut {
  readonly type: TransactionType;
  readonly date: string;
  readonly value: Money;
  readonly valueDate: string;
  readonly description?: Texts;
}

export interface IatiContributionOut {
  /** Becomes each transaction's ref. */
  readonly id: string;
  /** The provider-org of its transactions. */
  readonly donor: IatiOrgOut;
  /** The receiver-org, when known. */
  readonly recipient?: IatiOrgOut | null;
  readonly stages: readonly IatiStageOut[];
}

export interface IatiPackageOut {
  /** The globally unique IATI identifier: the reporting organisation's ref, a hyphen, the package's own id. */
  readonly identifier: string;
  readonly defaultLanguage: string;
  readonly defaultCurrency?: string | null;
  readonly lastUpdated?: string | null;
  readonly reportingOrg: IatiOrgOut & {
    readonly ref: string;
    readonly type: string;
    /** True when the publisher reproduces others' data (IATI's secondary-reporter), as a tracker does. */
    readonly secondaryReporter?: boolean;
  };
  readonly title: Texts;
  readonly description: Texts;
  readonly participatingOrgs: readonly (IatiOrgOut & { readonly role: OrganisationRole })[];
  readonly status: ActivityStatus;
  readonly dates: readonly { readonly type: ActivityDateType; readonly date: string }[];
  readonly recipientCountries?: readonly { readonly code: string; readonly percentage?: string }[];
  readonly sectors?: readonly { readonly vocabulary?: string; readonly code: string; readonly percentage?: string }[];
  readonly contributions: readonly IatiContributionOut[];
}

// XML 1.0 cannot carry these at all, escaped or not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this finds.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function escapeXml(value: string, attribute: boolean): string {
  if (NOT_XML.test(value)) throw new Error(`"${value}" holds a character that XML cannot carry`);
  const text = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? text.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;') : text;
}

function attributes(values: Readonly<Record<string, string | null | undefined>>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ` ${name}="${escapeXml(value, true)}"`)
    .join('');
}

/** Narratives, the default language first and without xml:lang (it is the activity's). */
function narratives(texts: Texts, defaultLanguage: string, indent: string): string {
  const entries = Object.entries(texts).filter(([, text]) => text.trim() !== '');
  entries.sort(([a], [b]) => Number(b === defaultLanguage) - Number(a === defaultLanguage));
  return entries
    .map(([lang, text]) => {
      const attrs = attributes({ 'xml:lang': lang === defaultLanguage ? null : lang });
      return `${indent}<narrative${attrs}>${escapeXml(text, false)}</narrative>\n`;
    })
    .join('');
}

function org(
  name: string,
  value: IatiOrgOut,
  extra: Readonly<Record<string, string>>,
  lang: string,
  indent: string,
): string {
  const open = `${indent}<${name}${attributes({ ref: value.ref, ...extra, type: value.type })}`;
  const inner = narratives(value.names, lang, `${indent} `);
  return inner ? `${open}>\n${inner}${indent}</${name}>\n` : `${open}/>\n`;
}

function amount(money: Money): string {
  const digits = currencyDigits(money.currency);
  if (digits === undefined) throw new Error(`"${money.currency}" is not an ISO 4217 currency code`);
  return minorToDecimal(money.minor, digits);
}

function transaction(contribution: IatiContributionOut, stage: IatiStageOut, lang: string): string {
  const value = attributes({ currency: stage.value.currency, 'value-date': stage.valueDate });
  const description = stage.description ? narratives(stage.description, lang, '    ') : '';
  return [
    `  <transaction${attributes({ ref: contribution.id })}>\n`,
    `   <transaction-type code="${encode(TRANSACTION_TYPES, stage.type)}"/>\n`,
    `   <transaction-date iso-date="${escapeXml(stage.date, true)}"/>\n`,
    `   <value${value}>${amount(stage.value)}</value>\n`,
    description ? `   <description>\n${description}   </description>\n` : '',
    org('provider-org', contribution.donor, {}, lang, '   '),
    contribution.recipient ? org('receiver-org', contribution.recipient, {}, lang, '   ') : '',
    '  </transaction>\n',
  ].join('');
}

/** What the schema requires of an activity, said before the XML is written rather than after. */
function check(activity: IatiPackageOut): void {
  const missing = [
    Object.keys(activity.title).length === 0 && 'a title',
    Object.keys(activity.description).length === 0 && 'a description',
    Object.keys(activity.reportingOrg.names).length === 0 && 'a reporting organisation name',
    activity.participatingOrgs.length === 0 && 'a participating organisation',
    activity.dates.length === 0 && 'an activity date',
  ].filter((item): item is string => item !== false);
  if (missing.length > 0) throw new Error(`activity ${activity.identifier} needs ${missing.join(', ')}`);
}

function activity(value: IatiPackageOut): string {
  check(value);
  const lang = value.defaultLanguage;
  const head = attributes({
    'xml:lang': lang,
    'default-currency': value.defaultCurrency,
    'last-updated-datetime': value.lastUpdated,
  });
  const parts = [
    ` <iati-activity${head}>\n`,
    `  <iati-identifier>${escapeXml(value.identifier, false)}</iati-identifier>\n`,
    `  <reporting-org${attributes({
      ref: value.reportingOrg.ref,
      type: value.reportingOrg.type,
      'secondary-reporter': value.reportingOrg.secondaryReporter ? '1' : null,
    })}>\n`,
    narratives(value.reportingOrg.names, lang, '   '),
    '  </reporting-org>\n',
    `  <title>\n${narratives(value.title, lang, '   ')}  </title>\n`,
    `  <description type="1">\n${narratives(value.description, lang, '   ')}  </description>\n`,
    ...value.participatingOrgs.map((participant) =>
      org('participating-org', participant, { role: encode(ORGANISATION_ROLES, participant.role) }, lang, '  '),
    ),
    `  <activity-status code="${encode(ACTIVITY_STATUSES, value.status)}"/>\n`,
    ...value.dates.map(
      (date) =>
        `  <activity-date${attributes({ 'iso-date': date.date, type: encode(ACTIVITY_DATE_TYPES, date.type) })}/>\n`,
    ),
    ...(value.recipientCountries ?? []).map(
      (country) => `  <recipient-country${attributes({ code: country.code, percentage: country.percentage })}/>\n`,
    ),
    ...(value.sectors ?? []).map(
      (sector) =>
        `  <sector${attributes({ vocabulary: sector.vocabulary, code: sector.code, percentage: sector.percentage })}/>\n`,
    ),
    ...value.contributions.flatMap((contribution) =>
      contribution.stages.map((stage) => transaction(contribution, stage, lang)),
    ),
    ' </iati-activity>\n',
  ];
  return parts.join('');
}

/**
 * The document in pieces, one activity at a time (pipe it with `Readable.from`). `generatedAt` is the
 * generated-datetime the caller's clock gives (this module reads none).
 */
export async function* writeIati(
  packages: Iterable<IatiPackageOut> | AsyncIterable<IatiPackageOut>,
  options: { readonly generatedAt?: string } = {},
): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<iati-activities${attributes({ version: '2.03', 'generated-datetime': options.generatedAt })}>\n`;
  for await (const value of packages) yield activity(value);
  yield '</iati-activities>\n';
}
