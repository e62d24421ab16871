import type { Command } from 'commander';
import { adoptFigureSchema, linkClaimSchema, recordClaimSchema } from '../../app/schemas.ts';
import { adoptFigure, linkClaim, recordClaim } from '../../app/sources.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import { CLAIM_STAGES } from '../../domain/claim/claim.ts';
import { listFacts } from '../../projections/queries/facts.ts';
import type { CliContext } from '../context.ts';
import { money, table } from '../output.ts';
import { addReadCommand } from '../read-command.ts';
import { addWriteCommand, write } from '../write-command.ts';

const STAGE = ['--stage <stage>', 'stage', CLAIM_STAGES.join(', ')] as const;

const CLAIM = [
  write({
    name: 'record',
    summary: 'record a fact a source states: who, which stage, how much, when',
    schema: recordClaimSchema,
    flags: [
      ['--id <id>', 'id', 'its id (default: a new one)'],
      ['--source <id>', 'sourceId', 'the source that states it'],
      ['--subject <type:id>', 'subject', 'what it is about, e.g. package:nl-1 or contribution:nl-1', 'subject'],
      ['--donors <ids>', 'donorIds', 'the donors it names, comma-separated', 'list'],
      STAGE,
      ['--amount <amount>', 'amount.amount', 'the amount it states (with --currency)'],
      ['--currency <code>', 'amount.currency', 'the currency of the amount'],
      ['--stated-on <date>', 'statedOn', 'the date it gives, YYYY-MM-DD'],
      ['--sentence <text>', 'sentence', 'the sentence, as the source words it'],
    ],
    run: (deps, request, input) => recordClaim(deps, request, input),
  }),
  write({
    name: 'link',
    summary: 'link a claim, as evidence, to the ledger event it supports',
    args: ['id'],
    schema: linkClaimSchema,
    flags: [['--event <eventId>', 'eventId', 'the event it supports']],
    run: (deps, request, input, { id }) => linkClaim(deps, request, id, input),
  }),
];

const ADOPT = write({
  name: 'adopt',
  summary: 'adopt one reported value (a claim), or a range, as the figure to show',
  schema: adoptFigureSchema,
  flags: [
    ['--subject <type:id>', 'subject', 'what the figure is about, e.g. package:nordic-1', 'subject'],
    STAGE,
    ['--claim <id>', 'claimId', 'the claim to adopt'],
    ['--low <amount currency>', 'low', 'the low end of a range, e.g. "486000000 USD"', 'money'],
    ['--high <amount currency>', 'high', 'the high end of a range, e.g. "585000000 USD"', 'money'],
    ['--note <text>', 'note', 'why this value'],
  ],
  run: (deps, request, input) => adoptFigure(deps, request, input),
});

export function registerClaimCommands(program: Command, context: CliContext): void {
  const claim = program.command('claim').description('claims: single facts that sources state');
  for (const spec of CLAIM) addWriteCommand(claim, spec, context);
  const figure = program.command('figure').description('figures: the value shown where reports disagree');
  addWriteCommand(figure, ADOPT, context);
  addReadCommand(
    program,
    'facts',
    'facts: claims grouped by donors, stage and amount, each once with every source that states it',
    (command) => command,
    (db) => listFacts(db, FULL_SCOPE),
    (rows) =>
      table(
        rows,
        [
          { header: 'donors', value: (row) => row.donorIds.join(' + ') },
          { header: 'stage', value: (row) => row.stage },
          { header: 'amount', value: (row) => money(row.amount), align: 'right' },
          { header: 'claims', value: (row) => row.claims.length, align: 'right' },
          { header: 'sources', value: (row) => row.sources.map((s) => `${s.publisher} (${s.language})`).join('; ') },
        ],
        '(no facts)',
      ),
    context,
  );
}
