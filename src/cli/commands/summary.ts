import type { Command } from 'commander';
import { FULL_SCOPE } from '../../domain/access.ts';
import {
  donorTotals,
  isTotalsDimension,
  pipelineSummary,
  STAGES,
  TOTALS_DIMENSIONS,
  type TotalsDimension,
} from '../../projections/queries/totals.ts';
import type { CliContext } from '../context.ts';
import { RequestInvalidError } from '../errors.ts';
import { fields, money, table } from '../output.ts';
import { addReadCommand, month, optional, reportingCurrency, withCurrencyFlag } from '../read-command.ts';

function stage(value: unknown): string | undefined {
  const given = optional(value);
  if (given !== undefined && !STAGES.some((known) => known === given)) {
    throw new RequestInvalidError('stage', `--stage "${given}" is not one of ${STAGES.join(', ')}`);
  }
  return given;
}

function dimensions(value: unknown): TotalsDimension[] | undefined {
  const given = optional(value);
  if (given === undefined) return undefined;
  const parts = given.split(',').map((part) => part.trim());
  const unknown = parts.find((part) => !isTotalsDimension(part));
  if (unknown !== undefined) {
    throw new RequestInvalidError('by', `--by "${unknown}" is not one of ${TOTALS_DIMENSIONS.join(', ')}`);
  }
  return parts.filter(isTotalsDimension);
}

export function registerSummaryCommands(program: Command, context: CliContext): void {
  addReadCommand(
    program,
    'summary',
    'totals by stage, the pledge-to-delivery gap, packages by status',
    withCurrencyFlag,
    (db, options) => pipelineSummary(db, FULL_SCOPE, reportingCurrency(options.currency)),
    (summary) =>
      [
        fields([
          ...STAGES.map((name) => [name, money(summary.totals[name])] as const),
          ['not yet delivered', money(summary.gap.amount)],
          ['median days pledge → delivery', summary.gap.medianLagDays ?? '–'],
          ['contributions delivered', summary.gap.deliveredContributions],
        ]),
        '\nPackages by status:',
        table(Object.entries(summary.packagesByStatus), [
          { header: 'status', value: ([status]) => status },
          { header: 'packages', value: ([, count]) => count, align: 'right' },
        ]),
      ].join('\n'),
    context,
  );
  addReadCommand(
    program,
    'totals',
    'donor totals by stage, category and month',
    (command) =>
      withCurrencyFlag(command)
        .option('--by <dimensions>', 'group by donor, category and/or month (comma-separated; default all three)')
        .option('--donor <id>', 'only this donor')
        .option('--stage <stage>', STAGES.join(', '))
        .option('--category <id>', 'only this category')
        .option('--from <YYYY-MM>', 'from this month')
        .option('--to <YYYY-MM>', 'to this month (inclusive)'),
    (db, options) =>
      donorTotals(db, FULL_SCOPE, {
        currency: reportingCurrency(options.currency),
        by: dimensions(options.by),
        donorId: optional(options.donor),
        stage: stage(options.stage),
        category: optional(options.category),
        from: month(options.from, '--from'),
        to: month(options.to, '--to'),
      }),
    (rows) =>
      table(rows, [
        { header: 'month', value: (row) => row.month ?? '' },
        { header: 'donor', value: (row) => row.donorId ?? '' },
        { header: 'stage', value: (row) => row.stage },
        { header: 'category', value: (row) => row.category ?? '' },
        { header: 'amount', value: (row) => money(row.amount), align: 'right' },
      ]),
    context,
  );
}
