/**
 * The IATI 2.03 code lists the readers and the writer need, with a kebab-case meaning for each code (from IATI's
 * TransactionType, ActivityStatus, ActivityDateType and OrganisationRole lists).
 */

export const TRANSACTION_TYPES = {
  '1': 'incoming-funds',
  '2': 'outgoing-commitment',
  '3': 'disbursement',
  '4': 'expenditure',
  '5': 'interest-payment',
  '6': 'loan-repayment',
  '7': 'reimbursement',
  '8': 'purchase-of-equity',
  '9': 'sale-of-equity',
  '10': 'credit-guarantee',
  '11': 'incoming-commitment',
  '12': 'outgoing-pledge',
  '13': 'incoming-pledge',
} as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[keyof typeof TRANSACTION_TYPES];

export const ACTIVITY_STATUSES = {
  '1': 'pipeline',
  '2': 'implementation',
  '3': 'finalisation',
  '4': 'closed',
  '5': 'cancelled',
  '6': 'suspended',
} as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[keyof typeof ACTIVITY_STATUSES];

export const ACTIVITY_DATE_TYPES = {
  '1': 'planned-start',
  '2': 'actual-start',
  '3': 'planned-end',
  '4': 'actual-end',
} as const;
export type ActivityDateType = (typeof ACTIVITY_DATE_TYPES)[keyof typeof ACTIVITY_DATE_TYPES];

export const ORGANISATION_ROLES = {
  '1': 'funding',
  '2': 'accountable',
  '3': 'extending',
  '4': 'implementing',
} as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[keyof typeof ORGANISATION_ROLES];

/** A code and what it means, e.g. `{ code: '12', name: 'outgoing-pledge' }`. */
export interface Coded<N extends string> {
  readonly code: string;
  readonly name: N;
}

/** The meaning of a code, or undefined when the list does not hold it. */
export function decode<N extends string>(list: Readonly<Record<string, N>>, code: string): Coded<N> | undefined {
  const name = Object.hasOwn(list, code) ? list[code] : undefined;
  return name === undefined ? undefined : { code, name };
}

/** The code of a meaning (for the writer): the list holds every name once. */
export function encode<N extends string>(list: Readonly<Record<string, N>>, name: N): string {
  const entry = Object.entries(list).find(([, value]) => value === name);
  if (!entry) throw new Error(`"${name}" is not in the code list`);
  return entry[0];
}
