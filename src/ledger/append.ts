import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import type { StoredEvent, StreamAppend } from './event.ts';
import { chainHash } from './hash.ts';

/** The chain's last position and hash, locked for this transaction: holding it makes appends a single sequence. */
export interface LedgerHead {
  readonly seq: number;
  readonly hash: string;
}

export async function lockHead(tx: Kysely<Schema>): Promise<LedgerHead> {
  const head = await tx.selectFrom('ledger_head').select(['seq', 'hash']).forUpdate().executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Current versions of the given streams (0 for a stream with no events). */
async function streamVersions(tx: Kysely<Schema>, streamIds: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>(streamIds.map((id) => [id, 0]));
  if (streamIds.length === 0) return versions;
  const rows = await tx
    .selectFrom('events')
    .select(['stream_id', (eb) => eb.fn.max('version').as('version')])
    .where('stream_id', 'in', [...new Set(streamIds)])
    .groupBy('stream_id')
    .execute();
  for (const row of rows) versions.set(row.stream_id, Number(row.version));
  return versions;
}

export interface AppendOptions {
  readonly recordedAt: Date;
  readonly newEventId: () => string;
}

/**
 * Appends events to one or more streams under the locked head: checks each stream's expected version (a stale one
 * is a `stream-version-conflict`, never a lost update), chains the hashes and writes all rows in one statement.
 */
export async function appendEvents(
  tx: Kysely<Schema>,
  head: LedgerHead,
  appends: readonly StreamAppend[],
  options: AppendOptions,
): Promise<{ events: StoredEvent[]; head: LedgerHead }> {
  const versions = await streamVersions(
    tx,
    appends.map((append) => append.streamId),
  );
  const recordedAt = options.recordedAt.toISOString();
  const events: StoredEvent[] = [];
  let { seq, hash } = head;
  for (const append of appends) {
    let version = versions.get(append.streamId) ?? 0;
    if (append.expectedVersion !== null && append.expectedVersion !== version) {
      throw new DomainError(
        'stream-version-conflict',
        `${append.streamId} is at version ${version}, not ${append.expectedVersion}: it changed since you read it; reload and retry`,
        { kind: 'conflict', field: 'expectedVersion' },
      );
    }
    for (const event of append.events) {
      seq += 1;
      version += 1;
      const body = {
        seq,
        eventId: options.newEventId(),
        streamId: append.streamId,
        streamType: append.streamType,
        version,
        type: event.type,
        data: event.data,
        meta: event.meta,
        recordedAt,
      };
      const eventHash = chainHash(hash, body);
      events.push({ ...body, prevHash: hash, hash: eventHash });
      hash = eventHash;
    }
    versions.set(append.streamId, version);
  }
  if (events.length === 0) return { events, head };
  await insertEvents(tx, events);
  await tx
    .updateTable('ledger_head')
    .set({ seq: String(seq), hash })
    .where('id', '=', true)
    .execute();
  return { events, head: { seq, hash } };
}

/**
 * Writes events exactly as another ledger recorded them (same positions, ids and hashes), after the locked head,
 * and moves the head on: an import into an empty ledger. The caller has verified them; this only refuses a batch
 * that does not continue from the head, so a slip cannot leave a gap or a fork.
 */
export async function restoreEvents(
  tx: Kysely<Schema>,
  head: LedgerHead,
  events: readonly StoredEvent[],
): Promise<LedgerHead> {
  let { seq, hash } = head;
  for (const event of events) {
    if (event.seq !== seq + 1 || event.prevHash !== hash) {
      throw new Error(`event #${event.seq} does not continue the ledger at position ${seq}`);
    }
    ({ seq, hash } = event);
  }
  if (events.length === 0) return head;
  await insertEvents(tx, events);
  await tx
    .updateTable('ledger_head')
    .set({ seq: String(seq), hash })
    .where('id', '=', true)
    .execute();
  return { seq, hash };
}

/** One INSERT … SELECT FROM unnest(…) for all rows: far fewer round trips than a row at a time. */
async function insertEvents(tx: Kysely<Schema>, events: readonly StoredEvent[]): Promise<void> {
  const column = <T>(pick: (event: StoredEvent) => T): T[] => events.map(pick);
  await sql`
    INSERT INTO events (seq, event_id, stream_id, stream_type, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash)
    SELECT seq, event_id, stream_id, stream_type, version, type, data::jsonb, meta::jsonb, occurred_on::date, recorded_at::timestamptz, prev_hash, hash
    FROM unnest(
      ${column((e) => String(e.seq))}::bigint[], ${column((e) => e.eventId)}::text[], ${column((e) => e.streamId)}::text[],
      ${column((e) => e.streamType)}::text[], ${column((e) => e.version)}::int[], ${column((e) => e.type)}::text[],
      ${column((e) => JSON.stringify(e.data))}::text[], ${column((e) => JSON.stringify(e.meta))}::text[],
      ${column((e) => e.meta.occurredOn)}::text[], ${column((e) => e.recordedAt)}::text[],
      ${column((e) => e.prevHash)}::text[], ${column((e) => e.hash)}::text[]
    ) AS t(seq, event_id, stream_id, stream_type, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash)
  `.execute(tx);
}
