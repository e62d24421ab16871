/**
 * The Kiel Institute's Ukraine Support Tracker: `data_explorer.csv` (one row per donor and month, values in EUR
 * billions) and `release_info.csv` (which release a download is). Pure readers: no database, no clock.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import { DomainError } from '../../domain/errors.ts';
import { assertIsoDate } from '../../domain/facts.ts';
import { cellAt, columnIndex, detach, readCsvRows } from './csv.ts';
import { DECIMAL_TEXT, scaleDecimal, scaleSmallDecimal } from './decimal.ts';
import { FormatError, type RowError, type RowResult } from './types.ts';

const COLUMNS = [
  'country',
  'iso',
  'year',
  'month',
  'total',
  'financial',
  'humanitarian',
  'military',
  'commitments',
  'to_be_allocated',
  'gdp',
  'pct_gdp',
] as const;
type Column = (typeof COLUMNS)[number];

/** The amount fields of a record and the column each comes from. */
const AMOUNTS = {
  total: 'total',
  financial: 'financial',
  humanitarian: 'humanitarian',
  military: 'military',
  commitments: 'commitments',
  toBeAllocated: 'to_be_allocated',
} as const satisfies Record<string, Column>;
type AmountField = keyof typeof AMOUNTS;

/** An amount as the tracker writes it (EUR billions, a decimal string) and the same in euro cents. */
export interface KielAmount {
  readonly billions: string;
  readonly cents: bigint;
}

interface KielFields<A> extends Readonly<Record<AmountField, A>> {
  /** The tracker's donor name, e.g. "EU (Commission and Council)". */
  readonly country: string;
  /** The code as written: ISO 3166-1 alpha-3, or "EU" for the EU institutions. */
  readonly iso3: string;
  /** ISO 3166-1 alpha-2, or "EU". */
  readonly code: string;
  readonly year: number;
  readonly month: number;
  /**
   * The donor's GDP in EUR billions. Written with up to 13 decimals, finer than a cent, so its cents are rounded half
   * to even; every other amount converts exactly.
   */
  readonly gdp: A;
  /** Total support as a percentage of GDP, as written. */
  readonly pctGdp: string;
}

export type KielRecord = KielFields<KielAmount>;

/**
 * A record as `readKielRows` gives it: the same, with each amount as the tracker writes it (checked: a decimal, and
 * a whole number of cents but for GDP). `centsOf` gives its cents; no bigint is made for a file's millions of them.
 */
export type KielRow = KielFields<string>;

/** Billions to cents: × 10^9 × 100. */
const CENTS_PER_BILLION_POWER = 11;

function decimalCell(text: string, column: Column): RowError | null {
  if (text === '') return { column, reason: 'the cell is empty; a decimal number is expected' };
  if (!DECIMAL_TEXT.test(text)) return { column, reason: `"${detach(text)}" is not a decimal number such as 0.142911` };
  return null;
}

/** Why an amount cell is wrong, or null: a decimal, and a whole number of cents unless it is rounded (GDP). */
function amountError(text: string, column: Column, round: boolean): RowError | null {
  if (text === '0') return null;
  const bad = decimalCell(text, column);
  if (bad || round) return bad;
  // A decimal with at most 11 decimals is a whole number of cents; one with more, when those are zeros.
  const dot = text.indexOf('.');
  if (dot === -1 || text.length - dot - 1 <= CENTS_PER_BILLION_POWER) return null;
  if (scaleDecimal(text, CENTS_PER_BILLION_POWER).exact) return null;
  return { column, reason: `"${detach(text)}" billion euros is not a whole number of cents` };
}

/**
 * The exact cents of an amount of a KielRow (GDP's rounded half to even): a number when they are a safe integer,
 * else a bigint.
 */
export function centsOf(billions: string): number | bigint {
  if (billions === '0') return 0;
  return scaleSmallDecimal(billions, CENTS_PER_BILLION_POWER) ?? scaleDecimal(billions, CENTS_PER_BILLION_POWER).value;
}

const ZERO: KielAmount = { billions: '0', cents: 0n };

const amountOf = (billions: string): KielAmount =>
  billions === '0' ? ZERO : { billions, cents: scaleDecimal(billions, CENTS_PER_BILLION_POWER).value };

/** A row's amounts in bigint cents. */
function recordOf(row: KielRow): KielRecord {
  return {
    ...row,
    total: amountOf(row.total),
    financial: amountOf(row.financial),
    humanitarian: amountOf(row.humanitarian),
    military: amountOf(row.military),
    commitments: amountOf(row.commitments),
    toBeAllocated: amountOf(row.toBeAllocated),
    gdp: amountOf(row.gdp),
  };
}

function isError(value: object): value is RowError {
  return 'reason' in value;
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** The alpha-2 code of each alpha-3 code seen (or undefined), asked of i18n-iso-countries once per code. */
const DONOR_CODES = new Map<string, string | undefined>([['EU', 'EU']]);

function donorCode(iso: string): string | undefined {
  const known = DONOR_CODES.get(iso);
  if (known !== undefined || DONOR_CODES.has(iso)) return known;
  if (!/^[A-Z]{3}$/.test(iso)) return undefined;
  const code = countries.alpha3ToAlpha2(iso);
  DONOR_CODES.set(iso, code);
  return code;
}

/** A month number as written: /^\d{1,2}$/, from 1 to 12; else null. */
function monthOf(text: string): number | null {
  const first = text.charCodeAt(0);
  if (text.length === 1) return isDigit(first) && first !== 0x30 ? first - 0x30 : null;
  if (text.length !== 2 || !isDigit(first) || !isDigit(text.charCodeAt(1))) return null;
  const month = (first - 0x30) * 10 + text.charCodeAt(1) - 0x30;
  return month >= 1 && month <= 12 ? month : null;
}

/** A year as written: /^\d{4}$/; else null. */
function yearOf(text: string): number | null {
  if (text.length !== 4) return null;
  let year = 0;
  for (let at = 0; at < 4; at += 1) {
    const code = text.charCodeAt(at);
    if (!isDigit(code)) return null;
    year = year * 10 + code - 0x30;
  }
  return year;
}

/** Where each column is in the file's rows. */
type Positions = Readonly<Record<Column, number>>;

function readRow(cells: readonly string[], at: Positions, width: number): KielRow | RowError {
  if (cells.length !== width) {
    return { column: null, reason: `the row has ${cells.length} cells where the header has ${width}` };
  }
  const country = cellAt(cells, at.country);
  if (country === '') return { column: 'country', reason: 'the donor name is empty' };
  const iso3 = cellAt(cells, at.iso);
  const code = donorCode(iso3);
  if (!code) return { column: 'iso', reason: `"${detach(iso3)}" is not an ISO 3166-1 alpha-3 country code or EU` };
  const yearText = cellAt(cells, at.year);
  const year = yearOf(yearText);
  if (year === null) return { column: 'year', reason: `"${detach(yearText)}" is not a year such as 2025` };
  const monthText = cellAt(cells, at.month);
  const month = monthOf(monthText);
  if (month === null) return { column: 'month', reason: `"${detach(monthText)}" is not a month number from 1 to 12` };
  const total = cellAt(cells, at.total);
  const financial = cellAt(cells, at.financial);
  const humanitarian = cellAt(cells, at.humanitarian);
  const military = cellAt(cells, at.military);
  const commitments = cellAt(cells, at.commitments);
  const toBeAllocated = cellAt(cells, at.to_be_allocated);
  const gdp = cellAt(cells, at.gdp);
  const bad =
    amountError(total, 'total', false) ??
    amountError(financial, 'financial', false) ??
    amountError(humanitarian, 'humanitarian', false) ??
    amountError(military, 'military', false) ??
    amountError(commitments, 'commitments', false) ??
    amountError(toBeAllocated, 'to_be_allocated', false) ??
    amountError(gdp, 'gdp', true);
  if (bad) return bad;
  const pctGdp = cellAt(cells, at.pct_gdp);
  const badPct = decimalCell(pctGdp, 'pct_gdp');
  if (badPct) return badPct;
  return {
    country,
    iso3,
    code,
    year,
    month,
    total,
    financial,
    humanitarian,
    military,
    commitments,
    toBeAllocated,
    gdp,
    pctGdp,
  };
}

/**
 * Reads `data_explorer.csv` in constant memory, an array of results per chunk of the file: each data row gives its
 * record or the first cell that is wrong (`row` is the physical line; the header is line 1). A missing column in
 * the header is a FormatError. The amounts are as written: `readKiel` gives them in bigint cents too.
 */
export async function* readKielRows(input: Readable): AsyncGenerator<readonly RowResult<KielRow>[]> {
  let at: Positions | undefined;
  let width = 0;
  for await (const rows of readCsvRows(input)) {
    const results: RowResult<KielRow>[] = [];
    for (const row of rows) {
      if (!at) {
        at = columnIndex(row.cells, COLUMNS, 'Kiel data_explorer.csv');
        width = row.cells.length;
        continue;
      }
      const result = readRow(row.cells, at, width);
      results.push(isError(result) ? { row: row.line, error: result } : { row: row.line, record: result });
    }
    if (results.length > 0) yield results;
  }
  if (!at) throw new FormatError('the file is empty; a Kiel data_explorer.csv header was expected', 1);
}

/** `readKielRows` with every amount in exact euro cents. */
export async function* readKiel(input: Readable): AsyncGenerator<readonly RowResult<KielRecord>[]> {
  for await (const results of readKielRows(input)) {
    yield results.map((result) => ('record' in result ? { row: result.row, record: recordOf(result.record) } : result));
  }
}

/** Which tracker release a download is: `release_info.csv`. */
export interface KielRelease {
  readonly release: number;
  /** The last month the release covers ("04/2026" in the file). */
  readonly period: { readonly year: number; readonly month: number };
  /** The day it was published, YYYY-MM-DD. */
  readonly date: string;
  readonly label: string;
}

/** Reads `release_info.csv` (header `release,period,date,label` and one row); anything else is a FormatError. */
export function readKielRelease(text: string): KielRelease {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new FormatError(`release_info.csv cannot be read: ${error instanceof Error ? error.message : error}`);
  }
  const [row, ...others] = rows;
  if (!row || others.length > 0) {
    throw new FormatError(`release_info.csv should hold one release, not ${rows.length}`);
  }
  const release = row.release ?? '';
  if (!/^\d+$/.test(release) || Number(release) === 0) {
    throw new FormatError(`release_info.csv: release "${release}" is not a release number`, 2);
  }
  const period = /^(\d{2})\/(\d{4})$/.exec(row.period ?? '');
  const month = Number(period?.[1]);
  if (!period || month < 1 || month > 12) {
    throw new FormatError(`release_info.csv: period "${row.period ?? ''}" is not a month written MM/YYYY`, 2);
  }
  const date = row.date ?? '';
  try {
    assertIsoDate(date, 'date');
  } catch (error) {
    if (error instanceof DomainError) throw new FormatError(`release_info.csv: ${error.message}`, 2);
    throw error;
  }
  const label = row.label ?? '';
  if (label === '') throw new FormatError('release_info.csv: the label is empty', 2);
  return { release: Number(release), period: { year: Number(period[2]), month }, date, label };
}
