import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitContribution, payContribution, pledgeContribution } from '../../src/app/contributions.ts';
import { verify } from '../../src/app/ledger.ts';
import { amendOrganisation } from '../../src/app/organisations.ts';
import {
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../src/app/packages.ts';
import { listRequirement } from '../../src/app/requirements.ts';
import { mapDatabaseError } from '../../src/db/errors.ts';
import type { Db } from '../../src/db/index.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { EventMeta } from '../../src/ledger/event.ts';
import { chainHash } from '../../src/ledger/hash.ts';
import {
  type AppFixture,
  countEvents,
  expectRefusal,
  ledgerState,
  openAppFixture,
  rejection,
} from '../support/app-fixtures.ts';

type EventRow = {
  seq: number;
  event_id: string;
  stream_id: string;
  stream_type: string;
  version: number;
  type: string;
  data: unknown;
  meta: unknown;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
};

async function allEvents(db: Db): Promise<EventRow[]> {
  const { rows } = await sql<EventRow>`
    SELECT seq::int AS seq, event_id, stream_id, stream_type, version, type, data, meta, recorded_at, prev_hash, hash
    FROM events ORDER BY seq
  `.execute(db);
  return rows;
}

/** The hash recomputed here, without the ledger's code: sha256(previous hash, "\n", RFC 8785 JSON of the event). */
function independentHash(prevHash: string, row: EventRow): string {
  const body = {
    seq: row.seq,
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    type: row.type,
    data: row.data,
    meta: row.meta,
    recordedAt: row.recorded_at.toISOString(),
  };
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalize(body)}`)
    .digest('hex');
}

/** Runs raw SQL on `events` with its append-only triggers off, in one transaction, as an intruder with DDL rights would. */
async function behindTheAppsBack(db: Db, ...statements: ReturnType<typeof sql.raw>[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE events DISABLE TRIGGER USER`.execute(tx);
    for (const statement of statements) await statement.execute(tx);
    await sql`ALTER TABLE events ENABLE TRIGGER USER`.execute(tx);
  });
}

/** One stored event as JSON, to put it back exactly after a tamper test. */
async function saveEvent(db: Db, seq: number): Promise<string> {
  const { rows } = await sql<{ row: unknown }>`SELECT to_jsonb(e) AS row FROM events e WHERE seq = ${seq}`.execute(db);
  if (!rows[0]) throw new Error(`no event at ${seq}`);
  return JSON.stringify(rows[0].row);
}

async function restoreEvent(db: Db, seq: number, saved: string): Promise<void> {
  await behindTheAppsBack(
    db,
    sql.raw(`DELETE FROM events WHERE seq = ${seq}`),
    sql.raw(
      `INSERT INTO events SELECT * FROM jsonb_populate_record(NULL::events, '${saved.replace(/'/g, "''")}'::jsonb)`,
    ),
  );
}

describe('the ledger', () => {
  let f: AppFixture;

  beforeAll(async () => {
    f = await openAppFixture();
    const { deps, request: rq } = f;
    await listRequirement(deps, rq, {
      id: 'req-patriot',
      recipientId: 'ua',
      priorityRank: 1,
      title: { en: 'Patriot interceptors' },
      category: 'air-defence',
      quantity: 10,
      unit: 'missiles',
      occurredOn: '2025-08-01',
    });
    await proposePackage(deps, rq, {
      id: 'pkg-1',
      title: { en: 'PURL package 1' },
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      supplierId: 'us',
      category: 'air-defence',
      targetValue: { amount: '500000000', currency: 'EUR' },
      lines: [{ lineId: 'missiles', requirementId: 'req-patriot', description: 'Patriot missiles', quantity: 10 }],
      occurredOn: '2025-08-04',
    });
    await validatePackage(deps, rq, 'pkg-1', { coordinatorId: 'nsatu', occurredOn: '2025-08-05' });
    await pledgeContribution(deps, rq, {
      id: 'ctb-nl',
      donorId: 'nl',
      packageId: 'pkg-1',
      amount: { amount: '500000000', currency: 'EUR' },
      occurredOn: '2025-08-04',
    });
    await commitContribution(deps, rq, 'ctb-nl', { occurredOn: '2025-08-06' });
    await fundPackage(deps, rq, 'pkg-1', { occurredOn: '2025-08-11' });
    await contractPackage(deps, rq, 'pkg-1', { supplierId: 'us', occurredOn: '2025-08-11' });
  });
  afterAll(() => f?.cleanup());

  it('numbers events 1, 2, 3, … without gaps and versions each stream 1, 2, 3, … without gaps', async () => {
    const events = await allEvents(f.db);
    expect(events.length).toBeGreaterThan(10);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    const versions = new Map<string, number[]>();
    for (const event of events)
      versions.set(event.stream_id, [...(versions.get(event.stream_id) ?? []), event.version]);
    for (const [, seen] of versions) expect(seen).toEqual(seen.map((_, index) => index + 1));
    expect(versions.get('package-pkg-1')).toEqual([1, 2, 3, 4]);
  });

  it('chains each hash over the previous one and the canonical JSON of the event, and the head holds the last', async () => {
    const events = await allEvents(f.db);
    let prev = '0'.repeat(64);
    for (const event of events) {
      expect({ seq: event.seq, prevHash: event.prev_hash }).toEqual({ seq: event.seq, prevHash: prev });
      expect({ seq: event.seq, hash: event.hash }).toEqual({ seq: event.seq, hash: independentHash(prev, event) });
      prev = event.hash;
    }
    const head = await ledgerState(f.db);
    expect({ seq: head.headSeq, hash: head.headHash }).toEqual({ seq: events.length, hash: prev });
  });

  it('verify reports ok, the event count and the head hash on an untouched ledger', async () => {
    const head = await ledgerState(f.db);
    expect(await verify(f.db)).toEqual({ ok: true, events: head.events, headHash: head.headHash });
  });

  it.each([
    ['UPDATE', 'UPDATE events SET type = type WHERE seq = 1'],
    ['DELETE', 'DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)'],
    ['TRUNCATE', 'TRUNCATE events'],
  ])('the database refuses %s on events, and the refusal maps to ledger-append-only', async (_operation, statement) => {
    const before = await ledgerState(f.db);
    const error = await rejection(sql.raw(statement).execute(f.db));
    expect(error).toMatchObject({ code: 'P0001', hint: 'ledger-append-only' });
    const mapped = mapDatabaseError(error);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped).toMatchObject({ code: 'ledger-append-only' });
    expect(await ledgerState(f.db)).toEqual(before);
    expect((await verify(f.db)).ok).toBe(true);
  });

  it('a stale expectedVersion is refused with stream-version-conflict and appends nothing', async () => {
    const names = (en: string) => ({ uk: 'Німеччина', en, ru: 'Германия' });
    const first = await amendOrganisation(f.deps, f.request, 'de', {
      names: names('Federal Republic of Germany'),
      expectedVersion: 1,
    });
    expect(first.version).toBe(2);
    const error = await expectRefusal(
      f.db,
      () => amendOrganisation(f.deps, f.request, 'de', { names: names('Deutschland'), expectedVersion: 1 }),
      'stream-version-conflict',
    );
    expect(error.kind).toBe('conflict');
    const row = await f.db
      .selectFrom('rm_organisations')
      .select('name_en')
      .where('id', '=', 'de')
      .executeTakeFirstOrThrow();
    expect(row.name_en).toBe('Federal Republic of Germany');
  });

  it('an expectedVersion equal to the current version is accepted', async () => {
    const result = await amendOrganisation(f.deps, f.request, 'dk', {
      names: { uk: 'Королівство Данія', en: 'Kingdom of Denmark', ru: 'Королевство Дания' },
      expectedVersion: 1,
    });
    expect(result.version).toBe(2);
  });

  it('a retried command with the same idempotency key applies once and answers with the first result', async () => {
    const request = { ...f.request, idempotencyKey: 'list-requirement-retry' };
    const input = {
      recipientId: 'ua',
      priorityRank: 2,
      title: { en: '155 mm shells' },
      category: 'ammunition',
      quantity: 100_000,
      unit: 'shells',
      occurredOn: '2025-08-02',
    };
    const before = await ledgerState(f.db);
    const first = await listRequirement(f.deps, request, input);
    const retried = await listRequirement(f.deps, request, input);
    expect(retried).toEqual(first);
    const after = await ledgerState(f.db);
    expect(after.events).toBe(before.events + 1);
    expect(after.idempotencyKeys).toBe(before.idempotencyKeys + 1);
    expect(await countEvents(f.db, first.streamId)).toBe(1);
  });

  it('the same idempotency key with a different body is refused with idempotency-key-reused, changing nothing', async () => {
    const request = { ...f.request, idempotencyKey: 'list-requirement-reused' };
    const input = { recipientId: 'ua', priorityRank: 3, title: { en: 'Counter-drone guns' }, category: 'drones' };
    await listRequirement(f.deps, request, input);
    const error = await expectRefusal(
      f.db,
      () => listRequirement(f.deps, request, { ...input, priorityRank: 4 }),
      'idempotency-key-reused',
    );
    expect(error.field).toBe('Idempotency-Key');
  });

  it('a retried payment with the same idempotency key and body applies once (its payment id is generated)', async () => {
    const request = { ...f.request, idempotencyKey: 'payment-retry' };
    const input = { amount: { amount: '100000000', currency: 'EUR' }, occurredOn: '2025-08-11' };
    const first = await payContribution(f.deps, request, 'ctb-nl', input);
    const retried = await payContribution(f.deps, request, 'ctb-nl', input);
    expect(retried).toEqual(first);
    expect(await countEvents(f.db, 'contribution-ctb-nl', 'ContributionPaid')).toBe(1);
  });

  it('a retried shipment with the same idempotency key and body applies once (its shipment id is generated)', async () => {
    const request = { ...f.request, idempotencyKey: 'shipment-retry' };
    const input = { lines: [{ lineId: 'missiles', quantity: 4 }], occurredOn: '2025-08-20' };
    const first = await dispatchShipment(f.deps, request, 'pkg-1', input);
    const retried = await dispatchShipment(f.deps, request, 'pkg-1', input);
    expect(retried).toEqual(first);
    expect(await countEvents(f.db, 'package-pkg-1', 'ShipmentDispatched')).toBe(1);
  });

  it('a retried receipt with the same idempotency key and body applies once (its receipt id is generated)', async () => {
    await dispatchShipment(f.deps, f.request, 'pkg-1', {
      shipmentId: 'shp-explicit',
      lines: [{ lineId: 'missiles', quantity: 2 }],
      occurredOn: '2025-08-21',
    });
    const request = { ...f.request, idempotencyKey: 'receipt-retry' };
    const input = {
      shipmentId: 'shp-explicit',
      lines: [{ lineId: 'missiles', quantity: 1 }],
      occurredOn: '2025-08-28',
    };
    const first = await confirmReceipt(f.deps, request, 'pkg-1', input);
    const retried = await confirmReceipt(f.deps, request, 'pkg-1', input);
    expect(retried).toEqual(first);
    expect(await countEvents(f.db, 'package-pkg-1', 'DeliveryReceived')).toBe(1);
  });

  it('stays verifiable after every refusal above', async () => {
    expect((await verify(f.db)).ok).toBe(true);
  });
});

describe('verify, after changes made behind the app’s back', () => {
  let f: AppFixture;
  /** seq → the event as it was, so each test can put the ledger back. */
  let events: EventRow[];

  beforeAll(async () => {
    f = await openAppFixture({ rates: false }); // the ten organisations: events 1–10
    events = await allEvents(f.db);
    expect(events).toHaveLength(10);
  });
  afterAll(() => f?.cleanup());

  const at = (seq: number): EventRow => {
    const event = events[seq - 1];
    if (!event) throw new Error(`no event ${seq}`);
    return event;
  };
  const firstBad = (seq: number) => ({
    seq,
    eventId: at(seq).event_id,
    streamId: at(seq).stream_id,
    type: at(seq).type,
  });

  it.each([
    ['its data', `data = jsonb_set(data, '{names,en}', '"Norge"')`],
    ['its meta', `meta = jsonb_set(meta, '{actor}', '"mallory"')`],
    ['its type', `type = 'OrganisationAmended'`],
    ['its recorded time', `recorded_at = recorded_at + interval '1 second'`],
    ['its stream version', 'version = version + 100'],
  ])('a change to %s makes verify fail naming exactly that event', async (_what, assignment) => {
    const saved = await saveEvent(f.db, 4);
    await behindTheAppsBack(f.db, sql.raw(`UPDATE events SET ${assignment} WHERE seq = 4`));
    try {
      const result = await verify(f.db);
      expect(result).toEqual({
        ok: false,
        events: 3,
        // the stored type is reported as it now reads
        firstBad: { ...firstBad(4), type: expect.any(String) },
        reason: expect.stringMatching(/content does not match its hash/),
      });
    } finally {
      await restoreEvent(f.db, 4, saved);
    }
    expect((await verify(f.db)).ok).toBe(true);
  });

  it('rewriting an event together with its hash breaks the link of the event after it', async () => {
    const saved = await saveEvent(f.db, 4);
    const original = at(4);
    const forged = { ...original, data: { ...(original.data as object), iso3166: 'SE' } };
    const forgedHash = chainHash(original.prev_hash, {
      seq: forged.seq,
      eventId: forged.event_id,
      streamId: forged.stream_id,
      streamType: forged.stream_type,
      version: forged.version,
      type: forged.type,
      data: forged.data,
      meta: forged.meta as EventMeta,
      recordedAt: forged.recorded_at.toISOString(),
    });
    await behindTheAppsBack(
      f.db,
      sql.raw(`UPDATE events SET data = jsonb_set(data, '{iso3166}', '"SE"'), hash = '${forgedHash}' WHERE seq = 4`),
    );
    try {
      const result = await verify(f.db);
      expect(result).toEqual({
        ok: false,
        events: 4,
        firstBad: firstBad(5),
        reason: expect.stringMatching(/previous-hash link does not match/),
      });
    } finally {
      await restoreEvent(f.db, 4, saved);
    }
    expect((await verify(f.db)).ok).toBe(true);
  });

  it('deleting the last event is caught by the head check', async () => {
    const saved = await saveEvent(f.db, 10);
    await behindTheAppsBack(f.db, sql.raw('DELETE FROM events WHERE seq = 10'));
    try {
      const result = await verify(f.db);
      expect(result).toEqual({
        ok: false,
        events: 9,
        firstBad: null,
        reason: expect.stringMatching(/recorded head \(position 10\) does not match the last event \(position 9\)/),
      });
    } finally {
      await restoreEvent(f.db, 10, saved);
    }
    expect((await verify(f.db)).ok).toBe(true);
  });

  it('deleting an event in the middle is caught at the gap, naming the event after it', async () => {
    const saved = await saveEvent(f.db, 5);
    await behindTheAppsBack(f.db, sql.raw('DELETE FROM events WHERE seq = 5'));
    try {
      const result = await verify(f.db);
      expect(result).toEqual({
        ok: false,
        events: 4,
        firstBad: firstBad(6),
        reason: 'expected position 5, found 6',
      });
    } finally {
      await restoreEvent(f.db, 5, saved);
    }
    expect((await verify(f.db)).ok).toBe(true);
  });

  it('the append-only triggers are back on after each of these tests', async () => {
    const error = await rejection(sql.raw('DELETE FROM events WHERE seq = 1').execute(f.db));
    expect(error).toMatchObject({ code: 'P0001', hint: 'ledger-append-only' });
  });
});
