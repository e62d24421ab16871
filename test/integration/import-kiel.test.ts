/**
 * The Kiel Ukraine Support Tracker's real `data_explorer.csv` (../shared/data/kiel, Release 29) through
 * `tranche import kiel`, and the same importer over HTTP (`POST /api/imports/kiel`).
 */

import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/imports/engine.ts';
import { importFormat } from '../../src/app/imports/formats.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { isCi } from '../support/env.ts';
import { flowRows } from '../support/flows.ts';
import { signedIn } from '../support/people.ts';

const KIEL = path.resolve(import.meta.dirname, '../../../shared/data/kiel');
const present = existsSync(path.join(KIEL, 'data_explorer.csv'));
if (!present && !isCi()) console.warn(`Kiel import suite not run: ${KIEL} is missing (the shared public data)`);

describe.runIf(present || isCi())('importing the Kiel Ukraine Support Tracker', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let dir: string;
  let auth: Record<string, string> = {};
  const kiel = (file: string, options = {}) =>
    importFormat(f.db, 'kiel', file).then((format) => runImport(f.deps, f.request, format, file, options));

  beforeAll(async () => {
    if (!present) throw new Error(`the Kiel import suite needs ${KIEL} (required under CI=true)`);
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    auth = await signedIn(app, f.deps, 'importer');
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-kiel-'));
    await copyFile(path.join(KIEL, 'release_info.csv'), path.join(dir, 'release_info.csv'));
    const lines = (await readFile(path.join(KIEL, 'data_explorer.csv'), 'utf8')).trimEnd().split('\n');
    await writeFile(
      path.join(dir, 'bad.csv'),
      `${[...lines.slice(0, 4), '"Atlantis","ATL",2025,3,1,0,0,1,0,0,0,0', '"Germany","DEU",2025,13,1,0,0,1,0,0,0,0', '"Germany","DEU",2025,4,1,x,0,1,0,0,0,0'].join('\n')}\n`,
    );
  });
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a file with bad rows, naming each line, column and reason, and writes nothing', async () => {
    const before = await ledgerState(f.db);
    const report = await kiel(path.join(dir, 'bad.csv'));
    expect(report.written).toBe(false);
    expect(report.errors).toEqual([
      { row: 5, column: 'iso', reason: '"ATL" is not an ISO 3166-1 alpha-3 country code or EU' },
      { row: 6, column: 'month', reason: '"13" is not a month number from 1 to 12' },
      { row: 7, column: 'financial', reason: '"x" is not a decimal number such as 0.142911' },
    ]);
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('imports 42 donors over 2022–2026 as flows with basis estimate and the release as their source', async () => {
    const file = path.join(KIEL, 'data_explorer.csv');
    const dry = await kiel(file, { dryRun: true });
    expect(dry).toMatchObject({ written: false, rowsRead: 1079, errorCount: 0 });
    const report = await kiel(file);
    expect(report).toMatchObject({ written: true, rowsRead: 1079, flows: dry.flows, errorCount: 0 });
    const flows = await flowRows(f.db);
    const months = flows.map((flow) => flow.month).sort();
    expect({ n: new Set(flows.map((flow) => flow.donor_id)).size, first: months[0], last: months.at(-1) }).toEqual({
      n: 42,
      first: '2022-01',
      last: '2026-04',
    });
    // Australia, February 2022: 0.002645 billion euros of military aid, line 2 of the file.
    const australia = flows.find(
      (flow) => flow.donor_id === 'au' && flow.period === '2022-02' && flow.category === 'military',
    );
    expect(australia).toMatchObject({
      id: 'kiel-r29:au:2022-02:allocated:military',
      donor_id: 'au',
      amount: '2645000.0000000000',
      currency: 'EUR',
      basis: 'estimate',
      source_id: 'kiel-r29',
      origin_row: 2,
      origin_release: 'Ukraine Support Tracker, Release 29 (04/2026)',
    });
    const source = await f.db
      .selectFrom('rm_sources')
      .select(['title', 'publisher'])
      .where('id', '=', 'kiel-r29')
      .executeTakeFirstOrThrow();
    expect(source).toEqual({
      title: 'Ukraine Support Tracker, Release 29 (04/2026)',
      publisher: 'Kiel Institute for the World Economy',
    });
    // The usual organisations keep their ids; donors the ledger lacked are registered with CLDR names.
    const japan = await f.db
      .selectFrom('rm_organisations')
      .select(['kind', 'name_uk', 'name_ru'])
      .where('id', '=', 'jp')
      .executeTakeFirstOrThrow();
    expect(japan).toEqual({ kind: 'state', name_uk: 'Японія', name_ru: 'Япония' });
    const totals = await sql<{ flows: string; eur: string }>`
      SELECT (SELECT sum(flows)::text FROM rm_flow_totals) AS flows, (SELECT sum(eur)::text FROM rm_flow_totals) AS eur`.execute(
      f.db,
    );
    // The totals the events carry add up to the flows the ledger holds, to the cent.
    const recorded = await flowRows(f.db);
    const cents = recorded.reduce((sum, flow) => sum + BigInt((flow.amount_eur ?? '0').replace('.', '')), 0n);
    expect(totals.rows[0]).toEqual({
      flows: String(recorded.length),
      eur: `${cents / 10n ** 10n}.${String(cents % 10n ** 10n).padStart(10, '0')}`,
    });
  });

  it('creates nothing when the same file is imported again', async () => {
    const before = await ledgerState(f.db);
    expect(await kiel(path.join(KIEL, 'data_explorer.csv'))).toMatchObject({ alreadyImported: true, written: false });
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('over HTTP: a dry run answers 200, refused rows 422 problem+json with each row, and nothing changes', async () => {
    const before = await ledgerState(f.db);
    const body = await readFile(path.join(dir, 'bad.csv'), 'utf8');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/imports/kiel?fileName=bad.csv',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: body,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'import-rows-refused',
      rowErrors: [{ row: 5, column: 'iso' }, { row: 6 }, { row: 7 }],
    });
    const good = body.split('\n').slice(0, 4).join('\n');
    const dry = await app.inject({
      method: 'POST',
      url: '/api/imports/kiel?dryRun=true',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: good,
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, written: false, rowsRead: 3, errorCount: 0 });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/imports/nope',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: good,
    });
    expect(unknown.statusCode).toBe(400);
    expect(await ledgerState(f.db)).toEqual(before);
  });
});
