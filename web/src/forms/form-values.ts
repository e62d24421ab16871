/**
 * Reading a submitted form into a command's body. Controls are named by their path in the body (`amount.amount`,
 * `title.en`); what is left empty is left out, so the API answers "required" for a required field and applies its
 * default (today, public, official) for an optional one. Amounts stay decimal strings, as typed.
 */

/** The trimmed text of a control; undefined when empty or absent. */
export function text(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A password as typed, spaces kept (they are part of it); undefined when empty or absent. */
export function secret(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Every non-empty value of a control that may hold several (checkboxes, a multiple select). */
export function texts(data: FormData, name: string): string[] {
  return data
    .getAll(name)
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/**
 * A number, for the API's number fields (quantities, ranks); the text itself when it is not one, so the API says
 * what is wrong with it beside the field.
 */
export function numberOf(data: FormData, name: string): number | string | undefined {
  const value = text(data, name);
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(/\s/g, ''));
  return Number.isFinite(parsed) ? parsed : value;
}

/** `{ amount, currency }` from `<name>.amount` and `<name>.currency`; undefined without an amount. */
export function money(data: FormData, name: string): { amount: string; currency: string } | undefined {
  const amount = text(data, `${name}.amount`);
  if (amount === undefined) return undefined;
  return { amount: amount.replace(/\s/g, ''), currency: text(data, `${name}.currency`) ?? '' };
}

/** A title or name in uk / en / ru from `<name>.uk`, `<name>.en`, `<name>.ru`: the languages given. */
export function localized(data: FormData, name: string): { uk?: string; en?: string; ru?: string } {
  const out: { uk?: string; en?: string; ru?: string } = {};
  for (const language of ['uk', 'en', 'ru'] as const) {
    const value = text(data, `${name}.${language}`);
    if (value !== undefined) out[language] = value;
  }
  return out;
}

/** A stated exchange rate (`rate.eur`, `rate.usd`): undefined when neither is given. */
export function rate(data: FormData): { eur?: string; usd?: string } | undefined {
  const eur = text(data, 'rate.eur');
  const usd = text(data, 'rate.usd');
  if (eur === undefined && usd === undefined) return undefined;
  return { ...(eur === undefined ? {} : { eur }), ...(usd === undefined ? {} : { usd }) };
}

/** The facts every command may carry: the day it happened, its basis and the sources behind it. */
export function facts(data: FormData): { occurredOn?: string; basis?: string; evidence?: string[] } {
  const occurredOn = text(data, 'occurredOn');
  const basis = text(data, 'basis');
  const evidence = texts(data, 'evidence');
  return {
    ...(occurredOn === undefined ? {} : { occurredOn }),
    ...(basis === undefined ? {} : { basis }),
    ...(evidence.length === 0 ? {} : { evidence }),
  };
}

/** A path segment of the API, encoded (ids may hold `:`). */
export const seg = (value: string): string => encodeURIComponent(value);

/** A field the command cannot be sent without (an id in its path): the form says so beside it, as the API would. */
export class MissingField extends Error {
  constructor(readonly field: string) {
    super(`${field} is required`);
    this.name = 'MissingField';
  }
}

/** The value of a control the request's path needs; throws `MissingField` when it is empty. */
export function required(data: FormData, name: string): string {
  const value = text(data, name);
  if (value === undefined) throw new MissingField(name);
  return value;
}

/** The refusal the API gives a missing field, for one found before sending. */
export function missingFieldProblem(field: string) {
  return {
    type: 'about:blank',
    title: 'Request is not valid',
    status: 400,
    detail: `${field}: required`,
    code: 'request-invalid',
    field,
    errors: [{ field, code: 'field-required', message: 'required' }],
  };
}
