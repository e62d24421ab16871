import { type Command, Option } from 'commander';
import { z } from 'zod';
import type { AppDeps, CommandResult, RequestContext } from '../app/deps.ts';
import { operator } from '../domain/access.ts';
import { BASES, VISIBILITIES } from '../domain/facts.ts';
import { applyFlags, type FlagSpec, readBody, toOption, validateBody } from './body.ts';
import { appDeps, type CliContext, defaultActor, withDatabase } from './context.ts';

/** What a write command prints: the command's result, and lines to add below it (e.g. the story an import joined). */
export interface WriteResult extends CommandResult {
  readonly notes?: readonly string[];
}

/**
 * One write command, described once: its positional arguments, its flag table (flag → body field), the zod
 * schema the HTTP API validates the same body with, and the use case it runs.
 */
export interface WriteSpec<S extends z.ZodType, A extends string> {
  readonly name: string;
  readonly summary: string;
  /** Positional arguments, e.g. `['id']` for `package validate <id>`; they name the record, not body fields. */
  readonly args?: readonly A[];
  readonly schema: S;
  readonly flags: readonly FlagSpec[];
  readonly run: (
    deps: AppDeps,
    request: RequestContext,
    input: z.output<S>,
    args: Readonly<Record<A, string>>,
  ) => Promise<WriteResult>;
}

/** A write command with its types closed over, so a noun's commands fit in one list. */
export interface WriteCommand {
  readonly name: string;
  readonly summary: string;
  readonly args: readonly string[];
  readonly flags: readonly FlagSpec[];
  readonly schema: z.ZodType;
  /** Validates the body; the returned function runs the use case (the database is opened only for valid input). */
  prepare(
    body: Record<string, unknown>,
    args: readonly string[],
  ): (deps: AppDeps, request: RequestContext) => Promise<WriteResult>;
}

export function write<S extends z.ZodType, A extends string = never>(spec: WriteSpec<S, A>): WriteCommand {
  const argNames: readonly A[] = spec.args ?? [];
  const flags = [...spec.flags, ...commonFlags(spec.schema)];
  return {
    name: spec.name,
    summary: spec.summary,
    args: argNames,
    flags,
    schema: spec.schema,
    prepare: (body, values) => {
      const input = validateBody(spec.schema, body, flags);
      const args = Object.fromEntries(argNames.map((name, index) => [name, values[index] ?? ''])) as Record<A, string>;
      return (deps, request) => spec.run(deps, request, input, args);
    },
  };
}

/** The facts every command carries, offered where the schema has the field. */
function commonFlags(schema: z.ZodType): FlagSpec[] {
  const keys = schema instanceof z.ZodObject ? new Set(Object.keys(schema.shape)) : new Set<string>();
  const rows: FlagSpec[] = [
    ['--occurred-on <date>', 'occurredOn', 'the day it happened, YYYY-MM-DD (default: today)'],
    ['--basis <basis>', 'basis', `how it is known: ${BASES.join(', ')} (default: official)`],
    ['--evidence <ids>', 'evidence', 'ids of the sources behind it, comma-separated', 'list'],
    ['--expected-version <n>', 'expectedVersion', 'the version you last read; a stale one is a conflict', 'integer'],
    ['--visibility <visibility>', 'visibility', `${VISIBILITIES.join(', ')} (default: public)`],
    ['--rate-eur <rate>', 'rate.eur', 'euros per unit of the currency, as the source states it'],
    ['--rate-usd <rate>', 'rate.usd', 'US dollars per unit of the currency, as the source states it'],
  ];
  return rows.filter(([, path]) => keys.has(path.split('.')[0] ?? path));
}

/** Adds `spec` under `parent` (e.g. `package propose`), with its flags, `--json`/`--file` and the request flags. */
export function addWriteCommand(parent: Command, spec: WriteCommand, context: CliContext): Command {
  const command = parent.command(spec.name).description(spec.summary);
  for (const name of spec.args) command.argument(`<${name}>`);
  for (const row of spec.flags) command.addOption(toOption(row));
  command
    .addOption(
      new Option('--json <body>', "the whole request body as JSON (the HTTP API's); flags override its fields"),
    )
    .addOption(new Option('--file <path>', 'read the request body from a JSON file'))
    .addOption(new Option('--idempotency-key <key>', 'a retry with the same key applies once'))
    .addOption(new Option('--actor <name>', 'who records this (default: your OS user name)'));
  command.action(async () => {
    const options = command.opts();
    const body = applyFlags(readBody(options.json, options.file), command, spec.flags);
    const execute = spec.prepare(body, command.processedArgs.map(String));
    const request: RequestContext = {
      principal: operator(typeof options.actor === 'string' && options.actor !== '' ? options.actor : defaultActor()),
      idempotencyKey: typeof options.idempotencyKey === 'string' ? options.idempotencyKey : undefined,
    };
    const holder = `tranche ${parent.name()} ${spec.name}`;
    const result = await withDatabase(context, holder, (database) => execute(appDeps(database.db), request));
    const events = result.events.map((event) => `${event.type} #${event.seq}`).join(', ');
    context.out(`ok: ${result.streamId} at version ${result.version}${events ? `: ${events}` : ''}`);
    for (const note of result.notes ?? []) context.out(note);
  });
  return command;
}
