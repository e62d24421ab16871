import { CommanderError } from 'commander';
import { DataDirBusyError } from '../db/lock.ts';
import { DomainError } from '../domain/errors.ts';

/** Exit codes: scripts can tell a refused command from a conflict worth retrying, a busy folder, or a fault. */
export const EXIT = { ok: 0, fault: 1, refused: 2, conflict: 3, busy: 4 } as const;

/** Input the CLI itself rejects before any use case runs: a body that does not match its schema, a bad flag value. */
export class RequestInvalidError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'RequestInvalidError';
    this.field = field;
  }
}

/** A refusal the CLI states itself (e.g. `demo` on a ledger that is not empty), shaped like a domain error. */
export class CliRefusal extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'CliRefusal';
    this.code = code;
  }
}

/** A failure the command has put into words itself (e.g. `verify` naming the first bad event). */
export class ReportedFailure extends Error {
  readonly exitCode: number;

  constructor(line: string, exitCode: number = EXIT.fault) {
    super(line);
    this.name = 'ReportedFailure';
    this.exitCode = exitCode;
  }
}

export interface Failure {
  /** One line for stderr, without the newline. */
  readonly line: string;
  readonly exitCode: number;
  /** The stack, for TRANCHE_DEBUG=1; only for faults, never for refusals. */
  readonly stack?: string | undefined;
}

/** Turns whatever a command threw into the one line the user sees and the exit code scripts test. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof DomainError) {
    const field = error.field ? ` (field: ${error.field})` : '';
    return {
      line: `error: ${error.code}: ${error.message}${field}`,
      exitCode: error.kind === 'conflict' ? EXIT.conflict : EXIT.refused,
    };
  }
  if (error instanceof RequestInvalidError) {
    return { line: `error: request-invalid: ${error.field}: ${error.message}`, exitCode: EXIT.refused };
  }
  if (error instanceof CliRefusal) return { line: `error: ${error.code}: ${error.message}`, exitCode: EXIT.refused };
  if (error instanceof ReportedFailure) return { line: error.message, exitCode: error.exitCode };
  if (error instanceof DataDirBusyError) return { line: `error: ${error.message}`, exitCode: EXIT.busy };
  if (error instanceof CommanderError) {
    // commander has already printed its own one-line message ("error: unknown option '--x'").
    return { line: '', exitCode: error.exitCode === 0 ? EXIT.ok : EXIT.refused };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    line: `error: ${message.split('\n')[0] ?? message}`,
    exitCode: EXIT.fault,
    stack: error instanceof Error ? error.stack : undefined,
  };
}
