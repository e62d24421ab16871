/**
 * `tranche import kiel` killed with SIGKILL part-way, as a real process: the ledger and the read models hold nothing
 * of the run, the chain still verifies, and the same command run again finishes the import from what was staged.
 *
 * The killed run reads the file in two parts, a thread each. On the server the test waits until the second part's
 * thread has staged a batch, then kills it (an interruption while reading: the second part's batches are not yet
 * numbered on from the first's, and the next run drops them and reads on after the first part's). On PGlite the folder is the child's alone while it runs, so the kill comes when the child says on stderr that it has
 * staged the file and begins recording it (an interruption while recording); the child's lock on the folder then
 * goes stale before the next run may take it (15 s).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/app/ledger.ts';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { ledgerState } from '../support/app-fixtures.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { flowRows, stagedBatches } from '../support/flows.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROWS = 40_000;
const HEADER = 'country,iso,year,month,total,financial,humanitarian,military,commitments,to_be_allocated,gdp,pct_gdp';
const CODES = ['DEU', 'NLD', 'NOR', 'SWE', 'DNK', 'FIN', 'POL', 'CAN', 'GBR', 'FRA'];

/** Distinct donor-months, each with military aid and commitments: two flows a row. */
function kielShaped(rows: number): string {
  const lines = [HEADER];
  for (let index = 0; index < rows; index += 1) {
    const code = CODES[index % CODES.length] ?? 'DEU';
    const slot = Math.floor(index / CODES.length);
    lines.push(`"${code}","${code}",${2000 + Math.floor(slot / 12)},${(slot % 12) + 1},1.5,0,0,1.5,0.25,0,1000,0.1`);
  }
  return `${lines.join('\n')}\n`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an import killed part-way', () => {
  let t: TestDatabase;
  let dir: string;
  let file: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await openTestDatabase();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-kill-'));
    file = path.join(dir, 'data_explorer.csv');
    await writeFile(file, kielShaped(ROWS));
    const base = { ...process.env, TRANCHE_DEBUG: '', HOST: '', PORT: '' };
    if (t.config.kind === 'pglite') {
      await t.database.close();
      env = { ...base, DATABASE_URL: '', TRANCHE_DB_SCHEMA: '', TRANCHE_DATA_DIR: t.config.dataDir };
    } else {
      env = { ...base, DATABASE_URL: t.config.url, TRANCHE_DB_SCHEMA: t.config.schema ?? '' };
    }
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Reads the database between runs (on PGlite: opened and closed again, so the CLI can take the folder). */
  async function inspect<T>(read: (database: Database) => Promise<T>): Promise<T> {
    if (t.kind === 'postgres') return read(t.database);
    const database = await openDatabase(t.config, { lock: false, migrate: false });
    try {
      return await read(database);
    } finally {
      await database.close();
    }
  }

  function importProcess(options: readonly string[] = []): {
    child: ChildProcess;
    done: Promise<{ code: number | null; stdout: string; stderr: string }>;
    /** What it has written to stderr so far. */
    stderr: () => string;
  } {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'kiel', file, ...options], {
      cwd: ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stdout, stderr })),
    );
    return { child, done, stderr: () => stderr };
  }

  const staged = (database: Database) =>
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM flow_batches JOIN import_runs USING (import_id) WHERE status = 'staging'`
      .execute(database.db)
      .then((r) => r.rows[0]?.n ?? 0);

  /** Batches a reading worker has staged and the run has not numbered on from the first part's yet (split.ts). */
  const provisional = (database: Database) =>
    sql<{ n: number }>`SELECT count(*)::int AS n FROM flow_batches WHERE batch >= 1000000000`
      .execute(database.db)
      .then((r) => r.rows[0]?.n ?? 0);

  it('leaves nothing of the run on the ledger, and a second run completes it', async () => {
    const before = await inspect((database) => ledgerState(database.db));
    // Read in two parts, a thread each: on the server the kill comes while the second part is being staged.
    const { child, done, stderr } = importProcess(['--threads', '2']);
    if (t.kind === 'postgres') {
      for (let waited = 0; (await provisional(t.database)) < 1 && waited < 60_000; waited += 20) await sleep(20);
    } else {
      // The folder is the child's alone: kill it once it says it has staged the file and begun recording it.
      for (let waited = 0; !stderr().includes('recording') && waited < 120_000; waited += 20) await sleep(20);
    }
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.code, killed.stderr).not.toBe(0);

    // Nothing of the run is on the ledger or in the read models, and the chain verifies.
    const after = await inspect(async (database) => ({
      ledger: await ledgerState(database.db),
      flows: (await flowRows(database.db)).length,
      verified: (await verify(database.db)).ok,
      staged: await staged(database),
    }));
    expect(after).toMatchObject({ ledger: before, flows: 0, verified: true });
    expect(after.staged).toBeGreaterThan(0);
    if (t.kind === 'postgres') expect(await provisional(t.database)).toBeGreaterThan(0);

    // Run again: it takes over the staged batches and records everything once (PGlite: once the dead run's lock is stale).
    let rerun = await importProcess().done;
    for (let tries = 0; rerun.code === 4 && tries < 10; tries += 1) {
      await sleep(3_000);
      rerun = await importProcess().done;
    }
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/resumed: \d+ batches staged by an interrupted run were kept/);
    const final = await inspect(async (database) => ({
      flows: (await flowRows(database.db)).length,
      imports: (await sql<{ n: number }>`SELECT count(*)::int AS n FROM rm_imports`.execute(database.db)).rows[0]?.n,
      staging: (await stagedBatches(database.db)).length,
      provisional: await provisional(database),
      verified: (await verify(database.db)).ok,
    }));
    expect(final).toEqual({ flows: ROWS * 2, imports: 1, staging: 0, provisional: 0, verified: true });
  }, 180_000);
});
