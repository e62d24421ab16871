/**
 * `tranche export iati` against a database holding the export history and a restricted package, run in this process
 * through run() (as src/cli/main.ts runs it). On PGlite the suite closes its own handle first: the CLI opens the
 * folder itself.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { validateIatiActivities } from '../../src/ingest/formats/iati-schema.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { buildExportHistory } from '../support/export-history.ts';
import { recordPrivateHistory } from '../support/private-records.ts';

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const identifiers = (xml: string): string[] =>
  [...xml.matchAll(/<iati-identifier>([^<]*)<\/iati-identifier>/g)].map((match) => match[1] ?? '');

describe('tranche export iati', () => {
  let f: AppFixture;
  let env: NodeJS.ProcessEnv;
  let tmp: string;
  let note: string;

  async function cli(argv: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
    let stdout = '';
    let stderr = '';
    const code = await run(
      argv,
      { ...env, ...extraEnv },
      {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    f = await openAppFixture();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-export-iati-cli-'));
    await buildExportHistory(f.deps, f.request);
    await recordPrivateHistory(f.deps, f.request);
    const head = await ledgerState(f.db);
    note = `exported 2 activities and 7 transactions as IATI 2.03 at ledger seq ${head.headSeq}, head ${head.headHash}`;
    const base = { ...process.env, TRANCHE_DEBUG: '', HOST: '', PORT: '', TRANCHE_IATI_PUBLISHER_REF: '' };
    const config = f.test.config;
    if (config.kind === 'pglite') {
      await f.test.database.close();
      env = { ...base, DATABASE_URL: '', TRANCHE_DB_SCHEMA: '', TRANCHE_DATA_DIR: config.dataDir };
    } else {
      env = { ...base, DATABASE_URL: config.url, TRANCHE_DB_SCHEMA: config.schema ?? '' };
    }
  }, 60_000);
  afterAll(async () => {
    await f?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('--out writes a file valid against the IATI 2.03 schema, and says what it holds and at which head', async () => {
    const file = path.join(tmp, 'iati.xml');
    expect(await cli(['export', 'iati', '--out', file])).toEqual({
      code: 0,
      stdout: '',
      stderr: `${note} to ${file}\n`,
    });
    const xml = await readFile(file, 'utf8');
    expect(await validateIatiActivities(xml)).toEqual([]);
    expect(identifiers(xml)).toEqual(['XI-TRANCHE-pkg-1', 'XI-TRANCHE-pkg-2']);
    expect(xml).not.toContain('covert');
    expect((await readdir(tmp)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 30_000);

  it('prints the document to stdout without --out', async () => {
    const printed = await cli(['export', 'iati']);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stderr).toBe(`${note}\n`);
    expect(await validateIatiActivities(printed.stdout)).toEqual([]);
    expect(printed.stdout).toContain('<narrative xml:lang="uk">Пакет PURL: Patriot</narrative>');
  }, 30_000);

  it('reports as the publisher TRANCHE_IATI_PUBLISHER_REF, _NAME and _TYPE name', async () => {
    const publisher = {
      TRANCHE_IATI_PUBLISHER_REF: 'GB-CHC-1234567',
      TRANCHE_IATI_PUBLISHER_NAME: 'Aid Watch',
      TRANCHE_IATI_PUBLISHER_TYPE: '21',
    };
    const printed = await cli(['export', 'iati'], publisher);
    expect(printed.code, printed.stderr).toBe(0);
    expect(identifiers(printed.stdout)).toEqual(['GB-CHC-1234567-pkg-1', 'GB-CHC-1234567-pkg-2']);
    expect(printed.stdout).toContain(
      '<reporting-org ref="GB-CHC-1234567" type="21" secondary-reporter="1">\n   <narrative>Aid Watch</narrative>',
    );
  }, 30_000);

  it('fails with one line and an exit code, writing nothing', async () => {
    const missing = path.join(tmp, 'no', 'such', 'iati.xml');
    expect(await cli(['export', 'iati', '--out', missing])).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: request-invalid: out: no folder ${path.dirname(missing)} to write iati.xml into\n`,
    });
    expect(await cli(['export', 'iati'], { TRANCHE_IATI_PUBLISHER_REF: 'not an id' })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: TRANCHE_IATI_PUBLISHER_REF must be an IATI organisation identifier such as GB-CHC-1234567, not "not an id"\n',
    });
    expect(await cli(['export', 'iati'], { TRANCHE_IATI_PUBLISHER_TYPE: '99' })).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(
        /^error: TRANCHE_IATI_PUBLISHER_TYPE must be an IATI OrganisationType code .*"99"\n$/,
      ),
    });
    expect(await cli(['export', 'iati', '--table', 'packages'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown option '--table'\n",
    });
    expect(await readdir(tmp)).toEqual(['iati.xml']);
  });
});
