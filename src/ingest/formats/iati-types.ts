/** What the IATI activity reader yields (see iati.ts). */
import type { Money } from '../../domain/money.ts';
import type { ActivityDateType, ActivityStatus, Coded, OrganisationRole, TransactionType } from './iati-codes.ts';

/** Text in one language: `lang` is the narrative's xml:lang, else the activity's or the file's, else null. */
export interface Narrative {
  readonly lang: string | null;
  readonly text: string;
}

export interface IatiOrg {
  readonly ref: string | null;
  /** IATI OrganisationType code, e.g. "10" (government). */
  readonly type: string | null;
  readonly narratives: readonly Narrative[];
}

export interface IatiReportingOrg extends IatiOrg {
  readonly secondaryReporter: boolean;
}

export interface IatiParticipatingOrg extends IatiOrg {
  readonly role: Coded<OrganisationRole>;
  readonly activityId: string | null;
}

/** provider-org or receiver-org of a transaction; `activityId` is its provider- or receiver-activity-id. */
export interface IatiTransactionOrg extends IatiOrg {
  readonly activityId: string | null;
}

export interface IatiValue {
  /** Exact, in the currency's minor unit; the currency is the value's own or the activity's default-currency. */
  readonly money: Money;
  /** The date for the exchange rate, YYYY-MM-DD. */
  readonly valueDate: string;
  /** True when the currency came from the activity's default-currency. */
  readonly defaultCurrency: boolean;
}

export interface IatiTransaction {
  readonly line: number;
  readonly ref: string | null;
  readonly type: Coded<TransactionType>;
  readonly date: string;
  readonly value: IatiValue;
  readonly description: readonly Narrative[];
  readonly provider: IatiTransactionOrg | null;
  readonly receiver: IatiTransactionOrg | null;
  readonly humanitarian: boolean | null;
}

/** A `budget`: `type` 1 is the original budget, 2 a revision of it for the same period. */
export interface IatiBudget {
  readonly line: number;
  readonly type: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly value: IatiValue;
}

export interface IatiActivity {
  /** The line of its `<iati-activity>` tag. */
  readonly line: number;
  readonly identifier: string;
  /** The activity's xml:lang (or the file's). */
  readonly defaultLanguage: string | null;
  readonly defaultCurrency: string | null;
  readonly lastUpdated: string | null;
  readonly humanitarian: boolean | null;
  readonly reportingOrg: IatiReportingOrg | null;
  readonly title: readonly Narrative[];
  readonly descriptions: readonly { readonly type: string | null; readonly narratives: readonly Narrative[] }[];
  readonly participatingOrgs: readonly IatiParticipatingOrg[];
  readonly status: Coded<ActivityStatus> | null;
  readonly dates: readonly {
    readonly type: Coded<ActivityDateType>;
    readonly date: string;
    readonly narratives: readonly Narrative[];
  }[];
  readonly sectors: readonly {
    /** IATI SectorVocabulary; "1" (OECD DAC 5-digit) when the file leaves it out. */
    readonly vocabulary: string;
    readonly code: string;
    readonly percentage: string | null;
    readonly narratives: readonly Narrative[];
  }[];
  readonly recipientCountries: readonly { readonly code: string; readonly percentage: string | null }[];
  readonly transactions: readonly IatiTransaction[];
  readonly budgets: readonly IatiBudget[];
}

/** Where an activity went wrong: the line of the element, the element and attribute at fault, and why. */
export interface IatiError {
  readonly element: string;
  readonly attribute: string | null;
  readonly reason: string;
}

/**
 * An activity, or one of its errors (an activity with errors yields each of them and no activity); `activityLine` is
 * the line of the `<iati-activity>` the error is in.
 */
export type IatiResult =
  | { readonly line: number; readonly activity: IatiActivity }
  | { readonly line: number; readonly error: IatiError; readonly activityLine?: number };
