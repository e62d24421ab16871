/**
 * `tranche user`, `tranche token` and `tranche audit` against a real database: the first administrator is added
 * from the command line with a password made up and shown once, roles are granted and revoked, a token is printed
 * once and only its hash kept, and bad input is one line with a non-zero exit that changes nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { registerOrganisation } from '../../src/app/organisations.ts';
import type { Database } from '../../src/db/index.ts';
import { operator } from '../../src/domain/access.ts';
import { buildServer } from '../../src/http/server.ts';
import { type LedgerState, ledgerState, ORGANISATIONS, sequentialIdsByPrefix } from '../support/app-fixtures.ts';
import { type CliResult, inspect as inspectDatabase, runCli } from '../support/cli.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

describe('tranche user, token and audit', { timeout: 90_000 }, () => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let tmp: string;

  const cli = (...args: string[]): Promise<CliResult> => runCli(args, env);

  const inspect = <T>(read: (database: Database) => Promise<T>): Promise<T> => inspectDatabase(t, read);

  /** Signs in over HTTP against the same database, as a browser would. */
  async function signIn(personId: string, password: string): Promise<number> {
    return inspect(async (database) => {
      const deps: AppDeps = { db: database.db, clock: () => new Date(), newId: sequentialIdsByPrefix() };
      const app: FastifyInstance = await buildServer({ ...deps, databaseKind: t.kind });
      try {
        const response = await app.inject({ method: 'POST', url: '/api/session', payload: { personId, password } });
        return response.statusCode;
      } finally {
        await app.close();
      }
    });
  }

  const ledger = (): Promise<LedgerState> => inspect((database) => ledgerState(database.db));

  beforeAll(async () => {
    t = await openTestDatabase();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-people-cli-'));
    const deps: AppDeps = { db: t.database.db, clock: () => new Date(), newId: sequentialIdsByPrefix() };
    for (const organisation of ORGANISATIONS) {
      await registerOrganisation(deps, { principal: operator('test') }, { ...organisation, occurredOn: '2025-08-01' });
    }
    const base = { ...process.env, TRANCHE_DEBUG: '', HOST: '', PORT: '' };
    if (t.config.kind === 'pglite') {
      await t.database.close();
      env = { ...base, DATABASE_URL: '', TRANCHE_DB_SCHEMA: '', TRANCHE_DATA_DIR: t.config.dataDir };
    } else {
      env = { ...base, DATABASE_URL: t.config.url, TRANCHE_DB_SCHEMA: t.config.schema ?? '' };
    }
  });
  afterAll(async () => {
    await t?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('adds the first administrator with a password shown once, which then signs in', async () => {
    const added = await cli('user', 'add', 'admin', '--name', 'First Administrator', '--actor', 'ops');
    expect(added.code, added.stderr).toBe(0);
    const password = /password: (\S+)/.exec(added.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const granted = await cli('user', 'role', 'admin', '--org', '*', '--role', 'administrator', '--actor', 'ops');
    expect(granted).toMatchObject({ code: 0, stdout: 'granted administrator for *: admin v2\n' });
    expect(await signIn('admin', password)).toBe(200);
    expect(await signIn('admin', `${password}x`)).toBe(401);

    const listed = await cli('user', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        id: 'admin',
        name: 'First Administrator',
        grants: [{ organisationId: '*', role: 'administrator' }],
      }),
    ]);
  });

  it('takes a password from a file, and sets a new one that ends the old', async () => {
    const file = path.join(tmp, 'password.txt');
    await writeFile(file, 'a long enough passphrase\n');
    expect((await cli('user', 'add', 'olena', '--name', 'Olena', '--password-file', file)).code).toBe(0);
    expect(await signIn('olena', 'a long enough passphrase')).toBe(200);
    const reset = await cli('user', 'password', 'olena');
    const password = /new password for olena: (\S+)/.exec(reset.stdout)?.[1] ?? '';
    expect(await signIn('olena', 'a long enough passphrase')).toBe(401);
    expect(await signIn('olena', password)).toBe(200);
  });

  it('prints a token once, keeps only its hash, lists it and revokes it', async () => {
    const created = await cli('token', 'create', '--org', 'nl', '--role', 'donor-officer', '--label', 'MoD feed');
    expect(created.code, created.stderr).toBe(0);
    const token = /token: (\S+)/.exec(created.stdout)?.[1] ?? '';
    const id = /id: +(\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(token.startsWith(`trn_${id}.`)).toBe(true);
    const stored = await inspect((database) =>
      database.db.selectFrom('events').select(['data', 'meta']).where('stream_id', '=', `token-${id}`).execute(),
    );
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
    const listed = await cli('token', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id, label: 'MoD feed', revokedAt: null })]);
    expect((await cli('token', 'revoke', id, '--reason', 'rotated')).code).toBe(0);
    const again = await cli('token', 'revoke', id);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: token-already-revoked: /);
  });

  it('refuses bad input in one line with exit 2, recording nothing', async () => {
    const before = await ledger();
    const cases: [string[], RegExp][] = [
      [['user', 'role', 'admin', '--org', 'atlantis', '--role', 'auditor'], /organisation-unknown.*atlantis/],
      [['user', 'role', 'admin', '--org', 'nl', '--role', 'emperor'], /request-invalid: role:/],
      [['user', 'role', 'nobody', '--org', 'nl', '--role', 'auditor'], /person-unknown/],
      [['user', 'add', 'admin', '--name', 'Again'], /person-already-added/],
      [
        ['token', 'create', '--org', 'nl', '--role', 'auditor', '--label', 'x', '--expires', '2020-01-01'],
        /expiry-not-in-future/,
      ],
      [['audit', '--since', 'last tuesday'], /request-invalid: since:/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    expect(await ledger()).toEqual(before);
  });

  it('lists who did what and when, newest first, by actor', async () => {
    const audit = await cli('audit', '--actor', 'ops', '--json');
    const entries = JSON.parse(audit.stdout) as { type: string; streamId: string; actor: string }[];
    expect(entries.map((entry) => [entry.type, entry.streamId])).toEqual([
      ['RoleGranted', 'person-admin'],
      ['PersonAdded', 'person-admin'],
    ]);
  });
});
