/**
 * `tranche import iati` and `POST /api/imports/iati` over the small files of test/support/iati-files.ts: the same
 * importer, its report, its exit codes and HTTP statuses.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { type CliResult, inspect as inspectDatabase, runCli } from '../support/cli.ts';
import { BAD_ACTIVITIES, GOOD_ACTIVITIES, iatiFile } from '../support/iati-files.ts';
import { signedIn } from '../support/people.ts';

const GOOD = iatiFile(GOOD_ACTIVITIES);
const BAD = iatiFile(GOOD_ACTIVITIES, BAD_ACTIVITIES);

describe('POST /api/imports/iati', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let auth: Record<string, string> = {};

  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    auth = await signedIn(app, f.deps, 'importer');
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  const post = (query: string, payload: string, type = 'application/xml') =>
    app.inject({
      method: 'POST',
      url: `/api/imports/iati?${query}`,
      headers: { ...auth, 'content-type': type },
      payload,
    });

  it('answers 422 with each error for a bad file, 200 for a dry run, 201 when written, 200 the second time', async () => {
    const before = await ledgerState(f.db);
    const refused = await post('fileName=bad.xml', BAD);
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'import-rows-refused',
      rowErrors: [{ column: 'transaction/value' }, { column: 'value/@currency' }],
    });
    const dry = await post('dryRun=true', GOOD, 'text/xml');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      written: false,
      rowsRead: 2,
      packages: ['iati:nl-gov-1-ua-0001', 'iati:xm-dac-41114-ukr-77'],
    });
    expect(await ledgerState(f.db)).toEqual(before);

    const created = await post('fileName=good.xml', GOOD);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      written: true,
      file: 'good.xml',
      contributions: ['iati:nl-gov-1-ua-0001:nl', 'iati:xm-dac-41114-ukr-77:de'],
      // The file's activities state no status and are new: nothing to take onto a lifecycle, nothing updated.
      updatedActivities: [],
      olderActivities: [],
      lifecycle: [],
      notes: [],
    });
    const again = await post('fileName=good.xml', GOOD);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyImported: true, written: false });
  });
});

describe('tranche import iati', () => {
  let f: AppFixture;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  const cli = (line: string): Promise<CliResult> => runCli(line.split(' '), env);

  const inspect = <T>(read: (database: Database) => Promise<T>): Promise<T> => inspectDatabase(f.test, read);

  beforeAll(async () => {
    f = await openAppFixture();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-iati-cli-'));
    await writeFile(path.join(dir, 'bad.xml'), BAD);
    const base = { ...process.env, TRANCHE_DEBUG: '', HOST: '', PORT: '' };
    const config = f.test.config;
    if (config.kind === 'pglite') {
      await f.test.database.close();
      env = { ...base, DATABASE_URL: '', TRANCHE_DB_SCHEMA: '', TRANCHE_DATA_DIR: config.dataDir };
    } else {
      env = { ...base, DATABASE_URL: config.url, TRANCHE_DB_SCHEMA: config.schema ?? '' };
    }
  });
  afterAll(async () => {
    await f?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a bad file (exit 2, each error on stderr), imports the rest with --skip-invalid, once', async () => {
    const file = path.join(dir, 'bad.xml');
    const refused = await cli(`import iati ${file} --dry-run`);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('bad.xml: 4 activities read, 2 packages, 2 contributions\n');
    expect(refused.stdout).toContain('dry run: nothing was written');
    expect(refused.stderr).toMatch(/line \d+, transaction\/value: payment-exceeds-commitment: /);
    expect(refused.stderr).toMatch(/line \d+, value\/@currency: "XYZ" is not an ISO 4217 currency code\n/);
    expect(refused.stderr).toContain('2 errors: nothing was imported');

    const imported = await cli(`import iati ${file} --skip-invalid`);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('new organisations: iati:xm-dac-41114\n');
    expect(imported.stdout).toContain('1 transaction of a type that gives no contribution stage (left out)\n');
    expect(imported.stdout).toMatch(/imported as iati-[0-9a-f]{16}-s; 2 errors skipped\n$/);
    const packages = await inspect(async ({ db }) =>
      (await db.selectFrom('rm_packages').select('id').orderBy('id').execute()).map((row) => row.id),
    );
    expect(packages).toEqual(['iati:nl-gov-1-ua-0001', 'iati:xm-dac-41114-ukr-77']);

    const again = await cli(`import iati ${file} --skip-invalid`);
    expect(again).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/already imported as iati-.*; nothing new\n$/),
    });
  });
});
