import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { z } from 'zod';
import type { AppDeps, RequestContext } from '../../app/deps.ts';
import { addPerson, grantRole, issueToken, newSecret, revokeRole, revokeToken, setPassword } from '../../app/people.ts';
import { addPersonSchema, grantSchema, issueTokenSchema, passwordSchema } from '../../app/schemas.ts';
import { operator, ROLES } from '../../domain/access.ts';
import { auditLog, listPeople, listTokens } from '../../projections/queries/people.ts';
import { validateBody } from '../body.ts';
import { appDeps, type CliContext, defaultActor, withDatabase } from '../context.ts';
import { RequestInvalidError } from '../errors.ts';
import { fields, table } from '../output.ts';
import { addReadCommand, count, optional } from '../read-command.ts';

/** Runs a use case as the operator (whoever holds the database), with the database open only for its duration. */
function asOperator<T>(
  context: CliContext,
  holder: string,
  actor: unknown,
  work: (deps: AppDeps, request: RequestContext) => Promise<T>,
): Promise<T> {
  const request = { principal: operator(optional(actor) ?? defaultActor()) };
  return withDatabase(context, holder, (database) => work(appDeps(database.db), request));
}

/** The password from `--password-file`, or stdin with `--password-stdin`, or a new one printed once. */
async function passwordFrom(options: { passwordFile?: string; passwordStdin?: boolean }): Promise<{
  password: string;
  generated: boolean;
}> {
  if (options.passwordFile !== undefined) {
    return { password: (await readFile(options.passwordFile, 'utf8')).replace(/\r?\n$/, ''), generated: false };
  }
  if (options.passwordStdin === true) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return {
      password: Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, ''),
      generated: false,
    };
  }
  return { password: newSecret().slice(0, 24), generated: true };
}

const passwordOptions = (command: Command): Command =>
  command
    .addOption(new Option('--password-file <path>', 'read the password from this file (first line)'))
    .addOption(new Option('--password-stdin', 'read the password from standard input'))
    .addOption(new Option('--actor <name>', 'who records this (default: your OS user name)'));

function parse<S extends z.ZodType>(schema: S, body: Record<string, unknown>): z.output<S> {
  return validateBody(schema, body, []);
}

function registerUserCommands(program: Command, context: CliContext): void {
  const user = program.command('user').description('people who sign in, and their roles');

  passwordOptions(
    user
      .command('add <id>')
      .description('add a person; without --password-file or --password-stdin a password is generated and shown once')
      .requiredOption('--name <name>', 'how the person is shown'),
  ).action(
    async (id: string, options: { name: string; passwordFile?: string; passwordStdin?: boolean; actor?: string }) => {
      const { password, generated } = await passwordFrom(options);
      const input = parse(addPersonSchema, { id, name: options.name, password });
      const result = await asOperator(context, 'tranche user add', options.actor, (deps, request) =>
        addPerson(deps, request, input),
      );
      context.out(`added ${result.id} (${result.streamId} v${result.version})`);
      if (generated) context.out(`password: ${password}  (shown once: pass it on, then it cannot be read again)`);
    },
  );

  passwordOptions(
    user.command('password <id>').description("set a person's password (generated unless given); their sessions end"),
  ).action(async (id: string, options: { passwordFile?: string; passwordStdin?: boolean }) => {
    const { password, generated } = await passwordFrom(options);
    const input = parse(passwordSchema, { password });
    await withDatabase(context, 'tranche user password', (database) => setPassword(appDeps(database.db), id, input));
    context.out(generated ? `new password for ${id}: ${password}  (shown once)` : `password of ${id} changed`);
  });

  user
    .command('role <id>')
    .description('grant a role in an organisation ("*": every organisation), or revoke it with --revoke')
    .requiredOption('--org <organisation>', 'the organisation id, or "*"')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--revoke', 'revoke the role instead of granting it')
    .option('--actor <name>', 'who records this (default: your OS user name)')
    .action(async (id: string, options: { org: string; role: string; revoke?: boolean; actor?: string }) => {
      const input = parse(grantSchema, { organisationId: options.org, role: options.role });
      const change = options.revoke === true ? revokeRole : grantRole;
      const result = await asOperator(context, 'tranche user role', options.actor, (deps, request) =>
        change(deps, request, id, input),
      );
      context.out(
        `${options.revoke === true ? 'revoked' : 'granted'} ${input.role} for ${input.organisationId}: ${id} v${result.version}`,
      );
    });

  addReadCommand(
    user,
    'list',
    'list the people who can sign in, with their roles',
    (command) => command,
    (db) => listPeople(db),
    (rows) =>
      table(rows, [
        { header: 'id', value: (row) => row.id },
        { header: 'name', value: (row) => row.name },
        {
          header: 'roles',
          value: (row) => row.grants.map((grant) => `${grant.role}@${grant.organisationId}`).join(', '),
        },
      ]),
    context,
  );
}

function registerTokenCommands(program: Command, context: CliContext): void {
  const token = program.command('token').description("machines' API tokens: one role in one organisation");

  token
    .command('create')
    .description('issue a token; it is printed once and only its hash is kept')
    .requiredOption('--org <organisation>', 'the organisation it acts for, or "*"')
    .requiredOption('--role <role>', ROLES.join(', '))
    .requiredOption('--label <label>', 'what it is for, e.g. "IATI nightly import"')
    .option('--expires <date>', 'the last day it works, YYYY-MM-DD (default: until revoked)')
    .option('--actor <name>', 'who records this (default: your OS user name)')
    .action(async (options: { org: string; role: string; label: string; expires?: string; actor?: string }) => {
      const input = parse(issueTokenSchema, {
        organisationId: options.org,
        role: options.role,
        label: options.label,
        ...(options.expires ? { expiresOn: options.expires } : {}),
      });
      const issued = await asOperator(context, 'tranche token create', options.actor, (deps, request) =>
        issueToken(deps, request, input),
      );
      context.out(
        fields([
          ['id', issued.result.id],
          ['token', issued.token],
        ]),
      );
      context.note('The token is shown this once: send it as "Authorization: Bearer <token>".');
    });

  token
    .command('revoke <id>')
    .description('revoke a token: it stops working at once')
    .option('--reason <text>', 'why')
    .option('--actor <name>', 'who records this (default: your OS user name)')
    .action(async (id: string, options: { reason?: string; actor?: string }) => {
      const result = await asOperator(context, 'tranche token revoke', options.actor, (deps, request) =>
        revokeToken(deps, request, id, options.reason ? { reason: options.reason } : {}),
      );
      context.out(`revoked ${id} (v${result.version})`);
    });

  addReadCommand(
    token,
    'list',
    'list the tokens issued, newest first',
    (command) => command,
    (db) => listTokens(db),
    (rows) =>
      table(rows, [
        { header: 'id', value: (row) => row.id },
        { header: 'role', value: (row) => `${row.role}@${row.organisationId}` },
        { header: 'label', value: (row) => row.label },
        { header: 'issued by', value: (row) => row.issuedBy },
        { header: 'expires', value: (row) => row.expiresOn },
        { header: 'revoked', value: (row) => row.revokedAt },
      ]),
    context,
  );
}

/** `--since`: a date or an ISO date-time, checked before it reaches a query. */
function instant(value: unknown): string | undefined {
  const given = optional(value);
  if (given === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(given) || Number.isNaN(Date.parse(given))) {
    throw new RequestInvalidError('since', `--since "${given}" is not a date (YYYY-MM-DD) or an ISO date-time`);
  }
  return given;
}

function registerAuditCommand(program: Command, context: CliContext): void {
  addReadCommand(
    program,
    'audit',
    'who did what and when: every event with its actor, newest first',
    (command) =>
      command
        .option('--actor <actor>', 'only this actor, e.g. person:olena or token:tok-…')
        .option('--stream <stream>', 'a stream id (contribution-nl-1) or type (contribution)')
        .option('--type <type>', 'an event type, e.g. ContributionPaid')
        .option('--since <date>', 'recorded at or after (YYYY-MM-DD or an ISO date-time)')
        .option('--limit <n>', 'how many (default 100)'),
    (db, options) =>
      auditLog(db, {
        actor: optional(options.actor),
        stream: optional(options.stream),
        type: optional(options.type),
        since: instant(options.since),
        limit: count(options.limit, '--limit', 1, 10_000) ?? 100,
      }),
    (rows) =>
      table(rows, [
        { header: 'seq', value: (row) => row.seq },
        { header: 'recorded at', value: (row) => row.recordedAt },
        { header: 'actor', value: (row) => row.actor },
        { header: 'event', value: (row) => row.type },
        { header: 'stream', value: (row) => row.streamId },
        { header: 'visibility', value: (row) => row.visibility },
      ]),
    context,
  );
}

export function registerPeopleCommands(program: Command, context: CliContext): void {
  registerUserCommands(program, context);
  registerTokenCommands(program, context);
  registerAuditCommand(program, context);
}
