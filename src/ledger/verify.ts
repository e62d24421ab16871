import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { GENESIS_HASH, type StoredEvent } from './event.ts';
import { chainHash } from './hash.ts';
import { readAll } from './read.ts';

export type VerifyResult =
  | { readonly ok: true; readonly events: number; readonly headHash: string }
  | {
      readonly ok: false;
      readonly events: number;
      /** The first event that does not match; null when the events match but the recorded head does not. */
      readonly firstBad: {
        readonly seq: number;
        readonly eventId: string;
        readonly streamId: string;
        readonly type: string;
      } | null;
      readonly reason: string;
    };

/** Checks events in chain order; stops at the first that does not match. Works on a database or an export. */
function verifyChain(events: Iterable<StoredEvent>, state = { prevHash: GENESIS_HASH, seq: 0 }): VerifyResult | null {
  for (const event of events) {
    const firstBad = { seq: event.seq, eventId: event.eventId, streamId: event.streamId, type: event.type };
    if (event.seq !== state.seq + 1) {
      return {
        ok: false,
        events: state.seq,
        firstBad,
        reason: `expected position ${state.seq + 1}, found ${event.seq}`,
      };
    }
    if (event.prevHash !== state.prevHash) {
      return {
        ok: false,
        events: state.seq,
        firstBad,
        reason: 'its previous-hash link does not match the event before it',
      };
    }
    const { hash: _hash, prevHash: _prev, ...body } = event;
    if (chainHash(state.prevHash, body) !== event.hash) {
      return {
        ok: false,
        events: state.seq,
        firstBad,
        reason: 'its content does not match its hash: it was changed after it was recorded',
      };
    }
    state.prevHash = event.hash;
    state.seq = event.seq;
  }
  return null;
}

/**
 * Recomputes the whole chain from the database and compares it with the recorded head, in one repeatable-read
 * snapshot so that appends made meanwhile neither show up half-way nor raise a false alarm.
 */
export async function verifyLedger(db: Kysely<Schema>): Promise<VerifyResult> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const head = await tx.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
      const state = { prevHash: GENESIS_HASH, seq: 0 };
      for await (const page of readAll(tx)) {
        const bad = verifyChain(page, state);
        if (bad) return bad;
      }
      if (Number(head.seq) !== state.seq || head.hash !== state.prevHash) {
        return {
          ok: false,
          events: state.seq,
          firstBad: null,
          reason: `the recorded head (position ${head.seq}) does not match the last event (position ${state.seq}): events were removed or added behind the ledger's back`,
        } satisfies VerifyResult;
      }
      return { ok: true, events: state.seq, headHash: state.prevHash } satisfies VerifyResult;
    });
}
