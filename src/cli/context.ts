import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppDeps } from '../app/deps.ts';
import type { Config } from '../config.ts';
import { type Database, type Db, openDatabase } from '../db/index.ts';

/** Where a run writes: the process's streams, or a test's buffers. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** What every command gets: the configuration read once in main.ts, and where to write. */
export interface CliContext {
  readonly config: Config;
  /** Writes text to stdout (a newline is added). */
  readonly out: (text: string) => void;
  /** Writes text to stdout as it is, for output streamed in pieces (an export printed to stdout). */
  readonly write: (text: string) => void;
  /** Progress and notes for a person, on stderr, so stdout stays clean for `--json`. */
  readonly note: (text: string) => void;
}

/**
 * Opens the configured database for one command, runs `work` and closes it, releasing the data folder's lock.
 * PGlite keeps no lock of its own, so a folder a running server holds is refused (DataDirBusyError) rather than
 * opened a second time, which would lose writes silently.
 */
export async function withDatabase<T>(
  context: CliContext,
  holder: string,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(context.config.database, { lock: true, holder, migrate: true });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A new id with a readable prefix, e.g. `pkg-9f1c2a7b03`: random, so two processes never pick the same one. */
function newId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** The use cases' dependencies on the real clock and random ids. */
export function appDeps(db: Db): AppDeps {
  return { db, clock: () => new Date(), newId };
}

/** Who acts when `--actor` is not given: the OS user, which is what an audit of a shell session can tie it to. */
export function defaultActor(): string {
  try {
    return os.userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}
