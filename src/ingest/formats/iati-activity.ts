/**
 * Builds one IATI activity from the elements the reader (iati.ts) passes in document order, keeping what Tranche
 * uses and checking it: identifiers, narratives by language, organisations and their roles, status, dates, sectors
 * transactions and budgets with exact values. Everything else (locations, results…) is skipped.
 */
import { DomainError } from '../../domain/errors.ts';
import { assertIsoDate } from '../../domain/facts.ts';
import { currencyDigits, parseMoney } from '../../domain/money.ts';
import {
  ACTIVITY_DATE_TYPES,
  ACTIVITY_STATUSES,
  type Coded,
  decode,
  ORGANISATION_ROLES,
  TRANSACTION_TYPES,
  type TransactionType,
} from './iati-codes.ts';
import type { IatiActivity, IatiError, IatiResult, IatiTransactionOrg, IatiValue, Narrative } from './iati-types.ts';

type Attributes = Readonly<Record<string, string>>;
/** The activity while it is read: writable, with plain arrays. */
type ActivityDraft = {
  -readonly [K in keyof IatiActivity]: IatiActivity[K] extends readonly (infer E)[] ? E[] : IatiActivity[K];
};

/** Where a `value` element was opened: its attributes and line, read when it closes. */
interface ValueTag {
  readonly attributes: Attributes;
  readonly line: number;
}

interface BudgetDraft {
  readonly line: number;
  readonly type: string;
  periodStart: string | null;
  periodEnd: string | null;
  valueTag?: ValueTag;
}

interface TransactionDraft {
  readonly line: number;
  readonly ref: string | null;
  readonly humanitarian: boolean | null;
  readonly description: Narrative[];
  readonly seen: Set<string>;
  type?: Coded<TransactionType>;
  date?: string;
  value?: IatiValue;
  valueTag?: ValueTag;
  provider: IatiTransactionOrg | null;
  receiver: IatiTransactionOrg | null;
}

const XSD_DATE = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const XSD_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const text = (value: string | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function xsdBoolean(value: string | undefined): boolean | null {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}

/** "+1000.", ".5" → "1000", "0.5": xsd:decimal spellings that parseMoney does not take. */
function plainDecimal(value: string): string {
  const unsigned = value.replace(/^\+/, '');
  return unsigned.replace(/^(-?)\./, '$10.').replace(/\.$/, '');
}

export class ActivityBuilder {
  private readonly errors: { readonly line: number; readonly error: IatiError }[] = [];
  private readonly path: string[] = [];
  /** The narrative list each open element collects into, by depth. */
  private readonly targets: (Narrative[] | undefined)[] = [];
  private readonly activity: ActivityDraft;
  private transaction: TransactionDraft | null = null;
  private budget: BudgetDraft | null = null;

  constructor(line: number, attributes: Attributes, language: string | null) {
    this.activity = {
      line,
      identifier: '',
      defaultLanguage: language,
      defaultCurrency: text(attributes['default-currency']),
      lastUpdated: text(attributes['last-updated-datetime']),
      humanitarian: xsdBoolean(attributes.humanitarian),
      reportingOrg: null,
      title: [],
      descriptions: [],
      participatingOrgs: [],
      status: null,
      dates: [],
      sectors: [],
      recipientCountries: [],
      transactions: [],
      budgets: [],
    };
    const currency = this.activity.defaultCurrency;
    if (currency !== null && currencyDigits(currency) === undefined) {
      this.fail(line, 'iati-activity', 'default-currency', `"${currency}" is not an ISO 4217 currency code`);
    }
  }

  private fail(line: number, element: string, attribute: string | null, reason: string): void {
    this.errors.push({ line, error: { element, attribute, reason } });
  }

  private date(value: string | undefined, line: number, element: string, attribute: string): string | undefined {
    const match = XSD_DATE.exec(value?.trim() ?? '');
    try {
      if (match?.[1]) return assertIsoDate(match[1], attribute);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    const reason = value === undefined ? 'is missing' : `"${value}" is not a date written YYYY-MM-DD`;
    this.fail(line, element, attribute, `${attribute} ${reason}`);
    return undefined;
  }

  private code<N extends string>(
    list: Readonly<Record<string, N>>,
    attributes: Attributes,
    line: number,
    element: string,
    attribute = 'code',
  ): Coded<N> | undefined {
    const value = attributes[attribute]?.trim() ?? '';
    const coded = decode(list, value);
    if (!coded) {
      const known = Object.keys(list).join(', ');
      this.fail(line, element, attribute, value ? `"${value}" is not one of ${known}` : `${attribute} is missing`);
    }
    return coded;
  }

  /** An element inside the activity opens; `line` is the line of its start tag. */
  open(name: string, attributes: Attributes, line: number): void {
    this.path.push(name);
    const tx = this.transaction;
    const narratives =
      tx && this.path.length === 2
        ? this.openInTransaction(tx, name, attributes, line)
        : this.openInActivity(name, attributes, line);
    this.targets[this.path.length] = narratives;
  }

  /** Reads an element of the activity; answers the list its narratives go to, if they are kept. */
  private openInActivity(name: string, attributes: Attributes, line: number): Narrative[] | undefined {
    const org = { ref: text(attributes.ref), type: text(attributes.type), narratives: [] as Narrative[] };
    const narratives: Narrative[] = [];
    const a = this.activity;
    switch (this.path.join('/')) {
      case 'reporting-org':
        a.reportingOrg = { ...org, secondaryReporter: xsdBoolean(attributes['secondary-reporter']) ?? false };
        return org.narratives;
      case 'title':
        return a.title;
      case 'description':
        a.descriptions.push({ type: text(attributes.type), narratives });
        return narratives;
      case 'participating-org': {
        const role = this.code(ORGANISATION_ROLES, attributes, line, name, 'role');
        if (role) a.participatingOrgs.push({ ...org, role, activityId: text(attributes['activity-id']) });
        return org.narratives;
      }
      case 'activity-status':
        a.status = this.code(ACTIVITY_STATUSES, attributes, line, name) ?? null;
        return undefined;
      case 'activity-date': {
        const type = this.code(ACTIVITY_DATE_TYPES, attributes, line, name, 'type');
        const date = this.date(attributes['iso-date'], line, name, 'iso-date');
        if (type && date) a.dates.push({ type, date, narratives });
        return narratives;
      }
      case 'sector': {
        const code = text(attributes.code);
        const percentage = text(attributes.percentage);
        if (!code) this.fail(line, name, 'code', 'code is missing');
        else if (percentage !== null && !XSD_DECIMAL.test(percentage)) {
          this.fail(line, name, 'percentage', `"${percentage}" is not a decimal number`);
        } else a.sectors.push({ vocabulary: text(attributes.vocabulary) ?? '1', code, percentage, narratives });
        return narratives;
      }
      case 'recipient-country': {
        const code = text(attributes.code);
        if (code) a.recipientCountries.push({ code, percentage: text(attributes.percentage) });
        else this.fail(line, name, 'code', 'code is missing');
        return undefined;
      }
      case 'budget':
        this.budget = { line, type: text(attributes.type) ?? '1', periodStart: null, periodEnd: null };
        return undefined;
      case 'budget/period-start':
      case 'budget/period-end':
        if (this.budget) {
          const date = this.date(attributes['iso-date'], line, name, 'iso-date') ?? null;
          if (name === 'period-start') this.budget.periodStart = date;
          else this.budget.periodEnd = date;
        }
        return undefined;
      case 'budget/value':
        if (this.budget) this.budget.valueTag = { attributes, line };
        return undefined;
      case 'transaction':
        this.transaction = {
          line,
          ref: text(attributes.ref),
          humanitarian: xsdBoolean(attributes.humanitarian),
          description: [],
          seen: new Set(),
          provider: null,
          receiver: null,
        };
        return undefined;
    }
    return undefined;
  }

  /** Reads a child of the open transaction, like openInActivity. */
  private openInTransaction(
    tx: TransactionDraft,
    name: string,
    attributes: Attributes,
    line: number,
  ): Narrative[] | undefined {
    tx.seen.add(name);
    switch (name) {
      case 'transaction-type':
        tx.type = this.code(TRANSACTION_TYPES, attributes, line, name);
        return undefined;
      case 'transaction-date':
        tx.date = this.date(attributes['iso-date'], line, name, 'iso-date');
        return undefined;
      case 'value':
        tx.valueTag = { attributes, line };
        return undefined;
      case 'description':
        return tx.description;
      case 'provider-org':
      case 'receiver-org': {
        const side = name === 'provider-org' ? 'provider' : 'receiver';
        const narratives: Narrative[] = [];
        tx[side] = {
          ref: text(attributes.ref),
          type: text(attributes.type),
          narratives,
          activityId: text(attributes[`${side}-activity-id`]),
        };
        return narratives;
      }
    }
    return undefined;
  }

  /** A transaction's or budget's value: exact, in its own currency or the activity's default-currency. */
  private value(tag: ValueTag, content: string): IatiValue | undefined {
    const { attributes, line } = tag;
    const amount = content.trim();
    if (!XSD_DECIMAL.test(amount)) {
      this.fail(line, 'value', null, `"${amount}" is not a decimal number (no thousands separators)`);
      return undefined;
    }
    const own = text(attributes.currency);
    const currency = own ?? this.activity.defaultCurrency;
    if (currency === null) {
      this.fail(line, 'value', 'currency', 'currency is missing and the activity has no default-currency');
      return undefined;
    }
    const valueDate = this.date(attributes['value-date'], line, 'value', 'value-date');
    try {
      const money = parseMoney({ amount: plainDecimal(amount), currency }, 'value');
      return valueDate === undefined ? undefined : { money, valueDate, defaultCurrency: own === null };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.fail(line, 'value', error.code === 'currency-not-iso-4217' ? 'currency' : null, error.message);
      return undefined;
    }
  }

  private endTransaction(tx: TransactionDraft): void {
    for (const element of ['transaction-type', 'transaction-date', 'value']) {
      if (!tx.seen.has(element)) this.fail(tx.line, 'transaction', null, `the transaction has no ${element}`);
    }
    const { type, date, value } = tx;
    if (!type || !date || !value) return;
    const { line, ref, description, provider, receiver, humanitarian } = tx;
    this.activity.transactions.push({ line, ref, type, date, value, description, provider, receiver, humanitarian });
  }

  /** The element opened last closes, with its text when the reader kept it and the language in force. */
  close(content: string | null, language: string | null): void {
    const depth = this.path.length;
    const key = this.path.join('/');
    const name = this.path.at(-1);
    const tx = this.transaction;
    if (name === 'narrative') {
      const narrative = content?.trim();
      if (narrative) this.targets[depth - 1]?.push({ lang: language, text: narrative });
    } else if (key === 'iati-identifier') {
      this.activity.identifier = content?.trim() ?? '';
    } else if (key === 'transaction/value' && tx) {
      tx.value = this.value(tx.valueTag ?? { attributes: {}, line: tx.line }, content ?? '');
    } else if (key === 'budget/value' && this.budget?.valueTag) {
      const value = this.value(this.budget.valueTag, content ?? '');
      const { line, type, periodStart, periodEnd } = this.budget;
      if (value) this.activity.budgets.push({ line, type, periodStart, periodEnd, value });
    } else if (key === 'budget') {
      this.budget = null;
    } else if (key === 'transaction' && tx) {
      this.endTransaction(tx);
      this.transaction = null;
    }
    this.targets.length = depth;
    this.path.pop();
  }

  /** The activity, or each of its errors in the order of their lines. */
  finish(): IatiResult[] {
    if (this.activity.identifier === '') {
      this.fail(this.activity.line, 'iati-identifier', null, 'the activity has no iati-identifier');
    }
    if (this.errors.length > 0) {
      const activityLine = this.activity.line;
      return this.errors.sort((a, b) => a.line - b.line).map((error) => ({ ...error, activityLine }));
    }
    return [{ line: this.activity.line, activity: this.activity }];
  }
}
