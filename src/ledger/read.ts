import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { EventMeta, StoredEvent } from './event.ts';

type EventRow = {
  seq: string;
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

const COLUMNS = [
  'seq',
  'event_id',
  'stream_id',
  'stream_type',
  'version',
  'type',
  'data',
  'meta',
  'recorded_at',
  'prev_hash',
  'hash',
] as const;

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    seq: Number(row.seq),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    version: row.version,
    type: row.type,
    data: row.data,
    meta: row.meta as EventMeta,
    recordedAt: new Date(row.recorded_at).toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** All events of one stream, oldest first. */
export async function readStream(db: Kysely<Schema>, streamId: string): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(COLUMNS)
    .where('stream_id', '=', streamId)
    .orderBy('version')
    .execute();
  return rows.map(toStoredEvent);
}

/** The events of several streams, grouped by stream, each oldest first. */
export async function readStreams(
  db: Kysely<Schema>,
  streamIds: readonly string[],
): Promise<Map<string, StoredEvent[]>> {
  const out = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
  if (streamIds.length === 0) return out;
  const rows = await db
    .selectFrom('events')
    .select(COLUMNS)
    .where('stream_id', 'in', [...new Set(streamIds)])
    .orderBy('stream_id')
    .orderBy('version')
    .execute();
  for (const row of rows) out.get(row.stream_id)?.push(toStoredEvent(row));
  return out;
}

/** Events by id, for linking evidence. */
export async function findEvent(db: Kysely<Schema>, eventId: string): Promise<StoredEvent | undefined> {
  const row = await db.selectFrom('events').select(COLUMNS).where('event_id', '=', eventId).executeTakeFirst();
  return row ? toStoredEvent(row) : undefined;
}

/** The whole ledger in chain order, a page at a time, so memory stays flat at any size. */
export async function* readAll(db: Kysely<Schema>, pageSize = 5000, afterSeq = 0): AsyncGenerator<StoredEvent[]> {
  let after = afterSeq;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .select(COLUMNS)
      .where('seq', '>', String(after))
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    const events = rows.map(toStoredEvent);
    yield events;
    after = events[events.length - 1]?.seq ?? after;
    if (rows.length < pageSize) return;
  }
}

/** The chain's head: the last event's sequence number (0 on an empty ledger). */
export async function readHeadSeq(db: Kysely<Schema>): Promise<number> {
  const head = await db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  return Number(head.seq);
}
