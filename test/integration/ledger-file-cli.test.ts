/**
 * `tranche export-ledger`, `verify --file` and `import-ledger` as a user runs them: output lines, one-line errors and
 * exit codes (2 for a file that does not check out). Commands run in this process through run(), as in cli.test.ts;
 * one `verify --file` runs as its own process. On PGlite the test closes its own handle first.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { registerOrganisation } from '../../src/app/organisations.ts';
import { operator } from '../../src/domain/access.ts';
import { generateSigningKey, signerFromPem } from '../../src/ledger/export/signing.ts';
import { importFixtureRates, ORGANISATIONS, sequentialIdsByPrefix } from '../support/app-fixtures.ts';
import { type CliResult, runCli, words } from '../support/cli.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { linesOf } from '../support/ledger-export.ts';
import { PRIVATE_EVENTS, recordPrivateHistory } from '../support/private-records.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI_TIMEOUT = 90_000;
const HEX = '[0-9a-f]{64}';

/** The environment that points the CLI at a test database. */
function envFor(t: TestDatabase): NodeJS.ProcessEnv {
  const base = { ...process.env, TRANCHE_DEBUG: '', HOST: '', PORT: '', TRANCHE_SIGNING_KEY: '' };
  return t.config.kind === 'pglite'
    ? { ...base, DATABASE_URL: '', TRANCHE_DB_SCHEMA: '', TRANCHE_DATA_DIR: t.config.dataDir }
    : { ...base, DATABASE_URL: t.config.url, TRANCHE_DB_SCHEMA: t.config.schema ?? '' };
}

const cli = (line: string, env: NodeJS.ProcessEnv): Promise<CliResult> => runCli(words(line), env);

function spawnCli(line: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...line.split(' ')],
      { cwd: ROOT, env, timeout: CLI_TIMEOUT },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('tranche export-ledger, verify --file, import-ledger', () => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let tmp: string;
  let keyFile: string;
  const pem = generateSigningKey();
  const signer = signerFromPem(pem);
  const embedded = process.env.TRANCHE_TEST_DB !== 'postgres';
  /** The file a test wrote: `public` and `all` are written by the first test. */
  const at = (name: string) => path.join(tmp, name);
  /** verify and friends need no database: pointed at a folder that does not exist, they must not make it. */
  const noDatabase = () => ({ ...env, DATABASE_URL: '', TRANCHE_DATA_DIR: at('no-database-here') });

  beforeAll(async () => {
    t = await openTestDatabase();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-ledger-cli-'));
    keyFile = at('signing.pem');
    await writeFile(keyFile, pem);
    await writeFile(at('public-key.pem'), signer.publicKey);
    const db = t.database.db;
    await importFixtureRates(db);
    const deps: AppDeps = { db, clock: () => new Date(), newId: sequentialIdsByPrefix() };
    for (const organisation of ORGANISATIONS) {
      await registerOrganisation(deps, { principal: operator('test') }, { ...organisation, occurredOn: '2025-08-01' });
    }
    await recordPrivateHistory(deps, { principal: operator('test') });
    if (t.config.kind === 'pglite') await t.database.close();
    env = envFor(t);
  });
  afterAll(async () => {
    await t?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const events = ORGANISATIONS.length + PRIVATE_EVENTS;

  it(
    'export-ledger --key writes a public export or, with --all, every event; verify --file checks them with no database',
    async () => {
      const exported = await cli(`export-ledger --out ${at('public')} --key ${keyFile}`, env);
      expect(exported).toEqual({
        code: 0,
        stdout: expect.stringMatching(
          new RegExp(
            `^ok: ${events} events \\(${PRIVATE_EVENTS} redacted\\) to ${at('public')}, head #${events} ${HEX}, signed by ${signer.fingerprint}\\n$`,
          ),
        ),
        stderr: '',
      });
      const all = await cli(`export-ledger --out ${at('all')} --all --key ${keyFile}`, env);
      expect(all).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: \d+ events \(0 redacted\) to /) });

      const head = exported.stdout.match(new RegExp(`head #${events} (${HEX})`))?.[1];
      const verified = await cli(`verify --file ${at('public')} --fingerprint ${signer.fingerprint}`, noDatabase());
      expect(verified).toEqual({
        code: 0,
        stdout: `ok: ${events} events (${PRIVATE_EVENTS} redacted), head #${events} ${head}, signed by ${signer.fingerprint}\n`,
        stderr: '',
      });
      const pinnedByKey = await cli(`verify --file ${at('all')} --public-key ${at('public-key.pem')}`, noDatabase());
      expect(pinnedByKey).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: \d+ events \(0 redacted\)/) });
      expect(existsSync(at('no-database-here'))).toBe(false);
    },
    CLI_TIMEOUT,
  );

  it(
    'refuses with one line and exit 2: a tampered file (naming its line and event), another signer, bad arguments',
    async () => {
      const text = await readFile(at('public'), 'utf8');
      const index = linesOf(text).findIndex((line) => line.includes('"streamId":"organisation-nl"'));
      const original = JSON.parse(linesOf(text)[index] ?? '') as { seq: number; eventId: string };
      await writeFile(at('tampered'), text.replace('"Netherlands"', '"Netherlandz"'));
      const expected =
        `error: export-chain-broken: line ${index + 1}, event #${original.seq} ${original.eventId} ` +
        '(OrganisationRegistered in organisation-nl): its content does not match its hash: it was changed after it was recorded\n';
      // As its own process: the exit code a shell sees.
      expect(await spawnCli(`verify --file ${at('tampered')}`, noDatabase())).toEqual({
        code: 2,
        stdout: '',
        stderr: expected,
      });

      const other = signerFromPem(generateSigningKey());
      expect(await cli(`verify --file ${at('public')} --fingerprint ${other.fingerprint}`, noDatabase())).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: export-signer-unexpected: line 1: signed by ${signer.fingerprint}, not by the expected key ${other.fingerprint}\n`,
      });
      expect(await cli(`verify --file ${at('nowhere')}`, noDatabase())).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^error: request-invalid: file: cannot read \S+nowhere: ENOENT[^\n]*\n$/),
      });
      expect(await cli('verify --fingerprint abc', noDatabase())).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'error: request-invalid: file: --public-key and --fingerprint pin the signer of an export: give --file\n',
      });
      const unwritable = at('no-such-folder/out.jsonl');
      expect(await cli(`export-ledger --out ${unwritable} --key ${keyFile}`, env)).toEqual({
        code: 2,
        stdout: '',
        stderr: `error: file-unwritable: cannot write ${unwritable}: no such file or folder (field: out)\n`,
      });
      expect(await cli('export-ledger', env)).toEqual({
        code: 2,
        stdout: '',
        stderr: "error: required option '--out <file>' not specified\n",
      });
    },
    CLI_TIMEOUT,
  );

  if (embedded)
    it(
      'on PGlite, export-ledger without --key makes a key in the data folder (mode 0600) and signs with it again',
      async () => {
        const dataDir = env.TRANCHE_DATA_DIR ?? '';
        const keyPath = path.join(dataDir, 'ledger-signing-key.pem');
        const first = await cli(`export-ledger --out ${at('default-1')}`, env);
        expect(first).toMatchObject({
          code: 0,
          stderr: `made a signing key: ${keyPath} (keep it; verifiers pin its fingerprint)\n`,
        });
        expect(statSync(keyPath).mode & 0o777).toBe(0o600);
        const second = await cli(`export-ledger --out ${at('default-2')}`, env);
        expect(second).toMatchObject({ code: 0, stderr: '' });
        const fingerprint = (result: CliResult) => result.stdout.match(/signed by ([0-9a-f]{64})/)?.[1];
        expect(fingerprint(second)).toBe(fingerprint(first));
      },
      CLI_TIMEOUT,
    );

  if (!embedded)
    it(
      'on a PostgreSQL server, export-ledger needs --key or TRANCHE_SIGNING_KEY',
      async () => {
        expect(await cli(`export-ledger --out ${at('unsigned')}`, env)).toEqual({
          code: 2,
          stdout: '',
          stderr:
            'error: signing-key-required: on a PostgreSQL server there is no data folder to keep a signing key in: give --key PATH or set TRANCHE_SIGNING_KEY (field: key)\n',
        });
        expect(existsSync(at('unsigned'))).toBe(false);
        const fromEnv = await cli(`export-ledger --out ${at('env')}`, { ...env, TRANCHE_SIGNING_KEY: pem });
        expect(fromEnv).toMatchObject({ code: 0, stdout: expect.stringContaining(`signed by ${signer.fingerprint}`) });
      },
      CLI_TIMEOUT,
    );

  it(
    'import-ledger fills an empty ledger from an --all export only, and the result verifies',
    async () => {
      expect(await cli(`import-ledger ${at('all')}`, env)).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringMatching(/^error: ledger-not-empty: this ledger already holds \d+ events: [^\n]+\n$/),
      });
      const fresh = await openTestDatabase();
      try {
        if (fresh.config.kind === 'pglite') await fresh.database.close();
        const freshEnv = envFor(fresh);
        expect(await cli(`import-ledger ${at('public')}`, freshEnv)).toEqual({
          code: 2,
          stdout: '',
          stderr:
            'error: export-redacted: this is a public export: it withholds events that are not public, so it cannot rebuild the read models; import an export made with --all\n',
        });
        const imported = await cli(`import-ledger ${at('all')} --fingerprint ${signer.fingerprint}`, freshEnv);
        expect(imported).toEqual({
          code: 0,
          stdout: expect.stringMatching(
            new RegExp(
              `^ok: imported ${events} events, head #${events} (${HEX}), signed by ${signer.fingerprint}; read models rebuilt\\n$`,
            ),
          ),
          stderr: 'exchange rates are not part of the ledger: run tranche rates import before recording amounts\n',
        });
        const head = imported.stdout.match(new RegExp(`head #${events} (${HEX})`))?.[1];
        expect(await cli('verify', freshEnv)).toEqual({
          code: 0,
          stdout: `ledger verified: ${events} events, head ${head}\n`,
          stderr: '',
        });
        expect((await cli('org list --json', freshEnv)).stdout).toContain('ruritania');
      } finally {
        await fresh.cleanup();
      }
    },
    CLI_TIMEOUT,
  );
});
