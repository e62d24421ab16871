/**
 * A broken rule. `code` is stable kebab-case and is what clients translate; `field` names the input at fault
 * (a JSON path such as `amount.currency`) when one input is to blame. Domain code never knows HTTP statuses.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly kind: DomainErrorKind;

  constructor(code: string, message: string, options: { field?: string; kind?: DomainErrorKind } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.kind = options.kind ?? 'rule';
  }
}

/**
 * What sort of refusal this is: a broken rule, an input that is malformed, a missing record, a write conflict, a
 * caller who has not said who they are, or one who may not do this.
 */
export type DomainErrorKind = 'rule' | 'invalid' | 'not-found' | 'conflict' | 'unauthenticated' | 'forbidden';

export const invalid = (code: string, field: string, message: string): DomainError =>
  new DomainError(code, message, { field, kind: 'invalid' });

export const notFound = (code: string, message: string, field?: string): DomainError =>
  new DomainError(code, message, { kind: 'not-found', ...(field ? { field } : {}) });

export const ruleBroken = (code: string, message: string, field?: string): DomainError =>
  new DomainError(code, message, { kind: 'rule', ...(field ? { field } : {}) });

export const conflict = (code: string, message: string, field?: string): DomainError =>
  new DomainError(code, message, { kind: 'conflict', ...(field ? { field } : {}) });

export const unauthenticated = (code: string, message: string): DomainError =>
  new DomainError(code, message, { kind: 'unauthenticated' });

export const forbidden = (code: string, message: string): DomainError =>
  new DomainError(code, message, { kind: 'forbidden' });
