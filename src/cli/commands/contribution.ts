import type { Command } from 'commander';
import {
  amendContribution,
  commitContribution,
  payContribution,
  pledgeContribution,
  withdrawContribution,
} from '../../app/contributions.ts';
import {
  amendContributionSchema,
  moneyChangeSchema,
  paymentSchema,
  pledgeContributionSchema,
  reasonSchema,
} from '../../app/schemas.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import type { ContributionView } from '../../projections/queries/contributions.ts';
import { listContributions } from '../../projections/queries/contributions.ts';
import type { FlagSpec } from '../body.ts';
import type { CliContext } from '../context.ts';
import { type Column, money, table } from '../output.ts';
import { addReadCommand, optional, reportingCurrency, withCurrencyFlag } from '../read-command.ts';
import { addWriteCommand, write } from '../write-command.ts';

const AMOUNT: readonly FlagSpec[] = [
  ['--amount <amount>', 'amount.amount', "the amount in the donor's currency (with --currency)"],
  ['--currency <code>', 'amount.currency', 'its currency, e.g. EUR'],
];
const REASON: FlagSpec = ['--reason <text>', 'reason', 'why'];

const COMMANDS = [
  write({
    name: 'pledge',
    summary: "record a donor's pledge, towards a package or as general support",
    schema: pledgeContributionSchema,
    flags: [
      ['--id <id>', 'id', 'its id (default: a new one)'],
      ['--donor <id>', 'donorId', 'the donor'],
      ['--package <id>', 'packageId', 'the package it pays for'],
      ['--category <id>', 'category', 'what it is for, when not for a package'],
      ...AMOUNT,
    ],
    run: (deps, request, input) => pledgeContribution(deps, request, input),
  }),
  write({
    name: 'commit',
    summary: 'record that a pledge is committed (allocated), at its amount or a new one',
    args: ['id'],
    schema: moneyChangeSchema,
    flags: AMOUNT,
    run: (deps, request, input, { id }) => commitContribution(deps, request, id, input),
  }),
  write({
    name: 'pay',
    summary: 'record a payment towards a contribution',
    args: ['id'],
    schema: paymentSchema,
    flags: [['--payment <id>', 'paymentId', "the payment's id (default: a new one)"], ...AMOUNT],
    run: (deps, request, input, { id }) => payContribution(deps, request, id, input),
  }),
  write({
    name: 'amend',
    summary: "correct a contribution's amount, with the reason",
    args: ['id'],
    schema: amendContributionSchema,
    flags: [...AMOUNT, REASON],
    run: (deps, request, input, { id }) => amendContribution(deps, request, id, input),
  }),
  write({
    name: 'withdraw',
    summary: 'withdraw a contribution',
    args: ['id'],
    schema: reasonSchema,
    flags: [REASON],
    run: (deps, request, input, { id }) => withdrawContribution(deps, request, id, input),
  }),
];

/** Also the contributions section of `package show`. */
export const contributionColumns: readonly Column<ContributionView>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'donor', value: (row) => row.donorId },
  { header: 'package', value: (row) => row.packageId ?? row.category },
  { header: 'status', value: (row) => row.status },
  { header: 'amount', value: (row) => money(row.amount), align: 'right' },
  { header: 'paid', value: (row) => money(row.paidAmount), align: 'right' },
  { header: 'reporting', value: (row) => money(row.reporting.amount), align: 'right' },
  { header: 'rate', value: (row) => `${row.rate.source} ${row.rate.date}` },
  { header: 'pledged', value: (row) => row.dates.pledged },
];

export function registerContributionCommands(program: Command, context: CliContext): void {
  const contribution = program
    .command('contribution')
    .description("donors' money: pledge, commit, pay, amend, withdraw");
  for (const spec of COMMANDS) addWriteCommand(contribution, spec, context);
  addReadCommand(
    contribution,
    'list',
    'contributions, newest pledge first',
    (command) =>
      withCurrencyFlag(command)
        .option('--donor <id>', 'only this donor')
        .option('--package <id>', 'only towards this package')
        .option('--status <status>', 'only this status'),
    (db, options) =>
      listContributions(db, FULL_SCOPE, {
        donorId: optional(options.donor),
        packageId: optional(options.package),
        status: optional(options.status),
        currency: reportingCurrency(options.currency),
      }),
    (rows) => table(rows, contributionColumns),
    context,
  );
}
