/**
 * The Kiel Institute's Ukraine Support Tracker: `data_explorer.csv` (one row per donor and month, values in EUR
 * billions) and `release_info.csv` (which release a download is). Pure readers: no database, no clock.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import { DomainError } from '../../domain/errors.ts';
import { assertIsoDate } from '../../domain/facts.ts';
import { type CsvRow, cell, columnIndex, readCsvRows } from './csv.ts';
import { DECIMAL_TEXT, scaleDecimal } from './decimal.ts';
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

export interface KielRecord extends Readonly<Record<AmountField, KielAmount>> {
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
  readonly gdp: KielAmount;
  /** Total support as a percentage of GDP, as written. */
  readonly pctGdp: string;
}

/** Billions to cents: × 10^9 × 100. */
const CENTS_PER_BILLION_POWER = 11;

function decimalCell(text: string, column: Column): RowError | null {
  if (text === '') return { column, reason: 'the cell is empty; a decimal number is expected' };
  if (!DECIMAL_TEXT.test(text)) return { column, reason: `"${text}" is not a decimal number such as 0.142911` };
  return null;
}

function amount(text: string, column: Column, round: boolean): KielAmount | RowError {
  const bad = decimalCell(text, column);
  if (bad) return bad;
  const { value, exact } = scaleDecimal(text, CENTS_PER_BILLION_POWER);
  if (!exact && !round) {
    return { column, reason: `"${text}" billion euros is not a whole number of cents` };
  }
  return { billions: text, cents: value };
}

function isError(value: object): value is RowError {
  return 'reason' in value;
}

function donorCode(iso: string): string | undefined {
  if (iso === 'EU') return 'EU';
  return /^[A-Z]{3}$/.test(iso) ? countries.alpha3ToAlpha2(iso) : undefined;
}

function readRow(row: CsvRow, index: Record<Column, number>, width: number): KielRecord | RowError {
  if (row.cells.length !== width) {
    return { column: null, reason: `the row has ${row.cells.length} cells where the header has ${width}` };
  }
  const text = (column: Column) => cell(row, index, column);
  const country = text('country');
  if (country === '') return { column: 'country', reason: 'the donor name is empty' };
  const iso3 = text('iso');
  const code = donorCode(iso3);
  if (!code) return { column: 'iso', reason: `"${iso3}" is not an ISO 3166-1 alpha-3 country code or EU` };
  const year = text('year');
  if (!/^\d{4}$/.test(year)) return { column: 'year', reason: `"${year}" is not a year such as 2025` };
  const month = text('month');
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) {
    return { column: 'month', reason: `"${month}" is not a month number from 1 to 12` };
  }
  const amounts: Partial<Record<AmountField, KielAmount>> = {};
  for (const [field, column] of Object.entries(AMOUNTS) as [AmountField, Column][]) {
    const value = amount(text(column), column, false);
    if (isError(value)) return value;
    amounts[field] = value;
  }
  const gdp = amount(text('gdp'), 'gdp', true);
  if (isError(gdp)) return gdp;
  const pctGdp = text('pct_gdp');
  const badPct = decimalCell(pctGdp, 'pct_gdp');
  if (badPct) return badPct;
  return {
    country,
    iso3,
    code,
    year: Number(year),
    month: Number(month),
    ...(amounts as Record<AmountField, KielAmount>),
    gdp,
    pctGdp,
  };
}

/**
 * Reads `data_explorer.csv` row by row, in constant memory: each data row gives its record or the first cell that is
 * wrong (`row` is the physical line; the header is line 1). A missing column in the header is a FormatError.
 */
export async function* readKiel(input: Readable): AsyncGenerator<RowResult<KielRecord>> {
  let index: Record<Column, number> | undefined;
  let width = 0;
  for await (const row of readCsvRows(input)) {
    if (!index) {
      index = columnIndex(row.cells, COLUMNS, 'Kiel data_explorer.csv');
      width = row.cells.length;
      continue;
    }
    const result = readRow(row, index, width);
    yield isError(result) ? { row: row.line, error: result } : { row: row.line, record: result };
  }
  if (!index) throw new FormatError('the file is empty; a Kiel data_explorer.csv header was expected', 1);
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
