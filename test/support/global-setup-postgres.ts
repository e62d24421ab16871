/**
 * vitest globalSetup of the integration-postgres project: checks the server once. Unreachable under CI=true is a
 * failure with a one-line message (each test file of the project fails with it, see setup-postgres.ts); outside CI,
 * vitest.config.ts has already left the project out (and said so once).
 * Each test gets its own schema (see database.ts); this drops the ones a run leaves behind. Runs in the main process.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  isCi,
  postgresRequiredMessage,
  postgresSkippedMessage,
  probePostgres,
  processAlive,
  testDatabaseUrl,
} from './env.ts';

/** Schemas made by openTestDatabase: t_<run id>_<random hex>. */
const SCHEMA_PATTERN = /^t_(\d+)_[0-9a-f]+$/;

async function dropSchemas(url: string, keep: (runId: number) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' ORDER BY nspname",
    );
    for (const { nspname } of rows) {
      const match = SCHEMA_PATTERN.exec(nspname);
      if (match && !keep(Number(match[1]))) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
    }
  } finally {
    await client.end().catch(() => {});
  }
}

function isLocal(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const url = testDatabaseUrl();
  const runId = process.pid;
  project.provide('trancheRunId', String(runId));
  const probe = await probePostgres(url);
  if (!probe.ok) {
    // Said once here; each test file of the project then fails with it (setup-postgres.ts).
    const message = isCi() ? postgresRequiredMessage(url, probe.reason) : postgresSkippedMessage(url, probe.reason);
    console.error(message);
    project.provide('tranchePostgresUnavailable', message);
    return undefined;
  }
  project.provide('tranchePostgresUnavailable', '');
  // Leftovers of killed runs on this machine (a remote server may be shared by other machines' runs).
  if (isLocal(url)) await dropSchemas(url, processAlive).catch(() => {});
  return async () => {
    await dropSchemas(url, (owner) => owner !== runId).catch(() => {});
  };
}
