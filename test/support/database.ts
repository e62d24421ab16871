/**
 * A fresh, migrated database for one test (or one test file), on the engine of the running vitest project:
 * - integration-pglite: a copy of the run's migrated PGlite template folder, in its own temporary folder;
 * - integration-postgres: a new schema `t_<run>_<hex>` on the server (TRANCHE_TEST_DATABASE_URL, default
 *   postgres://postgres@127.0.0.1:5432/test), dropped by cleanup().
 *
 *   let t: TestDatabase;
 *   beforeAll(async () => { t = await openTestDatabase(); });
 *   afterAll(() => t.cleanup());
 */
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject, type ProvidedContext } from 'vitest';
import type { DatabaseConfig } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { TEMP_PREFIX, type TestDatabaseKind, testDatabaseKind, testDatabaseUrl, testTempRoot } from './env.ts';

export interface TestDatabase {
  /** The open database (migrated). */
  readonly database: Database;
  /** How it was opened: close `database` first, then `openDatabase(config, { lock: false })` reopens the same data. */
  readonly config: DatabaseConfig;
  readonly kind: TestDatabaseKind;
  /** Closes the database (if still open) and removes its folder or schema. Safe to call twice. */
  cleanup(): Promise<void>;
}

function runId(): string {
  return injected('trancheRunId') ?? String(process.pid);
}

/** inject() without failing when the value was not provided (a test file run outside this project's config). */
function injected<K extends keyof ProvidedContext>(key: K): ProvidedContext[K] | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

/** Closes once, whatever the test already did with it. */
function closer(database: Database): () => Promise<void> {
  let closed: Promise<void> | undefined;
  return () => {
    closed ??= database.close().catch(() => {});
    return closed;
  };
}

async function openPglite(): Promise<TestDatabase> {
  const template = injected('tranchePgliteTemplate');
  const dataDir = await mkdtemp(path.join(testTempRoot(), `${TEMP_PREFIX}-db-${runId()}-`));
  try {
    // Without the project's global setup (no template), initialise from scratch: correct, only slower (~5 s).
    // cpSync: fs.promises.cp copies this folder of ~1,000 files 3-4 times slower.
    if (template) cpSync(template, dataDir, { recursive: true });
    const config: DatabaseConfig = { kind: 'pglite', dataDir };
    const database = await openDatabase(config, { lock: false, migrate: true });
    const close = closer(database);
    let removed: Promise<void> | undefined;
    return {
      database,
      config,
      kind: 'pglite',
      cleanup: () => {
        removed ??= close().then(() => rm(dataDir, { recursive: true, force: true }));
        return removed;
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function openPostgres(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const unavailable = injected('tranchePostgresUnavailable');
  if (unavailable) throw new Error(unavailable);
  const schema = `t_${runId()}_${randomBytes(6).toString('hex')}`;
  const config: DatabaseConfig = { kind: 'postgres', url, schema };
  let database: Database;
  try {
    database = await openDatabase(config, { migrate: true });
  } catch (error) {
    await dropSchema(url, schema).catch(() => {});
    throw error;
  }
  const close = closer(database);
  let removed: Promise<void> | undefined;
  return {
    database,
    config,
    kind: 'postgres',
    cleanup: () => {
      removed ??= close().then(() => dropSchema(url, schema));
      return removed;
    },
  };
}

/** Opens a fresh migrated database on the engine of the current vitest project (TRANCHE_TEST_DB). */
export async function openTestDatabase(): Promise<TestDatabase> {
  return testDatabaseKind() === 'postgres' ? openPostgres() : openPglite();
}
