/**
 * Watches the ledger's head for the live-update stream. One watch per server polls `ledger_head` while anyone
 * listens, so it sees every append — this server's commands, an import, another server or the CLI on the same
 * PostgreSQL server — with one cheap query per interval however many browsers are open.
 */

import { headSeq } from '../app/ledger.ts';
import type { Db } from '../db/index.ts';

export type HeadListener = (seq: number) => void;

/** How often the head is read while someone listens: well inside the two seconds a change may take to show. */
const POLL_MS = 400;

export class LedgerWatch {
  private readonly listeners = new Set<HeadListener>();
  private timer: NodeJS.Timeout | null = null;
  private last: number | null = null;
  private polling = false;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = POLL_MS,
  ) {}

  /** Calls `listener` with the head now, then each time it moves; returns the unsubscribe. */
  async subscribe(listener: HeadListener): Promise<() => void> {
    const seq = this.last ?? (await headSeq(this.db));
    this.last ??= seq;
    this.listeners.add(listener);
    listener(seq);
    this.timer ??= setInterval(() => void this.poll(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.last = null;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const seq = await headSeq(this.db);
      if (seq !== this.last) {
        this.last = seq;
        for (const listener of this.listeners) listener(seq);
      }
    } catch {
      // The database is briefly unavailable (or closing): the next interval tries again.
    } finally {
      this.polling = false;
    }
  }
}
