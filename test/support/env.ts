/**
 * What the test projects share: which engine an integration project runs against, where the PostgreSQL server is,
 * and the values the global setups hand to the test workers (see vitest.config.ts).
 */
import { accessSync, constants, statSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Set per vitest project in vitest.config.ts; `pglite` when a test file is run some other way. */
export function testDatabaseKind(env: NodeJS.ProcessEnv = process.env): TestDatabaseKind {
  const kind = env.TRANCHE_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error(`TRANCHE_TEST_DB must be pglite or postgres, not "${kind}"`);
  }
  return kind;
}

const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRANCHE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true';
}

/** `host:port` of a URL, for messages (no user name or password). */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return 'the configured server';
  }
}

export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Connects once and runs `SELECT 1`; never throws. */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<ProbeResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    const reason =
      error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
    return { ok: false, reason: reason.replace(/\s+/g, ' ').trim() };
  } finally {
    await client.end().catch(() => {});
  }
}

export function postgresRequiredMessage(url: string, reason: string): string {
  return `PostgreSQL at ${describeServer(url)} is required under CI=true: ${reason} (start it with scripts/ensure-postgres.sh)`;
}

export function postgresSkippedMessage(url: string, reason: string): string {
  return (
    `PostgreSQL at ${describeServer(url)} is unreachable (${reason}): skipping the integration-postgres project ` +
    '(run scripts/ensure-postgres.sh; under CI=true this is a failure)'
  );
}

/** Prefix of every temporary folder and schema a test run makes, followed by the run's id (the main process pid). */
export const TEMP_PREFIX = 'tranche-test';

/**
 * Where PGlite test folders go: TRANCHE_TEST_TMPDIR, else /dev/shm when it is a writable folder (tmpfs: copying the
 * 40 MB template takes ~0.1 s there against ~1.2 s on this machine's disk), else os.tmpdir().
 */
export function testTempRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TRANCHE_TEST_TMPDIR) return env.TRANCHE_TEST_TMPDIR;
  try {
    if (statSync('/dev/shm').isDirectory()) {
      accessSync('/dev/shm', constants.W_OK);
      return '/dev/shm';
    }
  } catch {
    // no tmpfs here
  }
  return os.tmpdir();
}

/** True when a process with this pid still runs here (so its leftovers are not stale). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Id of this test run (the main process pid): names its temporary folders and schemas. */
    trancheRunId: string;
    /** A migrated PGlite folder that openTestDatabase copies (integration-pglite only). */
    tranchePgliteTemplate: string;
    /** Empty when the PostgreSQL server answered, else why not, in one line (integration-postgres only). */
    tranchePostgresUnavailable: string;
    /** The built web app the browser tests serve (browser only). */
    trancheWebRoot: string;
    /** Chromium's executable, or empty when there is none (browser only; a failure under CI=true). */
    trancheChromium: string;
  }
}
