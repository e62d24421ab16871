import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { z } from 'zod';
import { RequestInvalidError } from './errors.ts';

/**
 * How a flag's text becomes a value in the request body:
 * - text, number, integer, boolean: as named; list: comma-separated ids; ids (repeatable): ids, each flag one or
 *   several comma-separated;
 * - money: `"486000000 USD"` → `{ amount, currency }`; subject: `package:nl-1` → `{ type, id }`;
 * - file-text: the contents of the file named;
 * - package-lines (repeatable): a JSON line object, or just a description;
 * - line-quantities (repeatable): `lineId=quantity`, or `lineId` for a line whose quantity is not known.
 */
export type FlagKind =
  | 'text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'list'
  | 'ids'
  | 'money'
  | 'subject'
  | 'file-text'
  | 'package-lines'
  | 'line-quantities';

/** One row of a command's flag table: commander syntax, where the value goes in the body (a dot path), help. */
export type FlagSpec = readonly [flags: string, path: string, description: string, kind?: FlagKind];

type Body = Record<string, unknown>;

const REPEATABLE: readonly FlagKind[] = ['ids', 'package-lines', 'line-quantities'];

/** The commander option for a row of the table. */
export function toOption([flags, , description, kind = 'text']: FlagSpec): Option {
  const option = new Option(flags, description);
  if (REPEATABLE.includes(kind)) {
    option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  }
  return option;
}

/** The long flag of a row, e.g. `--name-en`, for messages. */
const longFlag = ([flags]: FlagSpec): string => flags.split(/[ ,]/).find((part) => part.startsWith('--')) ?? flags;

/** The body given whole: `--json '<object>'` or `--file body.json` (not both). */
export function readBody(json: unknown, file: unknown): Body {
  if (json !== undefined && file !== undefined)
    throw new RequestInvalidError('body', 'give --json or --file, not both');
  if (json === undefined && file === undefined) return {};
  const [text, origin] = typeof file === 'string' ? [readTextFile(file, '--file'), file] : [String(json), '--json'];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RequestInvalidError('body', `${origin} is not JSON: ${(error as Error).message}`);
  }
  if (!isBody(parsed)) throw new RequestInvalidError('body', `${origin} must hold a JSON object`);
  return parsed;
}

/** Sets each flag that was given onto the body; a flag wins over the same field in `--json`/`--file`. */
export function applyFlags(body: Body, command: Command, table: readonly FlagSpec[]): Body {
  const options = command.opts();
  for (const row of table) {
    const raw: unknown = options[toOption(row).attributeName()];
    if (raw === undefined) continue;
    setPath(body, row[1], convert(row, raw));
  }
  return body;
}

function convert(row: FlagSpec, raw: unknown): unknown {
  const [, path, , kind = 'text'] = row;
  const flag = longFlag(row);
  const bad = (what: string) => new RequestInvalidError(path, `${flag} "${String(raw)}" is not ${what}`);
  const text = String(raw);
  switch (kind) {
    case 'text':
      return text;
    case 'boolean':
      return raw === true || text === 'true';
    case 'number': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) throw bad('a number');
      return value;
    }
    case 'integer': {
      const value = Number(text);
      if (text.trim() === '' || !Number.isInteger(value)) throw bad('a whole number');
      return value;
    }
    case 'list':
      return splitIds(text);
    case 'ids':
      return (raw as string[]).flatMap(splitIds);
    case 'money': {
      const match =
        /^\s*([0-9.,_]+)\s+([A-Za-z]{3})\s*$/.exec(text) ?? /^\s*([A-Za-z]{3})\s+([0-9.,_]+)\s*$/.exec(text);
      if (!match?.[1] || !match[2]) throw bad('an amount and a currency, e.g. "486000000 USD"');
      const [amount, currency] = /^[A-Za-z]/.test(match[1]) ? [match[2], match[1]] : [match[1], match[2]];
      return { amount: amount.replace(/[,_]/g, ''), currency: currency.toUpperCase() };
    }
    case 'subject': {
      const at = text.indexOf(':');
      if (at <= 0 || at === text.length - 1) throw bad('a subject written as type:id, e.g. package:nl-1');
      return { type: text.slice(0, at), id: text.slice(at + 1) };
    }
    case 'file-text':
      return readTextFile(text, flag);
    case 'package-lines':
      return (raw as string[]).map((item) => {
        if (!item.trimStart().startsWith('{')) return { description: item };
        try {
          return JSON.parse(item) as unknown;
        } catch {
          throw new RequestInvalidError(path, `${flag} "${item}" is neither a description nor a JSON line object`);
        }
      });
    case 'line-quantities':
      return (raw as string[]).map((item) => {
        const [lineId = '', quantity] = item.split('=');
        if (quantity === undefined) return { lineId };
        const value = Number(quantity);
        if (quantity.trim() === '' || !Number.isFinite(value)) {
          throw new RequestInvalidError(path, `${flag} "${item}" is not lineId=quantity`);
        }
        return { lineId, quantity: value };
      });
    default:
      return unreachableKind(kind);
  }
}

const splitIds = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function unreachableKind(kind: never): never {
  throw new Error(`unknown flag kind ${String(kind)}`);
}

function readTextFile(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new RequestInvalidError(flag.replace(/^--/, ''), `cannot read ${file}: ${(error as Error).message}`);
  }
}

const isBody = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

function setPath(body: Body, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? path;
  let target = body;
  for (const key of keys) {
    const next = target[key];
    if (isBody(next)) {
      target = next;
    } else {
      const created: Body = {};
      target[key] = created;
      target = created;
    }
  }
  target[last] = value;
}

function getPath(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `lines[0].lineId`, the way the domain names fields too. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name === '' ? String(key) : `${name}.${String(key)}`;
  }, '');
}

/**
 * Checks the body with the same zod schema as the HTTP API; the first problem becomes one `request-invalid` line
 * naming the field (and the flag that sets it, when there is one).
 */
export function validateBody<S extends z.ZodType>(schema: S, body: Body, table: readonly FlagSpec[]): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new RequestInvalidError('body', 'is not valid');
  const path = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...issue.path, issue.keys[0]] : issue.path;
  const field = fieldName(path) || 'body';
  const missing = issue.code === 'invalid_type' && getPath(body, path) === undefined;
  const message =
    issue.code === 'unrecognized_keys' ? 'is not a field of this command' : missing ? 'is required' : issue.message;
  const row = table.find(([, rowPath]) => rowPath === field);
  throw new RequestInvalidError(field, row ? `${message} (${longFlag(row)})` : message);
}
