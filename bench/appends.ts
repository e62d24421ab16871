/**
 * Part 1a: ledger appends (lockHead + appendEvents, one transaction per batch) against a plain multi-row INSERT of
 * the same rows, precomputed, into a copy of `events` without the ledger around it (no head lock, no version check,
 * no hashing, no triggers), in the same batch size. Batches of the three variants are interleaved so that drift in a
 * noisy machine hits all of them alike.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database, Db, Schema } from '../src/db/index.ts';
import { appendEvents, lockHead } from '../src/ledger/append.ts';
import type { StoredEvent, StreamAppend } from '../src/ledger/event.ts';
import { chainHash } from '../src/ledger/hash.ts';
import { breathe, Deadline, progress } from './lib.ts';

export interface AppendOptions {
  /** Events to measure (after one warm-up batch that is not counted). */
  readonly events: number;
  readonly batchSize: number;
  /** The measured loop starts no new batch after this. */
  readonly budgetMs: number;
}

export interface AppendResult {
  readonly batchSize: number;
  readonly batchesPlanned: number;
  readonly batchesDone: number;
  readonly events: number;
  /** Total measured milliseconds per variant. */
  readonly ledgerMs: number;
  readonly valuesMs: number;
  readonly unnestMs: number;
  /** Time to compute the same hash chain in JavaScript alone (canonical JSON + SHA-256), no database. */
  readonly hashOnlyMs: number;
  /** The plain tables hold exactly the rows the ledger wrote. */
  readonly identical: boolean;
  /** Where the ledger's time went: database time per statement of appendEvents; the rest is JS. */
  readonly breakdown: readonly { part: string; ms: number }[];
}

/** Names the statements appendEvents runs, for the time breakdown. */
function statementOf(text: string): string {
  if (/for update/i.test(text)) return 'lockHead: SELECT … FOR UPDATE';
  if (/max\("version"\)/i.test(text)) return 'stream versions: SELECT max(version) … IN (1,000 ids)';
  if (/insert into events/i.test(text)) return 'INSERT … SELECT unnest';
  if (/update "ledger_head"/i.test(text)) return 'UPDATE ledger_head';
  if (/^\s*(begin|commit)\b/i.test(text)) return 'BEGIN + COMMIT';
  return text.replace(/\s+/g, ' ').trim().slice(0, 40);
}

const CURRENCIES = [
  { code: 'EUR', perEur: 1 },
  { code: 'USD', perEur: 1.1684 },
  { code: 'NOK', perEur: 11.098 },
  { code: 'SEK', perEur: 10.892 },
  { code: 'DKK', perEur: 7.4727 },
] as const;
const DONORS = ['nl', 'de', 'dk', 'no', 'se', 'ca', 'pl', 'gb', 'be', 'fi', 'lt', 'cz'];
const CATEGORY_IDS = ['air-defence', 'artillery-rockets', 'ammunition', 'armoured-vehicles', 'drones', 'humanitarian'];

const money = (value: number): string => value.toFixed(2);

/** A ContributionPledged as the contribution decider writes it, for contribution number `i`. */
function pledgeAppend(i: number, occurredOn: string): StreamAppend {
  const currency = CURRENCIES[i % CURRENCIES.length] ?? CURRENCIES[0];
  const amount = (1 + ((i * 7919) % 500)) * 1_000_000;
  const eur = amount / currency.perEur;
  const visibility = i % 50 === 0 ? 'restricted' : i % 10 === 1 ? 'partners' : 'public';
  const id = `ctb-bench-${String(i).padStart(6, '0')}`;
  return {
    streamId: `contribution-${id}`,
    streamType: 'contribution',
    expectedVersion: null,
    events: [
      {
        type: 'ContributionPledged',
        data: {
          id,
          donorId: DONORS[i % DONORS.length],
          packageId: i % 10 === 9 ? null : `purl-${String(i % 200).padStart(3, '0')}`,
          category: CATEGORY_IDS[i % CATEGORY_IDS.length],
          amount: { amount: money(amount), currency: currency.code },
          equivalents: {
            eur: { amount: money(eur), currency: 'EUR' },
            usd: { amount: money(eur * 1.1684), currency: 'USD' },
            rateDate: occurredOn,
            rateSource: 'ecb',
          },
          visibility,
        },
        meta: {
          actor: 'bench',
          basis: i % 4 === 0 ? 'reported' : 'official',
          evidence: [`src-bench-${i % 97}`],
          visibility,
          occurredOn,
        },
      },
    ],
  };
}

/** The columns of `events`, as a plain table sees them (json as text, dates as ISO strings). */
interface PlainRow {
  seq: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  version: number;
  type: string;
  data: string;
  meta: string;
  occurred_on: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

type PlainTables = { events_plain_values: PlainRow; events_plain_unnest: PlainRow };

const OCCURRED_ON = '2026-04-13';
const RECORDED_BASE = Date.parse('2026-04-14T09:00:00.000Z');
const eventIdOf = (seq: number): string => `evt-bench-${String(seq).padStart(8, '0')}`;

/** Computes what appendEvents will store for these batches, exactly: same ids, times, chain. */
function precompute(
  batches: readonly (readonly StreamAppend[])[],
  head: { seq: number; hash: string },
  firstBatch: number,
): StoredEvent[][] {
  let { seq, hash } = head;
  return batches.map((appends, b) => {
    const recordedAt = new Date(RECORDED_BASE + (firstBatch + b) * 1000).toISOString();
    const out: StoredEvent[] = [];
    for (const append of appends) {
      let version = 0;
      for (const event of append.events) {
        seq += 1;
        version += 1;
        const body = {
          seq,
          eventId: eventIdOf(seq),
          streamId: append.streamId,
          streamType: append.streamType,
          version,
          type: event.type,
          data: event.data,
          meta: event.meta,
          recordedAt,
        };
        const next = chainHash(hash, body);
        out.push({ ...body, prevHash: hash, hash: next });
        hash = next;
      }
    }
    return out;
  });
}

const toRow = (e: StoredEvent): PlainRow => ({
  seq: String(e.seq),
  event_id: e.eventId,
  stream_id: e.streamId,
  stream_type: e.streamType,
  version: e.version,
  type: e.type,
  data: JSON.stringify(e.data),
  meta: JSON.stringify(e.meta),
  occurred_on: e.meta.occurredOn,
  recorded_at: e.recordedAt,
  prev_hash: e.prevHash,
  hash: e.hash,
});

type Columns = { [K in keyof PlainRow]: PlainRow[K][] };

const toColumns = (rows: readonly PlainRow[]): Columns => {
  const pick = <K extends keyof PlainRow>(key: K): PlainRow[K][] => rows.map((row) => row[key]);
  return {
    seq: pick('seq'),
    event_id: pick('event_id'),
    stream_id: pick('stream_id'),
    stream_type: pick('stream_type'),
    version: pick('version'),
    type: pick('type'),
    data: pick('data'),
    meta: pick('meta'),
    occurred_on: pick('occurred_on'),
    recorded_at: pick('recorded_at'),
    prev_hash: pick('prev_hash'),
    hash: pick('hash'),
  };
};

/** The baseline: one plain multi-row INSERT … VALUES (…), (…), … per batch, in its own transaction. */
async function insertValues(db: Kysely<PlainTables>, rows: readonly PlainRow[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('events_plain_values').values(rows).execute();
  });
}

/** For information: the statement shape appendEvents itself uses (INSERT … SELECT FROM unnest(arrays)). */
async function insertUnnest(db: Kysely<PlainTables>, c: Columns): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`
      INSERT INTO events_plain_unnest (seq, event_id, stream_id, stream_type, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash)
      SELECT seq, event_id, stream_id, stream_type, version, type, data::jsonb, meta::jsonb, occurred_on::date, recorded_at::timestamptz, prev_hash, hash
      FROM unnest(${c.seq}::bigint[], ${c.event_id}::text[], ${c.stream_id}::text[], ${c.stream_type}::text[], ${c.version}::int[],
        ${c.type}::text[], ${c.data}::text[], ${c.meta}::text[], ${c.occurred_on}::text[], ${c.recorded_at}::text[],
        ${c.prev_hash}::text[], ${c.hash}::text[])
        AS t(seq, event_id, stream_id, stream_type, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash)
    `.execute(tx);
  });
}

async function appendBatch(
  db: Db,
  appends: readonly StreamAppend[],
  batchIndex: number,
  firstSeq: number,
): Promise<void> {
  let next = firstSeq;
  await db.transaction().execute(async (tx) => {
    const head = await lockHead(tx);
    await appendEvents(tx, head, appends, {
      recordedAt: new Date(RECORDED_BASE + batchIndex * 1000),
      newEventId: () => eventIdOf(next++),
    });
  });
}

export async function benchAppends(database: Database, options: AppendOptions): Promise<AppendResult> {
  const { db } = database;
  const plain = db.withTables<PlainTables>() as unknown as Kysely<PlainTables>;
  // The ledger runs through a Kysely that logs each statement's duration (not destroyed: that would end the pool).
  const statementMs = new Map<string, number>();
  let counting = false;
  const ledgerDb = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool: database.pool }),
    log: (event) => {
      if (!counting || event.level !== 'query') return;
      const part = statementOf(event.query.sql);
      statementMs.set(part, (statementMs.get(part) ?? 0) + event.queryDurationMillis);
    },
  });
  // Same columns, constraints and indexes as `events` (LIKE … INCLUDING ALL copies no triggers).
  await sql`CREATE TABLE events_plain_values (LIKE events INCLUDING ALL)`.execute(db);
  await sql`CREATE TABLE events_plain_unnest (LIKE events INCLUDING ALL)`.execute(db);
  try {
    const batchesPlanned = Math.ceil(options.events / options.batchSize);
    const total = batchesPlanned + 1; // batch 0 warms up
    const appends: StreamAppend[][] = [];
    for (let b = 0; b < total; b += 1) {
      const batch: StreamAppend[] = [];
      for (let i = 0; i < options.batchSize; i += 1) batch.push(pledgeAppend(b * options.batchSize + i, OCCURRED_ON));
      appends.push(batch);
    }
    const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    const hashStarted = performance.now();
    const stored = precompute(appends, { seq: Number(head.seq), hash: head.hash }, 0);
    const hashOnlyMs = ((performance.now() - hashStarted) * batchesPlanned) / total;
    const rows = stored.map((batch) => batch.map(toRow));
    const columns = rows.map(toColumns);

    let ledgerMs = 0;
    let valuesMs = 0;
    let unnestMs = 0;
    const deadline = new Deadline(options.budgetMs);
    let done = 0;
    for (let b = 0; b < total; b += 1) {
      if (b > 0 && deadline.passed) break;
      const firstSeq = stored[b]?.[0]?.seq ?? 0;
      const variants: [string, () => Promise<void>][] = [
        ['ledger', () => appendBatch(ledgerDb, appends[b] ?? [], b, firstSeq)],
        ['values', () => insertValues(plain, rows[b] ?? [])],
        ['unnest', () => insertUnnest(plain, columns[b] ?? toColumns([]))],
      ];
      // Rotate the order per batch so that no variant always runs first (or right after a checkpoint).
      const order = [...variants.slice(b % 3), ...variants.slice(0, b % 3)];
      for (const [name, run] of order) {
        await breathe();
        counting = name === 'ledger' && b > 0;
        const started = performance.now();
        await run();
        const ms = performance.now() - started;
        if (b === 0) continue;
        if (name === 'ledger') ledgerMs += ms;
        else if (name === 'values') valuesMs += ms;
        else unnestMs += ms;
      }
      if (b > 0) done += 1;
      if (b > 0 && b % 5 === 0) progress(`appends: ${b}/${batchesPlanned} batches`);
    }

    const check = await sql<{ missing: string; extra: string; ledger: string; plain: string }>`
      SELECT
        (SELECT count(*) FROM (SELECT seq, event_id, stream_id, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash FROM events
                               EXCEPT SELECT seq, event_id, stream_id, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash FROM events_plain_values) x) AS missing,
        (SELECT count(*) FROM (SELECT seq, event_id, stream_id, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash FROM events_plain_unnest
                               EXCEPT SELECT seq, event_id, stream_id, version, type, data, meta, occurred_on, recorded_at, prev_hash, hash FROM events) x) AS extra,
        (SELECT count(*) FROM events) AS ledger,
        (SELECT count(*) FROM events_plain_values) AS plain
    `.execute(db);
    const c = check.rows[0];
    const identical = !!c && c.missing === '0' && c.extra === '0' && c.ledger === c.plain;
    return {
      batchSize: options.batchSize,
      batchesPlanned,
      batchesDone: done,
      events: done * options.batchSize,
      ledgerMs,
      valuesMs,
      unnestMs,
      hashOnlyMs: (hashOnlyMs * done) / batchesPlanned,
      identical,
      breakdown: [
        ...[...statementMs].map(([part, ms]) => ({ part, ms })).sort((a, b) => b.ms - a.ms),
        {
          part: 'the rest: JS (canonical JSON + SHA-256 chain, JSON.stringify, parameter arrays)',
          ms: ledgerMs - [...statementMs.values()].reduce((sum, ms) => sum + ms, 0),
        },
      ],
    };
  } finally {
    await sql`DROP TABLE IF EXISTS events_plain_values`.execute(db);
    await sql`DROP TABLE IF EXISTS events_plain_unnest`.execute(db);
  }
}
