/**
 * The signed ledger export against a real database: an `--all` export and a public one of a ledger that holds
 * public, partners-only and restricted records; what the public one withholds; and importing an export into an
 * empty ledger (refusals leave it empty). Imported flows travel as sealed contents, and tampering with them is caught.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeContribution } from '../../src/app/contributions.ts';
import { verify } from '../../src/app/ledger.ts';
import { exportLedger, verifyExportFile } from '../../src/app/ledger-export.ts';
import { importLedger } from '../../src/app/ledger-import.ts';
import { proposePackage } from '../../src/app/packages.ts';
import type { Db } from '../../src/db/index.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { ExportScope } from '../../src/ledger/export/format.ts';
import { verifyLedgerIn } from '../../src/ledger/verify.ts';
import { type AppFixture, dumpProjections, ledgerState, openAppFixture, rejection } from '../support/app-fixtures.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { flowRows, importKielSample } from '../support/flows.ts';
import { editJson, editLine, linesOf, newSigner } from '../support/ledger-export.ts';
import { PRIVATE_EVENTS, recordPrivateHistory, SECRETS } from '../support/private-records.ts';

/** Thrown to roll a transaction back once it has shown what it was for. */
class RolledBack extends Error {}

/** Every stored event, as the database holds it, to compare two ledgers row for row. */
async function storedEvents(db: Db): Promise<unknown[]> {
  const { rows } = await sql`
    SELECT seq::text, event_id, stream_id, stream_type, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash
    FROM events ORDER BY seq
  `.execute(db);
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await rejection(promise);
  if (!(error instanceof DomainError)) throw error;
  return { code: error.code, message: error.message };
}

describe('the signed ledger export', () => {
  let f: AppFixture;
  let tmp: string;
  const signer = newSigner();
  const now = new Date('2025-12-20T12:00:00Z');
  const file = (scope: ExportScope) => path.join(tmp, `${scope}.jsonl`);

  beforeAll(async () => {
    f = await openAppFixture();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-export-'));
    const { deps, request } = f;
    await proposePackage(deps, request, {
      id: 'pkg-open',
      title: { en: 'An open PURL package' },
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      supplierId: 'us',
      category: 'air-defence',
      targetValue: { amount: '500000000', currency: 'EUR' },
      lines: [{ lineId: 'patriot', description: 'Patriot interceptors', quantity: 10 }],
      occurredOn: '2025-08-04',
    });
    await recordPrivateHistory(deps, request);
    // Imported flows: their batch's text travels in a content line after its event.
    await importKielSample(deps, request);
    // A public event after the private ones: the chain runs across them.
    await pledgeContribution(deps, request, {
      id: 'nl-open',
      donorId: 'nl',
      packageId: 'pkg-open',
      amount: { amount: '500000000', currency: 'EUR' },
      occurredOn: '2025-08-08',
    });
  });
  afterAll(async () => {
    await f?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('--all: every event in full, in a file readable by its owner only, that verifies with no database', async () => {
    const ledger = await ledgerState(f.db);
    const written = await exportLedger(f.db, { out: file('all'), scope: 'all', signer, now });
    const head = { seq: ledger.headSeq, hash: ledger.headHash };
    expect(written).toEqual({ events: ledger.events, redacted: 0, head, fingerprint: signer.fingerprint });
    expect(statSync(file('all')).mode & 0o777).toBe(0o600);
    expect(await verifyExportFile(file('all'), { fingerprint: signer.fingerprint })).toEqual({
      ok: true,
      scope: 'all',
      exportedAt: now.toISOString(),
      events: ledger.events,
      redacted: 0,
      head,
      fingerprint: signer.fingerprint,
    });
    const text = await readFile(file('all'), 'utf8');
    for (const secret of SECRETS) expect(text).toContain(secret);
  });

  it('seals imported flows: a content line changed or left out is caught, and so is a changed content in the ledger', async () => {
    const lines = linesOf(await readFile(file('all'), 'utf8'));
    const at = lines.findIndex((line) => line.includes('"kind":"content"'));
    expect(at).toBeGreaterThan(0);
    const other = deflateRawSync(Buffer.from('kiel-r29:no:2025-03\tforged')).toString('base64');
    const check = async (text: string) => {
      await writeFile(`${file('all')}.tampered`, text);
      return verifyExportFile(`${file('all')}.tampered`, { fingerprint: signer.fingerprint });
    };
    const changed = lines.map((line, i) =>
      i === at ? editJson(line, (value) => Object.assign(value, { deflated: other })) : line,
    );
    expect(await check(`${changed.join('\n')}\n`)).toMatchObject({
      ok: false,
      code: 'export-chain-broken',
      line: at + 1,
      event: { type: 'FlowsImported' },
    });
    const dropped = lines.filter((_, i) => i !== at);
    expect(await check(`${dropped.join('\n')}\n`)).toMatchObject({ ok: false, code: 'export-malformed', line: at + 1 });

    const stored = await f.db.selectFrom('ledger_contents').select('digest').executeTakeFirstOrThrow();
    await f.db
      .transaction()
      .execute(async (tx) => {
        await tx
          .updateTable('ledger_contents')
          .set({ deflated: Buffer.from(other, 'base64') })
          .where('digest', '=', stored.digest)
          .execute();
        expect(await verifyLedgerIn(tx)).toMatchObject({
          ok: false,
          firstBad: { type: 'FlowsImported' },
          reason: 'its content does not match the digest it recorded: it was changed',
        });
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect((await verify(f.db)).ok).toBe(true);
  });

  it('public: events not recorded public are redacted, and no id, name or amount of theirs is in the file', async () => {
    const written = await exportLedger(f.db, { out: file('public'), scope: 'public', signer, now });
    const { rows: hidden } = await sql<{ seq: string; event_id: string; stream_id: string }>`
      SELECT seq::text, event_id, stream_id FROM events WHERE meta->>'visibility' <> 'public' ORDER BY seq
    `.execute(f.db);
    expect(hidden.length).toBe(PRIVATE_EVENTS);
    expect(written.redacted).toBe(hidden.length);
    expect(await verifyExportFile(file('public'))).toMatchObject({
      ok: true,
      scope: 'public',
      redacted: PRIVATE_EVENTS,
    });

    const text = await readFile(file('public'), 'utf8');
    expect(text).toContain('pkg-open');
    const leaks = [...SECRETS, ...hidden.flatMap((event) => [event.event_id, event.stream_id])].filter((secret) =>
      text.includes(secret),
    );
    expect(leaks).toEqual([]);
    const redactedLines = linesOf(text).filter((line) => line.includes('"redacted":true'));
    expect(redactedLines.map((line) => Object.keys(JSON.parse(line) as object).sort())).toEqual(
      hidden.map(() => ['hash', 'prevHash', 'redacted', 'seq']),
    );
    expect(statSync(file('public')).mode & 0o777).toBe(0o644);
  });

  it('does not import into a ledger that holds events', async () => {
    expect(await refusal(importLedger(f.db, file('all')))).toMatchObject({ code: 'ledger-not-empty' });
  });

  describe('into an empty ledger', () => {
    let target: TestDatabase;
    beforeAll(async () => {
      target = await openTestDatabase();
    });
    afterAll(() => target?.cleanup());

    it('refuses a public export, which cannot rebuild the read models', async () => {
      expect(await refusal(importLedger(target.database.db, file('public')))).toMatchObject({
        code: 'export-redacted',
      });
      expect((await ledgerState(target.database.db)).events).toBe(0);
    });

    it('refuses a file that does not check out, and leaves the ledger empty even when the fault is found last', async () => {
      const text = await readFile(file('all'), 'utf8');
      const forged = path.join(tmp, 'forged.jsonl');
      const other = newSigner();
      // A valid chain, signed by someone else than the header says: found after every event has been written.
      const footer = linesOf(text).length;
      await writeFile(
        forged,
        editLine(text, footer, (line) =>
          editJson(line, (value) => {
            value.signature = Buffer.alloc(64, 1).toString('base64');
          }),
        ),
      );
      expect(await refusal(importLedger(target.database.db, forged))).toEqual({
        code: 'export-signature-invalid',
        message: `line ${footer}: the signature does not match the header, head and digest under the key ${signer.fingerprint}`,
      });
      expect(
        await refusal(importLedger(target.database.db, file('all'), { fingerprint: other.fingerprint })),
      ).toMatchObject({ code: 'export-signer-unexpected' });
      expect(await ledgerState(target.database.db)).toMatchObject({ events: 0, headSeq: 0 });
      const projections = await dumpProjections(target.database.db);
      expect(Object.values(projections).flat()).toEqual([]);
    });

    it('imports an --all export event for event, verifies it and rebuilds the same read models', async () => {
      const db = target.database.db;
      const imported = await importLedger(db, file('all'), { fingerprint: signer.fingerprint });
      const source = await ledgerState(f.db);
      expect(imported).toMatchObject({ events: source.events, projected: source.events, redacted: 0 });
      expect(await ledgerState(db)).toMatchObject({
        events: source.events,
        headSeq: source.headSeq,
        headHash: source.headHash,
      });
      expect(await storedEvents(db)).toEqual(await storedEvents(f.db));
      expect(await verify(db)).toEqual({ ok: true, events: source.events, headHash: source.headHash });
      expect(await dumpProjections(db)).toEqual(await dumpProjections(f.db));
      expect(await flowRows(db)).toEqual(await flowRows(f.db));
      expect(await flowRows(db)).toHaveLength(6);
    });
  });
});

describe('exporting a ledger that does not verify', () => {
  let f: AppFixture;
  let tmp: string;
  beforeAll(async () => {
    f = await openAppFixture({ rates: false });
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-export-broken-'));
  });
  afterAll(async () => {
    await f?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('is refused: nothing is signed over a broken chain, and no file is left behind', async () => {
    await f.db.transaction().execute(async (tx) => {
      await sql`ALTER TABLE events DISABLE TRIGGER events_no_update`.execute(tx);
      await sql`UPDATE events SET data = jsonb_set(data, '{names,en}', '"Holland"') WHERE stream_id = 'organisation-nl'`.execute(
        tx,
      );
      await sql`ALTER TABLE events ENABLE TRIGGER events_no_update`.execute(tx);
    });
    const out = path.join(tmp, 'broken.jsonl');
    const refused = await refusal(exportLedger(f.db, { out, scope: 'all', signer: newSigner(), now: new Date() }));
    expect(refused).toMatchObject({
      code: 'ledger-does-not-verify',
      message: expect.stringMatching(/^event #2 evt-\d+ does not match: its content does not match its hash/),
    });
    expect(existsSync(out)).toBe(false);
    expect(await readdir(tmp)).toEqual([]);
  });
});
