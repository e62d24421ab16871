/**
 * One FTS flow row as a record: the columns Tranche reads, the record's shape, and their checks (the date, ISO 4217
 * currencies, exact amounts). `readFts` in fts.ts streams the file through it. The other columns (plans, projects,
 * clusters, emergencies, locations, usage years, keywords, FTS's own dates of record) are neither kept nor checked: a
 * row is refused only for what the ledger would hold.
 */
import { DomainError } from '../../domain/errors.ts';
import { assertIsoDate } from '../../domain/facts.ts';
import { currencyDigits, type Money, parseMoney, parseRate } from '../../domain/money.ts';
import { cellAt, detach } from './csv.ts';
import type { RowError } from './types.ts';

/**
 * The columns read, which a header must have; others may come and go. Reading only these (a row has 37 cells) also
 * read a million rows in a sixth less time than checking every cell.
 */
export const FTS_COLUMNS = [
  'id',
  'status',
  'date',
  'description',
  'amountUSD',
  'originalAmount',
  'originalCurrency',
  'exchangeRate',
  'srcOrganization',
  'srcOrganizationTypes',
  'destOrganization',
  'destOrganizationTypes',
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
}

export interface FtsRecord {
  /** The FTS flow id. The same id may come on two rows (a flow shared between locations). */
  readonly id: string;
  readonly status: FtsStatus;
  /** The flow's date, YYYY-MM-DD. */
  readonly date: string;
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
}

/** The first wrong cell of a row; thrown inside readFtsRow only, to stop at the first problem. */
class CellError extends Error {
  readonly column: FtsColumn;

  constructor(column: FtsColumn, reason: string) {
    super(detach(reason));
    this.column = column;
  }
}

/** Where each column is in the file's rows. */
export type FtsPositions = Readonly<Record<FtsColumn, number>>;

const isStatus = (value: string): value is FtsStatus => FTS_STATUSES.some((status) => status === value);

const optional = (value: string): string | null => (value === '' ? null : value);

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

function list(value: string): string[] {
  if (value === '') return [];
  // A cell is trimmed already: one item needs no splitting.
  if (!value.includes(',')) return [value];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Days already found to be calendar dates, as YYYYMMDD numbers (a file has a few thousand; emptied past 100,000).
 * A number is looked up without hashing the cell's text.
 */
const CALENDAR_DAYS = new Set<number>();

/** A cell written YYYY-MM-DD as the number YYYYMMDD; -1 for any other text. */
function dayNumber(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return -1;
  let number = 0;
  for (let at = 0; at < 10; at += 1) {
    if (at === 4 || at === 7) continue;
    const code = value.charCodeAt(at);
    if (!isDigit(code)) return -1;
    number = number * 10 + code - 0x30;
  }
  return number;
}

/** YYYY-MM-DD, perhaps followed by a time (which is dropped): the day as FTS states it. */
function day(value: string, column: FtsColumn): string | null {
  if (value === '') return null;
  const number = dayNumber(value);
  if (number !== -1 && CALENDAR_DAYS.has(number)) return value;
  const date = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value)?.[1];
  try {
    const found = assertIsoDate(date ?? value, column);
    if (number !== -1) {
      if (CALENDAR_DAYS.size >= 100_000) CALENDAR_DAYS.clear();
      CALENDAR_DAYS.add(number);
    }
    return found;
  } catch (error) {
    if (error instanceof DomainError) throw new CellError(column, `"${value}" is not a date written YYYY-MM-DD`);
    throw error;
  }
}

/** Digits a double holds exactly, whatever they are (10^15 < 2^53). */
const SAFE_DIGITS = 15;

/**
 * parseMoney's result for an amount as FTS mostly writes it, digits with perhaps a few decimals ("606796",
 * "1250.5"), read into a double where every step is exact; null for anything else, which parseMoney reads.
 */
function plainMoney(value: string, currency: string, digits: number): Money | null {
  const dot = value.indexOf('.');
  const wholeEnd = dot === -1 ? value.length : dot;
  const decimals = dot === -1 ? 0 : value.length - dot - 1;
  if (wholeEnd === 0 || wholeEnd + digits > SAFE_DIGITS || decimals > digits || dot === value.length - 1) return null;
  let minor = 0;
  for (let at = 0; at < value.length; at += 1) {
    if (at === dot) continue;
    const code = value.charCodeAt(at);
    if (!isDigit(code)) return null;
    minor = minor * 10 + code - 0x30;
  }
  return { currency, minor: BigInt(minor * 10 ** (digits - decimals)) };
}

function amount(value: string, column: FtsColumn, currency: string): Money {
  const digits = currencyDigits(currency);
  const plain = digits === undefined ? null : plainMoney(value, currency, digits);
  if (plain) return plain;
  try {
    return parseMoney({ amount: value, currency }, column);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new CellError(column, `"${value}" is not an exact amount of ${currency}: ${error.message}`);
    }
    throw error;
  }
}

/** A rate parseRate takes: /^\d{1,12}(\.\d{1,12})?$/ with a digit other than 0. */
function isPlainRate(text: string): boolean {
  const dot = text.indexOf('.');
  const wholeEnd = dot === -1 ? text.length : dot;
  const decimals = dot === -1 ? 0 : text.length - dot - 1;
  if (wholeEnd < 1 || wholeEnd > 12 || (dot !== -1 && (decimals < 1 || decimals > 12))) return false;
  let positive = false;
  for (let at = 0; at < text.length; at += 1) {
    if (at === dot) continue;
    const code = text.charCodeAt(at);
    if (!isDigit(code)) return false;
    if (code !== 0x30) positive = true;
  }
  return positive;
}

/** One side of the flow: its organisation and the organisation's types. */
function party(name: string, types: string): FtsParty {
  return { name: optional(name), types: list(types) };
}

type Cell = (position: number) => string;

function money(
  cell: Cell,
  at: FtsPositions,
): Pick<FtsRecord, 'amountUSD' | 'originalAmount' | 'originalCurrency' | 'exchangeRate'> {
  const usd = cell(at.amountUSD);
  if (usd === '') throw new CellError('amountUSD', 'the amount in US dollars is missing');
  const amountUSD = amount(usd, 'amountUSD', 'USD');
  const originalCurrency = optional(cell(at.originalCurrency));
  if (originalCurrency !== null && currencyDigits(originalCurrency) === undefined) {
    throw new CellError('originalCurrency', `"${originalCurrency}" is not an ISO 4217 currency code`);
  }
  let originalAmount: Money | null = null;
  const original = cell(at.originalAmount);
  if (original !== '') {
    if (originalCurrency === null) {
      throw new CellError('originalCurrency', 'the original amount is given without its currency');
    }
    originalAmount = amount(original, 'originalAmount', originalCurrency);
  }
  const exchangeRate = optional(cell(at.exchangeRate));
  if (exchangeRate !== null && !isPlainRate(exchangeRate)) {
    try {
      parseRate(exchangeRate, 'exchangeRate');
    } catch (error) {
      if (error instanceof DomainError) throw new CellError('exchangeRate', error.message);
      throw error;
    }
  }
  return { amountUSD, originalAmount, originalCurrency, exchangeRate };
}

function recordOf(cell: Cell, at: FtsPositions): FtsRecord {
  const id = cell(at.id);
  if (!/^\d+$/.test(id)) throw new CellError('id', id === '' ? 'the flow id is missing' : `"${id}" is not an FTS id`);
  const status = cell(at.status);
  if (!isStatus(status)) throw new CellError('status', `"${status}" is not one of ${FTS_STATUSES.join(', ')}`);
  const date = day(cell(at.date), 'date');
  if (date === null) throw new CellError('date', 'the date of the flow is missing');
  return {
    id,
    status,
    date,
    ...money(cell, at),
    description: cell(at.description),
    source: party(cell(at.srcOrganization), cell(at.srcOrganizationTypes)),
    destination: party(cell(at.destOrganization), cell(at.destOrganizationTypes)),
  };
}

/** A data row (of the header's width) as a record, or the first cell that is wrong. */
export function readFtsRow(cells: readonly string[], at: FtsPositions): FtsRecord | RowError {
  try {
    return recordOf((position) => cellAt(cells, position), at);
  } catch (error) {
    if (error instanceof CellError) return { column: error.column, reason: error.message };
    throw error;
  }
}
