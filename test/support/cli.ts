/**
 * The `tranche` CLI in the suites: run() in this process with the output captured (the same function
 * `src/cli/main.ts` calls), and reading the database between commands. On PGlite a data folder is opened by one
 * process at a time, so a suite hands the folder to the CLI and opens it only to look, then closes it again.
 */
import { run } from '../../src/cli/run.ts';
import { type Database, openDatabase } from '../../src/db/index.ts';
import type { TestDatabase } from './database.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** One command in this process, its stdout, stderr and exit code captured exactly. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, env, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** A command line split on spaces (for lines where no value has one). */
export const words = (line: string): string[] => line.split(' ').filter((word) => word !== '');

/** Reads the test database between commands: on PGlite opened and closed again, so the CLI can take the folder. */
export async function inspect<T>(test: TestDatabase, read: (database: Database) => Promise<T>): Promise<T> {
  if (test.kind === 'postgres') return read(test.database);
  const database = await openDatabase(test.config, { lock: false, migrate: false });
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}
