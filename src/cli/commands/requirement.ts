import type { Command } from 'commander';
import {
  amendRequirement,
  listRequirement,
  reprioritiseRequirement,
  withdrawRequirement,
} from '../../app/requirements.ts';
import {
  amendRequirementSchema,
  listRequirementSchema,
  reasonSchema,
  reprioritiseRequirementSchema,
} from '../../app/schemas.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import { requirementCoverage } from '../../projections/queries/requirements.ts';
import type { FlagSpec } from '../body.ts';
import type { CliContext } from '../context.ts';
import { money, table, text } from '../output.ts';
import { addReadCommand, optional } from '../read-command.ts';
import { addWriteCommand, write } from '../write-command.ts';

const DETAILS: readonly FlagSpec[] = [
  ['--title-uk <text>', 'title.uk', 'the title in Ukrainian'],
  ['--title-en <text>', 'title.en', 'the title in English'],
  ['--title-ru <text>', 'title.ru', 'the title in Russian'],
  ['--category <id>', 'category', 'e.g. air-defence, ammunition, drones'],
  ['--quantity <n>', 'quantity', 'how many, when known', 'number'],
  ['--unit <unit>', 'unit', 'e.g. missiles'],
  ['--estimated-value <amount>', 'estimatedValue.amount', 'estimated value (with --currency)'],
  ['--currency <code>', 'estimatedValue.currency', 'currency of the estimated value, e.g. USD'],
];
const RANK: FlagSpec = ['--rank <n>', 'priorityRank', 'priority rank, 1 first', 'integer'];
const REASON: FlagSpec = ['--reason <text>', 'reason', 'why'];

const COMMANDS = [
  write({
    name: 'list',
    summary: 'list a requirement of the recipient (a need, with its priority)',
    schema: listRequirementSchema,
    flags: [
      ['--id <id>', 'id', 'its id (default: a new one)'],
      ['--recipient <id>', 'recipientId', 'the recipient'],
      RANK,
      ...DETAILS,
    ],
    run: (deps, request, input) => listRequirement(deps, request, input),
  }),
  write({
    name: 'amend',
    summary: "correct a requirement's title, category, quantity or estimated value",
    args: ['id'],
    schema: amendRequirementSchema,
    flags: DETAILS,
    run: (deps, request, input, { id }) => amendRequirement(deps, request, id, input),
  }),
  write({
    name: 'reprioritise',
    summary: 'give a requirement a new priority rank',
    args: ['id'],
    schema: reprioritiseRequirementSchema,
    flags: [RANK],
    run: (deps, request, input, { id }) => reprioritiseRequirement(deps, request, id, input),
  }),
  write({
    name: 'withdraw',
    summary: 'withdraw a requirement that is no longer needed',
    args: ['id'],
    schema: reasonSchema,
    flags: [REASON],
    run: (deps, request, input, { id }) => withdrawRequirement(deps, request, id, input),
  }),
];

export function registerRequirementCommands(program: Command, context: CliContext): void {
  const requirement = program.command('requirement').description("the recipient's requirements and their coverage");
  for (const spec of COMMANDS) addWriteCommand(requirement, spec, context);
  addReadCommand(
    requirement,
    'coverage',
    'requirements in priority order, with how much of each packages cover, fund and deliver',
    (command) =>
      command
        .option('--recipient <id>', 'only this recipient')
        .option('--include-withdrawn', 'show withdrawn ones too'),
    (db, options) =>
      requirementCoverage(db, FULL_SCOPE, {
        recipientId: optional(options.recipient),
        includeWithdrawn: options.includeWithdrawn === true,
      }),
    (rows) =>
      table(rows, [
        { header: 'rank', value: (row) => row.priorityRank, align: 'right' },
        { header: 'id', value: (row) => row.id },
        { header: 'recipient', value: (row) => row.recipientId },
        { header: 'title', value: (row) => text(row.title) },
        { header: 'category', value: (row) => row.category },
        {
          header: 'quantity',
          value: (row) => (row.quantity === null ? '?' : `${row.quantity} ${row.unit ?? ''}`.trim()),
        },
        { header: 'covered', value: (row) => row.covered, align: 'right' },
        { header: 'funded', value: (row) => row.funded, align: 'right' },
        { header: 'delivered', value: (row) => row.delivered, align: 'right' },
        { header: 'estimated', value: (row) => money(row.estimatedValue), align: 'right' },
        { header: 'packages', value: (row) => row.packageIds.join(', ') },
        { header: 'status', value: (row) => row.status },
      ]),
    context,
  );
}
