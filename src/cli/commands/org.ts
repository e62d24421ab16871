import type { Command } from 'commander';
import { amendOrganisation, registerOrganisation } from '../../app/organisations.ts';
import { amendOrganisationSchema, registerOrganisationSchema } from '../../app/schemas.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import { ORGANISATION_KINDS } from '../../domain/organisation/organisation.ts';
import { listOrganisations } from '../../projections/queries/organisations.ts';
import type { FlagSpec } from '../body.ts';
import type { CliContext } from '../context.ts';
import { table } from '../output.ts';
import { addReadCommand, optional } from '../read-command.ts';
import { addWriteCommand, write } from '../write-command.ts';

const NAMES: readonly FlagSpec[] = [
  ['--name-uk <name>', 'names.uk', 'the name in Ukrainian'],
  ['--name-en <name>', 'names.en', 'the name in English'],
  ['--name-ru <name>', 'names.ru', 'the name in Russian'],
  ['--iso <code>', 'iso3166', 'ISO 3166-1 alpha-2 code of a state, e.g. NL'],
  ['--members <ids>', 'members', "a coalition's members, comma-separated ids", 'list'],
];

const COMMANDS = [
  write({
    name: 'register',
    summary: 'register an organisation: a state, a coordinating command, a supplier, a coalition, …',
    schema: registerOrganisationSchema,
    flags: [['--id <id>', 'id', 'its id, e.g. nl'], ['--kind <kind>', 'kind', ORGANISATION_KINDS.join(', ')], ...NAMES],
    run: (deps, request, input) => registerOrganisation(deps, request, input),
  }),
  write({
    name: 'amend',
    summary: "correct an organisation's names, ISO code or members",
    args: ['id'],
    schema: amendOrganisationSchema,
    flags: NAMES,
    run: (deps, request, input, { id }) => amendOrganisation(deps, request, id, input),
  }),
];

export function registerOrgCommands(program: Command, context: CliContext): void {
  const org = program.command('org').description('organisations: donors, recipients, coordinators, suppliers');
  for (const spec of COMMANDS) addWriteCommand(org, spec, context);
  addReadCommand(
    org,
    'list',
    'list the organisations',
    (command) => command.option('--kind <kind>', 'only this kind'),
    (db, options) => listOrganisations(db, FULL_SCOPE, { kind: optional(options.kind) }),
    (rows) =>
      table(rows, [
        { header: 'id', value: (row) => row.id },
        { header: 'kind', value: (row) => row.kind },
        { header: 'ISO', value: (row) => row.iso3166 },
        { header: 'name (en)', value: (row) => row.names.en },
        { header: 'name (uk)', value: (row) => row.names.uk },
        { header: 'members', value: (row) => row.members.join(', ') },
        { header: 'visibility', value: (row) => row.visibility },
      ]),
    context,
  );
}
