import Table from 'cli-table3';
import type { Command } from 'commander';
import type { LocalizedText } from '../domain/facts.ts';
import type { MoneyJson } from '../domain/money.ts';
import type { CliContext } from './context.ts';

/** One column of a table: its heading and how a row shows in it. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | null | undefined;
  readonly align?: 'left' | 'right';
}

/** A plain table (no colours: output is often piped), or a note when there is nothing to show. */
export function table<Row>(rows: readonly Row[], columns: readonly Column<Row>[], empty = '(none)'): string {
  if (rows.length === 0) return empty;
  const out = new Table({
    head: columns.map((column) => column.header),
    colAligns: columns.map((column) => column.align ?? 'left'),
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) out.push(columns.map((column) => String(column.value(row) ?? '')));
  return out.toString();
}

/** `label: value` lines, aligned. */
export function fields(pairs: readonly (readonly [string, string | number | null | undefined])[]): string {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value ?? ''}`).join('\n');
}

/** `500,000,000.00 EUR`: grouped in the string itself, so no amount ever passes through a float. */
export function money(value: MoneyJson | null | undefined): string {
  if (!value) return '';
  const [whole = '0', fraction] = value.amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''} ${value.currency}`;
}

/** A share 0…1 as a percentage with one decimal. */
export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** The English text, else whichever language there is. */
export const text = (value: LocalizedText | null | undefined): string => value?.en ?? value?.uk ?? value?.ru ?? '';

/** Adds `--json` to a read command. */
export const withJsonFlag = (command: Command): Command => command.option('--json', 'print JSON instead of a table');

/** Prints `data` as JSON when `--json` was given, else as the text `render` makes of it. */
export function show<T>(context: CliContext, command: Command, data: T, render: (data: T) => string): void {
  context.out(command.opts().json === true ? JSON.stringify(data, null, 2) : render(data));
}
