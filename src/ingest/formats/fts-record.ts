/**
 * One FTS flow row as a record: the columns read, the record's shape, and the checks (dates, ISO 4217 currencies,
 * exact amounts). `readFts` in fts.ts streams the file through it.
 */
import { DomainError } from '../../domain/errors.ts';
import { assertIsoDate } from '../../domain/facts.ts';
import { currencyDigits, type Money, parseMoney, parseRate } from '../../domain/money.ts';
import { type CsvRow, cell } from './csv.ts';
import type { RowError } from './types.ts';

/** The columns read; others may come and go. */
export const FTS_COLUMNS = [
  'id',
  'refCode',
  'status',
  'date',
  'decisionDate',
  'firstReportedDate',
  'createdAt',
  'updatedAt',
  'description',
  'amountUSD',
  'originalAmount',
  'originalCurrency',
  'exchangeRate',
  'srcOrganization',
  'srcOrganizationTypes',
  'srcLocations',
  'srcUsageYearStart',
  'srcUsageYearEnd',
  'destOrganization',
  'destOrganizationTypes',
  'destLocations',
  'destUsageYearStart',
  'destUsageYearEnd',
  'destGlobalClusters',
  'destEmergency',
  'destPlan',
  'destPlanCode',
  'destPlanId',
  'destProject',
  'destProjectCode',
  'budgetYear',
  'flowType',
  'contributionType',
  'method',
  'boundary',
  'onBoundary',
  'keywords',
] as const;
export type FtsColumn = (typeof FTS_COLUMNS)[number];

const FTS_STATUSES = ['pledge', 'commitment', 'paid'] as const;
export type FtsStatus = (typeof FTS_STATUSES)[number];

/** One side of a flow as FTS describes it. */
export interface FtsParty {
  /**
   * The organisation's name as FTS writes it ("Luxembourg, Government of": commas belong to names, so the cell is
   * never split). Several organisations appear under one name such as "Multiple", their types listed in `types`.
   */
  readonly name: string | null;
  /** e.g. ["Government"], ["NGO", "NGO"]. */
  readonly types: readonly string[];
  /** ISO 3166-1 alpha-3 codes, as FTS writes them. */
  readonly locations: readonly string[];
  readonly usageYears: { readonly start: number; readonly end: number } | null;
}

export interface FtsRecord {
  /** The FTS flow id. The same id may come on two rows (a flow shared between locations). */
  readonly id: string;
  readonly refCode: string | null;
  readonly status: FtsStatus;
  /** The flow's date, YYYY-MM-DD; the other dates likewise. */
  readonly date: string;
  readonly decisionDate: string | null;
  readonly firstReportedDate: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly description: string;
  /** The amount FTS counts, in US dollars (exact cents). */
  readonly amountUSD: Money;
  /** The amount in the currency the donor reported, when FTS gives it. */
  readonly originalAmount: Money | null;
  /** ISO 4217; FTS sometimes names a currency without an amount. */
  readonly originalCurrency: string | null;
  /** The rate FTS used, in units of the original currency per US dollar (500000 EUR at 0.824 → USD 606796). */
  readonly exchangeRate: string | null;
  readonly source: FtsParty;
  readonly destination: FtsParty;
  readonly globalClusters: readonly string[];
  readonly emergency: string | null;
  readonly plan: { readonly id: string | null; readonly code: string | null; readonly name: string | null } | null;
  readonly project: { readonly code: string | null; readonly name: string | null } | null;
  readonly budgetYear: number | null;
  /** Standard, Parked, Pass through, Carryover… */
  readonly flowType: string;
  /** financial or in kind. */
  readonly contributionType: string;
  readonly method: string;
  /** incoming in this file. */
  readonly boundary: string;
  /** single or shared. */
  readonly onBoundary: string;
  readonly keywords: readonly string[];
}

/** The first wrong cell of a row; thrown inside readFtsRow only, to stop at the first problem. */
class CellError extends Error {
  readonly column: FtsColumn;

  constructor(column: FtsColumn, reason: string) {
    super(reason);
    this.column = column;
  }
}

type Cells = (column: FtsColumn) => string;

const isStatus = (value: string): value is FtsStatus => FTS_STATUSES.some((status) => status === value);

const optional = (value: string): string | null => (value === '' ? null : value);

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** YYYY-MM-DD, perhaps followed by a time (which is dropped): the day as FTS states it. */
function day(cells: Cells, column: FtsColumn): string | null {
  const value = cells(column);
  if (value === '') return null;
  const date = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value)?.[1];
  try {
    return assertIsoDate(date ?? value, column);
  } catch (error) {
    if (error instanceof DomainError) throw new CellError(column, `"${value}" is not a date written YYYY-MM-DD`);
    throw error;
  }
}

function year(cells: Cells, column: FtsColumn): number | null {
  const value = cells(column);
  if (value === '') return null;
  if (!/^\d{4}$/.test(value)) throw new CellError(column, `"${value}" is not a year such as 2021`);
  return Number(value);
}

function amount(cells: Cells, column: FtsColumn, currency: string): Money {
  const value = cells(column);
  try {
    return parseMoney({ amount: value, currency }, column);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new CellError(column, `"${value}" is not an exact amount of ${currency}: ${error.message}`);
    }
    throw error;
  }
}

function party(cells: Cells, side: 'src' | 'dest'): FtsParty {
  const locationsColumn = `${side}Locations` as const;
  const locations = list(cells(locationsColumn));
  const wrong = locations.find((code) => !/^[A-Z]{3}$/.test(code));
  if (wrong !== undefined) {
    throw new CellError(locationsColumn, `"${wrong}" is not an ISO 3166-1 alpha-3 country code`);
  }
  const start = year(cells, `${side}UsageYearStart`);
  const end = year(cells, `${side}UsageYearEnd`);
  return {
    name: optional(cells(`${side}Organization`)),
    types: list(cells(`${side}OrganizationTypes`)),
    locations,
    usageYears: start !== null && end !== null ? { start, end } : null,
  };
}

function money(cells: Cells): Pick<FtsRecord, 'amountUSD' | 'originalAmount' | 'originalCurrency' | 'exchangeRate'> {
  if (cells('amountUSD') === '') throw new CellError('amountUSD', 'the amount in US dollars is missing');
  const amountUSD = amount(cells, 'amountUSD', 'USD');
  const originalCurrency = optional(cells('originalCurrency'));
  if (originalCurrency !== null && currencyDigits(originalCurrency) === undefined) {
    throw new CellError('originalCurrency', `"${originalCurrency}" is not an ISO 4217 currency code`);
  }
  let originalAmount: Money | null = null;
  if (cells('originalAmount') !== '') {
    if (originalCurrency === null) {
      throw new CellError('originalCurrency', 'the original amount is given without its currency');
    }
    originalAmount = amount(cells, 'originalAmount', originalCurrency);
  }
  const exchangeRate = optional(cells('exchangeRate'));
  if (exchangeRate !== null) {
    try {
      parseRate(exchangeRate, 'exchangeRate');
    } catch (error) {
      if (error instanceof DomainError) throw new CellError('exchangeRate', error.message);
      throw error;
    }
  }
  return { amountUSD, originalAmount, originalCurrency, exchangeRate };
}

function recordOf(cells: Cells): FtsRecord {
  const id = cells('id');
  if (!/^\d+$/.test(id)) throw new CellError('id', id === '' ? 'the flow id is missing' : `"${id}" is not an FTS id`);
  const status = cells('status');
  if (!isStatus(status)) throw new CellError('status', `"${status}" is not one of ${FTS_STATUSES.join(', ')}`);
  const date = day(cells, 'date');
  if (date === null) throw new CellError('date', 'the date of the flow is missing');
  const planName = optional(cells('destPlan'));
  const planCode = optional(cells('destPlanCode'));
  const planId = optional(cells('destPlanId'));
  const projectName = optional(cells('destProject'));
  const projectCode = optional(cells('destProjectCode'));
  return {
    id,
    refCode: optional(cells('refCode')),
    status,
    date,
    ...money(cells),
    decisionDate: day(cells, 'decisionDate'),
    firstReportedDate: day(cells, 'firstReportedDate'),
    createdAt: day(cells, 'createdAt'),
    updatedAt: day(cells, 'updatedAt'),
    description: cells('description'),
    source: party(cells, 'src'),
    destination: party(cells, 'dest'),
    globalClusters: list(cells('destGlobalClusters')),
    emergency: optional(cells('destEmergency')),
    plan: planName || planCode || planId ? { id: planId, code: planCode, name: planName } : null,
    project: projectName || projectCode ? { code: projectCode, name: projectName } : null,
    budgetYear: year(cells, 'budgetYear'),
    flowType: cells('flowType'),
    contributionType: cells('contributionType'),
    method: cells('method'),
    boundary: cells('boundary'),
    onBoundary: cells('onBoundary'),
    keywords: list(cells('keywords')),
  };
}

/** A data row (of the header's width) as a record, or the first cell that is wrong. */
export function readFtsRow(row: CsvRow, index: Record<FtsColumn, number>): FtsRecord | RowError {
  try {
    return recordOf((column) => cell(row, index, column));
  } catch (error) {
    if (error instanceof CellError) return { column: error.column, reason: error.message };
    throw error;
  }
}
