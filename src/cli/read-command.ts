import type { Command } from 'commander';
import type { Db } from '../db/index.ts';
import { REPORTING_CURRENCIES, type ReportingCurrency } from '../projections/queries/common.ts';
import { type CliContext, withDatabase } from './context.ts';
import { RequestInvalidError } from './errors.ts';
import { show, withJsonFlag } from './output.ts';

/**
 * Adds a read command: it opens the database (taking the lock), runs `query` with the parsed options and
 * positional arguments, and prints a table, or JSON with `--json`.
 */
export function addReadCommand<T>(
  parent: Command,
  usage: string,
  summary: string,
  configure: (command: Command) => Command,
  query: (db: Db, options: Record<string, unknown>, args: readonly string[]) => Promise<T>,
  render: (data: T) => string,
  context: CliContext,
): Command {
  const command = configure(withJsonFlag(parent.command(usage).description(summary)));
  command.action(async () => {
    const options = command.opts();
    const args = command.processedArgs.map(String);
    const holder = `tranche ${parent.parent ? `${parent.name()} ` : ''}${command.name()}`;
    const data = await withDatabase(context, holder, (database) => query(database.db, options, args));
    show(context, command, data, render);
  });
  return command;
}

/** `--currency EUR|USD`, the currency totals are reported in (default EUR). */
export const withCurrencyFlag = (command: Command): Command =>
  command.option('--currency <code>', `reporting currency: ${REPORTING_CURRENCIES.join(' or ')} (default EUR)`);

export function reportingCurrency(value: unknown): ReportingCurrency {
  if (value === undefined) return 'EUR';
  const found = REPORTING_CURRENCIES.find((currency) => currency === String(value).toUpperCase());
  if (!found)
    throw new RequestInvalidError(
      'currency',
      `--currency "${String(value)}" is not one of ${REPORTING_CURRENCIES.join(', ')}`,
    );
  return found;
}

/** An optional string option. */
export const optional = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** `YYYY-MM`, checked before it reaches a query. */
export function month(value: unknown, flag: string): string | undefined {
  const given = optional(value);
  if (given !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(given)) {
    throw new RequestInvalidError(flag.replace(/^--/, ''), `${flag} "${given}" is not a month written as YYYY-MM`);
  }
  return given;
}

/** A whole number within bounds, for --limit and --offset. */
export function count(value: unknown, flag: string, min: number, max: number): number | undefined {
  const given = optional(value);
  if (given === undefined) return undefined;
  const number = Number(given);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new RequestInvalidError(
      flag.replace(/^--/, ''),
      `${flag} "${given}" is not a whole number from ${min} to ${max}`,
    );
  }
  return number;
}
