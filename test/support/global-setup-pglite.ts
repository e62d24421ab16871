/**
 * vitest globalSetup of the integration-pglite project: builds ONE migrated PGlite folder per run (initdb takes ~5 s),
 * which openTestDatabase copies for each call (~1 s). It is built through openDatabase, so it always has the current
 * migrations. Runs in vitest's main process.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/index.ts';
import { processAlive, TEMP_PREFIX, testTempRoot } from './env.ts';

/** Removes folders that runs which no longer exist left behind (killed runs cannot clean up after themselves). */
async function removeStaleFolders(): Promise<void> {
  const tmp = testTempRoot();
  const pattern = new RegExp(`^${TEMP_PREFIX}-(?:template|db)-(\\d+)-`);
  for (const name of await readdir(tmp).catch(() => [] as string[])) {
    const match = pattern.exec(name);
    if (match && !processAlive(Number(match[1]))) {
      await rm(path.join(tmp, name), { recursive: true, force: true }).catch(() => {});
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = String(process.pid);
  await removeStaleFolders();
  const template = path.join(testTempRoot(), `${TEMP_PREFIX}-template-${runId}-${randomBytes(4).toString('hex')}`);
  const started = performance.now();
  const database = await openDatabase({ kind: 'pglite', dataDir: template }, { lock: false, migrate: true });
  await database.close();
  if (process.env.TRANCHE_TEST_VERBOSE) {
    console.log(`PGlite template ready in ${Math.round(performance.now() - started)} ms at ${template}`);
  }
  project.provide('trancheRunId', runId);
  project.provide('tranchePgliteTemplate', template);
  return async () => {
    await rm(template, { recursive: true, force: true });
    // Copies whose test file crashed before its cleanup ran.
    const tmp = testTempRoot();
    for (const name of await readdir(tmp).catch(() => [] as string[])) {
      if (name.startsWith(`${TEMP_PREFIX}-db-${runId}-`)) {
        await rm(path.join(tmp, name), { recursive: true, force: true }).catch(() => {});
      }
    }
  };
}
