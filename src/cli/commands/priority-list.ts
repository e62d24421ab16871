import type { Command } from 'commander';
import { approvePriorityList, draftPriorityList } from '../../app/requirements.ts';
import { approvePriorityListSchema, draftPriorityListSchema } from '../../app/schemas.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import { listPriorityLists } from '../../projections/queries/requirements.ts';
import type { CliContext } from '../context.ts';
import { table } from '../output.ts';
import { addReadCommand, optional } from '../read-command.ts';
import { addWriteCommand, write } from '../write-command.ts';

const COMMANDS = [
  write({
    name: 'draft',
    summary: "draft the recipient's ranked list of requirements for a month",
    schema: draftPriorityListSchema,
    flags: [
      ['--recipient <id>', 'recipientId', 'the recipient'],
      ['--period <YYYY-MM>', 'period', 'the month it is for'],
      ['--requirements <ids>', 'requirementIds', 'requirement ids in priority order, comma-separated', 'list'],
    ],
    run: (deps, request, input) => draftPriorityList(deps, request, input),
  }),
  write({
    name: 'approve',
    summary: 'approve a priority list, as one of the parties',
    args: ['recipient', 'period'],
    schema: approvePriorityListSchema,
    flags: [['--approver <id>', 'approverId', 'the approving organisation']],
    run: (deps, request, input, { recipient, period }) => approvePriorityList(deps, request, recipient, period, input),
  }),
];

export function registerPriorityListCommands(program: Command, context: CliContext): void {
  const list = program.command('priority-list').description('monthly priority lists of requirements');
  for (const spec of COMMANDS) addWriteCommand(list, spec, context);
  addReadCommand(
    list,
    'list',
    'list the priority lists',
    (command) => command.option('--recipient <id>', 'only this recipient'),
    (db, options) => listPriorityLists(db, FULL_SCOPE, { recipientId: optional(options.recipient) }),
    (rows) =>
      table(rows, [
        { header: 'recipient', value: (row) => row.recipientId },
        { header: 'period', value: (row) => row.period },
        { header: 'status', value: (row) => row.status },
        { header: 'requirements', value: (row) => row.requirementIds.join(', ') },
        { header: 'approved by', value: (row) => row.approvals.join(', ') },
      ]),
    context,
  );
}
