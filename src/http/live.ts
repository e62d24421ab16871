/**
 * Watches the ledger for the live-update stream. One watch per server polls `ledger_head` while anyone listens, so it
 * sees every append — this server's commands, an import, another server or the CLI on the same PostgreSQL server —
 * with one cheap query per interval however many browsers are open.
 *
 * A listener is told the highest seq of an event at its tier (the visibilities its reader's aggregates count:
 * public; public and partners; all), never the head: the head moves when a record the reader may not see changes,
 * and so would tell them when it did. The watch keeps the highest seq of each visibility: read once, then brought up
 * to date from the events appended since, only when the head has moved.
 */

import { sql } from 'kysely';
import { headSeq } from '../app/ledger.ts';
import type { Db } from '../db/index.ts';
import { VISIBILITIES, type Visibility } from '../domain/facts.ts';

export type HeadListener = (seq: number) => void;

/** How often the head is read while someone listens: well inside the two seconds a change may take to show. */
const POLL_MS = 400;

interface Subscriber {
  readonly visibilities: readonly Visibility[];
  readonly listener: HeadListener;
  /** The seq last sent. */
  sent: number;
}

/** The highest seq of each visibility, as of the head they were read at. */
interface Latest {
  readonly head: number;
  readonly byVisibility: ReadonlyMap<string, number>;
}

export class LedgerWatch {
  private readonly subscribers = new Set<Subscriber>();
  private timer: NodeJS.Timeout | null = null;
  private latest: Latest | null = null;
  private refreshing: Promise<Latest> | null = null;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = POLL_MS,
  ) {}

  /**
   * Calls `listener` with the highest seq of an event of these visibilities now, then each time that number moves;
   * returns the unsubscribe.
   */
  async subscribe(visibilities: readonly Visibility[], listener: HeadListener): Promise<() => void> {
    const latest = await this.refresh();
    const subscriber: Subscriber = { visibilities, listener, sent: tierOf(latest, visibilities) };
    this.subscribers.add(subscriber);
    listener(subscriber.sent);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  /** Stops polling; what was read is kept, so the next listener costs only the events appended meanwhile. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    try {
      await this.refresh();
    } catch {
      // The database is briefly unavailable (or closing): the next interval tries again.
    }
  }

  /** Brings the highest seqs up to the head (one refresh at a time), and tells every listener whose number moved. */
  private refresh(): Promise<Latest> {
    this.refreshing ??= (async () => {
      try {
        const head = await headSeq(this.db);
        if (this.latest?.head === head) return this.latest;
        this.latest = await this.read(this.latest, head);
        for (const subscriber of this.subscribers) {
          const seq = tierOf(this.latest, subscriber.visibilities);
          if (seq === subscriber.sent) continue;
          subscriber.sent = seq;
          subscriber.listener(seq);
        }
        return this.latest;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /**
   * The highest seq of each visibility up to `head`: from `since`, reading only the events appended after it (an
   * append holds the head's lock until it commits, so every event up to the head read is there); the first time,
   * each visibility's last event, found from the end of the ledger backwards.
   */
  private async read(since: Latest | null, head: number): Promise<Latest> {
    const byVisibility = new Map(since?.byVisibility ?? []);
    if (since) {
      const rows = await this.db
        .selectFrom('events')
        .select([sql<string>`meta->>'visibility'`.as('visibility'), sql<string>`max(seq)::text`.as('seq')])
        .where('seq', '>', String(since.head))
        .where('seq', '<=', String(head))
        .groupBy(sql`meta->>'visibility'`)
        .execute();
      for (const row of rows) byVisibility.set(row.visibility, Number(row.seq));
      return { head, byVisibility };
    }
    for (const visibility of VISIBILITIES) {
      const row = await this.db
        .selectFrom('events')
        .select('seq')
        .where('seq', '<=', String(head))
        .where(sql<boolean>`meta->>'visibility' = ${visibility}`)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (row) byVisibility.set(visibility, Number(row.seq));
    }
    return { head, byVisibility };
  }
}

/** The highest seq among these visibilities (0 before any such event). */
function tierOf(latest: Latest, visibilities: readonly Visibility[]): number {
  return Math.max(0, ...visibilities.map((visibility) => latest.byVisibility.get(visibility) ?? 0));
}
