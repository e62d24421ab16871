/**
 * Downloads of the read models over HTTP: /api/exports/<table>.csv and .json, tranche.json and tranche.xlsx, with
 * their file names and the ledger head in the headers; problem+json 404 for an unknown table.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_TABLE_NAMES } from '../../src/app/exports.ts';
import { buildServer } from '../../src/http/server.ts';
import { type AppFixture, type LedgerState, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { buildExportHistory, HUGE_PLEDGE } from '../support/export-history.ts';
import {
  expectedCsvRecords,
  expectedJson,
  loadWorkbook,
  parseCsv,
  readModels,
  type TableContents,
} from '../support/export-oracle.ts';
import { signedIn } from '../support/people.ts';

describe('HTTP downloads of the read models', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let models: Record<string, TableContents>;
  let head: LedgerState;
  let auth: Record<string, string> = {};

  const contents = (name: string): TableContents => {
    const table = models[name];
    if (!table) throw new Error(`no table ${name}`);
    return table;
  };
  const typedRows = (name: string) =>
    contents(name).rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, expectedJson(value)])),
    );

  /** Expects a download of this file and media type, naming the ledger head it reflects. */
  function expectDownload(response: LightMyRequestResponse, fileName: string, type: string): void {
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': type,
      'content-disposition': `attachment; filename="${fileName}"`,
      'x-tranche-ledger-seq': String(head.headSeq),
      'x-tranche-ledger-hash': head.headHash,
      'x-tranche-exported-at': f.clock.now().toISOString(),
      'cache-control': 'no-store',
    });
  }

  beforeAll(async () => {
    f = await openAppFixture();
    await buildExportHistory(f.deps, f.request);
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    // Signing in records the reader on the ledger: the head the downloads name comes after it.
    auth = await signedIn(app, f.deps, 'reader');
    models = await readModels(f.db);
    head = await ledgerState(f.db);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  it('GET /api/exports/<table>.csv streams the table as CSV, by either name', async () => {
    for (const name of ['packages', 'rm_package_lines']) {
      const response = await app.inject({ method: 'GET', headers: auth, url: `/api/exports/${name}.csv` });
      const table = name.replace(/^rm_/, '');
      expectDownload(response, `${table}.csv`, 'text/csv; charset=utf-8');
      expect(parseCsv(response.body)).toEqual(expectedCsvRecords(contents(table)));
    }
  });

  it('GET /api/exports/<table>.json is the table as an array; tranche.json is the whole export', async () => {
    const contributions = await app.inject({ method: 'GET', headers: auth, url: '/api/exports/contributions.json' });
    expectDownload(contributions, 'contributions.json', 'application/json; charset=utf-8');
    expect(contributions.json()).toEqual(typedRows('contributions'));
    expect(contributions.body).toContain(`"amount":"${HUGE_PLEDGE.amount}00000000"`);

    const whole = await app.inject({ method: 'GET', headers: auth, url: '/api/exports/tranche.json' });
    expectDownload(whole, 'tranche.json', 'application/json; charset=utf-8');
    const document = whole.json();
    expect(document).toMatchObject({
      exportedAt: f.clock.now().toISOString(),
      ledgerHead: { seq: head.headSeq, hash: head.headHash },
    });
    expect(Object.keys(document.tables)).toEqual(EXPORT_TABLE_NAMES);
    expect(document.tables.packages).toEqual(typedRows('packages'));
  });

  it('GET /api/exports/tranche.xlsx is a workbook with a sheet per table', async () => {
    const response = await app.inject({ method: 'GET', headers: auth, url: '/api/exports/tranche.xlsx' });
    expectDownload(response, 'tranche.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = await loadWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(EXPORT_TABLE_NAMES);
    expect(workbook.getWorksheet('packages')?.rowCount).toBe(contents('packages').rows.length + 1);
    expect(workbook.description).toContain(head.headHash);
  });

  it('answers an unknown table with a 404 problem naming the valid ones', async () => {
    for (const url of ['/api/exports/nope.csv', '/api/exports/nope.json', '/api/exports/tranche.csv']) {
      const response = await app.inject({ method: 'GET', headers: auth, url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 404,
        code: 'export-table-unknown',
        field: 'table',
        instance: url,
        detail: expect.stringContaining(`one of: ${EXPORT_TABLE_NAMES.join(', ')}`),
      });
    }
    expect((await app.inject({ method: 'GET', headers: auth, url: '/api/exports/packages.xlsx' })).statusCode).toBe(
      404,
    );
  });

  it('ends the snapshot of a HEAD request, which reads no body', async () => {
    const response = await app.inject({ method: 'HEAD', headers: auth, url: '/api/exports/timeline.csv' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    // On PGlite a snapshot left open would hold the only connection, and this would never answer.
    expect(
      (await app.inject({ method: 'GET', headers: auth, url: '/api/exports/priority_lists.json' })).statusCode,
    ).toBe(200);
  });

  it('documents the downloads in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', headers: auth, url: '/api/openapi.json' })).json();
    for (const [route, type] of [
      ['/api/exports/{table}.csv', 'text/csv'],
      ['/api/exports/{table}.json', 'application/json'],
      ['/api/exports/tranche.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const operation = doc.paths[route]?.get;
      expect(operation, route).toMatchObject({ tags: ['exports'], summary: expect.any(String) });
      expect(Object.keys(operation.responses[200].content)).toEqual([type]);
    }
  });
});
