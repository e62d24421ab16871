/**
 * Where each refusal of a command belongs in its form. The API names the input at fault as a path
 * (`targetValue.amount`, `lines[0].quantity`, `evidence[1]`); a form's controls and groups carry those paths as their
 * `name`s. Pure, so it is unit-tested on its own (test/unit/web/field-errors.test.ts).
 */
import type { FieldProblem, Problem } from '../api/client.ts';

export interface MappedProblems {
  /** Per form field name, the problems to show beside it, in the order the API gave them. */
  readonly fields: ReadonlyMap<string, readonly FieldProblem[]>;
  /** What names no field of the form: shown at the top of the form. */
  readonly general: readonly (Problem | FieldProblem)[];
}

/** Whether `path` is `ancestor` or lies inside it: `lines[0].quantity` is within `lines` and `lines[0]`. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

/**
 * `path` as the form names it, when the form sent some rows under other indices than it shows them (a shipment that
 * leaves empty rows out): `aliases` maps the request's prefix to the form's, e.g. `lines[0]` → `lines[3]`.
 */
export function renamePath(path: string, aliases: ReadonlyMap<string, string> = new Map()): string {
  let best: string | undefined;
  for (const prefix of aliases.keys()) {
    if (isWithin(path, prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  if (best === undefined) return path;
  return `${aliases.get(best) ?? best}${path.slice(best.length)}`;
}

/**
 * The form field a problem at `path` is shown beside: the field of that name; else the closest field or group that
 * holds it (`lines[0].value.amount` → `lines[0].value`); else the first field inside it (`amount` → `amount.amount`,
 * `title` → `title.uk`). Undefined when the form has nothing there.
 */
export function fieldFor(path: string, names: readonly string[]): string | undefined {
  if (path === '') return undefined;
  if (names.includes(path)) return path;
  let holder: string | undefined;
  for (const name of names) {
    if (name !== '' && isWithin(path, name) && (holder === undefined || name.length > holder.length)) holder = name;
  }
  return holder ?? names.find((name) => isWithin(name, path));
}

/** Every problem of a refusal: the validation errors it lists, else the one it names. */
function problemsOf(problem: Problem): readonly FieldProblem[] {
  if (problem.errors && problem.errors.length > 0) return problem.errors;
  if (problem.field) return [{ field: problem.field, code: problem.code, message: problem.detail }];
  return [];
}

/** Sorts a refusal's problems onto the form's `names` (in the form's order); the rest go to the top. */
export function mapProblem(
  problem: Problem,
  names: readonly string[],
  aliases?: ReadonlyMap<string, string>,
): MappedProblems {
  const fields = new Map<string, FieldProblem[]>();
  const general: (Problem | FieldProblem)[] = [];
  const items = problemsOf(problem);
  if (items.length === 0) return { fields, general: [problem] };
  for (const item of items) {
    const path = renamePath(item.field, aliases);
    const name = fieldFor(path, names);
    if (name === undefined) {
      general.push({ ...item, field: path });
      continue;
    }
    const list = fields.get(name) ?? [];
    list.push({ ...item, field: path });
    fields.set(name, list);
  }
  return { fields, general };
}

/**
 * A refusal that names no field, placed on the field its code is about when the form knows one (`password-wrong` →
 * `currentPassword`): the API names fields only for the body's own inputs.
 */
export function placeByCode(problem: Problem, fieldOfCode: Readonly<Record<string, string>> = {}): Problem {
  const field = Object.hasOwn(fieldOfCode, problem.code) ? fieldOfCode[problem.code] : undefined;
  if (field === undefined || problem.field || (problem.errors && problem.errors.length > 0)) return problem;
  return { ...problem, field };
}

/** The first of the form's `names` (in the form's order) that has a problem. */
export function firstInvalid(mapped: MappedProblems, names: readonly string[]): string | undefined {
  return names.find((name) => mapped.fields.has(name));
}
