/**
 * GET /api/exports/iati.xml: the IATI 2.03 export as an attachment, checked against the schema before it is sent,
 * with the ledger head in the headers; the configured publisher; HEAD; the OpenAPI document.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { validateIatiActivities } from '../../src/ingest/formats/iati-schema.ts';
import { type AppFixture, type LedgerState, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { buildExportHistory } from '../support/export-history.ts';
import { signedIn } from '../support/people.ts';
import { recordPrivateHistory } from '../support/private-records.ts';

describe('GET /api/exports/iati.xml', () => {
  let f: AppFixture;
  let app: FastifyInstance;
  let head: LedgerState;
  let beforeAny: LightMyRequestResponse;
  let onlyRestricted: LightMyRequestResponse;
  let auth: Record<string, string> = {};

  beforeAll(async () => {
    f = await openAppFixture();
    app = await buildServer({ ...f.deps, databaseKind: f.test.kind });
    auth = await signedIn(app, f.deps, 'reader');
    // Before any package, and with only a restricted one: nothing to export.
    beforeAny = await app.inject({ method: 'GET', headers: auth, url: '/api/exports/iati.xml' });
    await recordPrivateHistory(f.deps, f.request);
    onlyRestricted = await app.inject({ method: 'GET', headers: auth, url: '/api/exports/iati.xml' });
    await buildExportHistory(f.deps, f.request);
    head = await ledgerState(f.db);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await f?.cleanup();
  });

  it('sends the valid IATI file as an attachment naming the ledger head', async () => {
    const response = await app.inject({ method: 'GET', headers: auth, url: '/api/exports/iati.xml' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': 'attachment; filename="iati.xml"',
      'x-tranche-ledger-seq': String(head.headSeq),
      'x-tranche-ledger-hash': head.headHash,
      'x-tranche-exported-at': f.clock.now().toISOString(),
      'cache-control': 'no-store',
    });
    expect(await validateIatiActivities(response.rawPayload)).toEqual([]);
    expect(response.body).toContain(`<!-- Tranche export at ledger seq ${head.headSeq}, head ${head.headHash} -->`);
    expect(response.body).toContain('<iati-identifier>XI-TRANCHE-pkg-1</iati-identifier>');
    expect(response.body).toContain('<value currency="EUR" value-date="2025-08-04">120000000.50</value>');
    expect(response.body).not.toContain('covert');
  }, 30_000);

  it('is a 404 problem while no package is public: an IATI file needs at least one activity', () => {
    for (const response of [beforeAny, onlyRestricted]) {
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        code: 'iati-export-empty',
        detail: 'there is no public package to export as an IATI activity',
      });
    }
  });

  it('reports as the configured publisher', async () => {
    const configured = await buildServer({
      ...f.deps,
      iatiPublisher: { ref: 'XM-DAC-7', name: 'Netherlands', type: '10' },
    });
    try {
      const response = await configured.inject({ method: 'GET', headers: auth, url: '/api/exports/iati.xml' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<iati-identifier>XM-DAC-7-pkg-2</iati-identifier>');
      expect(response.body).toContain('<reporting-org ref="XM-DAC-7" type="10" secondary-reporter="1">');
    } finally {
      await configured.close();
    }
  }, 30_000);

  it('answers a HEAD request and leaves the database free for the next one', async () => {
    const response = await app.inject({ method: 'HEAD', headers: auth, url: '/api/exports/iati.xml' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    expect((await app.inject({ method: 'GET', headers: auth, url: '/api/exports/packages.json' })).statusCode).toBe(
      200,
    );
  }, 30_000);

  it('is in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', headers: auth, url: '/api/openapi.json' })).json();
    const operation = doc.paths['/api/exports/iati.xml']?.get;
    expect(operation).toMatchObject({ tags: ['exports'], summary: expect.stringContaining('IATI 2.03') });
    expect(Object.keys(operation.responses[200].content)).toEqual(['application/xml']);
  });
});
