import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { checkContent, contentDigestOf } from './contents.ts';
import { type ChainLink, GENESIS_HASH, isRedacted, type StoredEvent } from './event.ts';
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

/** Where a check of the chain stands: the position and hash of the last event that matched. */
export interface ChainState {
  prevHash: string;
  seq: number;
}

export const chainStart = (): ChainState => ({ prevHash: GENESIS_HASH, seq: 0 });

/**
 * Checks one event against the chain so far and, when it fits, moves the chain on to it; otherwise says why not.
 * Works on a database or an export: an event whose content an export withholds is trusted for its hash only, but it
 * must still sit at the next position and name the hash of the event before it.
 */
export function checkLink(link: ChainLink, state: ChainState): string | null {
  if (link.seq !== state.seq + 1) return `expected position ${state.seq + 1}, found ${link.seq}`;
  if (link.prevHash !== state.prevHash) return 'its previous-hash link does not match the event before it';
  if (!isRedacted(link)) {
    const { hash: _hash, prevHash: _prev, ...body } = link;
    if (chainHash(state.prevHash, body) !== link.hash) {
      return 'its content does not match its hash: it was changed after it was recorded';
    }
  }
  state.prevHash = link.hash;
  state.seq = link.seq;
  return null;
}

/** Checks events in chain order; stops at the first that does not match. */
function verifyChain(events: Iterable<StoredEvent>, state: ChainState): VerifyResult | null {
  for (const event of events) {
    const reason = checkLink(event, state);
    if (reason !== null) {
      const firstBad = { seq: event.seq, eventId: event.eventId, streamId: event.streamId, type: event.type };
      return { ok: false, events: state.seq, firstBad, reason };
    }
  }
  return null;
}

/** Checks the contents a page's events seal (`contentDigest`): each must be there and match its digest. */
async function verifyContents(tx: Kysely<Schema>, events: readonly StoredEvent[]): Promise<VerifyResult | null> {
  const sealing = events.flatMap((event) => {
    const digest = contentDigestOf(event.data);
    return digest === null ? [] : [{ event, digest }];
  });
  if (sealing.length === 0) return null;
  const rows = await tx
    .selectFrom('ledger_contents')
    .select(['digest', 'deflated'])
    .where(
      'digest',
      'in',
      sealing.map((item) => item.digest),
    )
    .execute();
  const stored = new Map(rows.map((row) => [row.digest, row.deflated]));
  for (const { event, digest } of sealing) {
    const deflated = stored.get(digest);
    const reason = deflated ? checkContent(digest, deflated) : 'the content it seals is missing';
    if (reason !== null) {
      const firstBad = { seq: event.seq, eventId: event.eventId, streamId: event.streamId, type: event.type };
      return { ok: false, events: event.seq - 1, firstBad, reason };
    }
  }
  return null;
}

/**
 * Recomputes the whole chain inside the caller's transaction and compares it with the recorded head (an import
 * checks what it has just written before it commits).
 */
export async function verifyLedgerIn(tx: Kysely<Schema>): Promise<VerifyResult> {
  const head = await tx.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  const state = chainStart();
  for await (const page of readAll(tx)) {
    const bad = verifyChain(page, state) ?? (await verifyContents(tx, page));
    if (bad) return bad;
  }
  if (Number(head.seq) !== state.seq || head.hash !== state.prevHash) {
    return {
      ok: false,
      events: state.seq,
      firstBad: null,
      reason: `the recorded head (position ${head.seq}) does not match the last event (position ${state.seq}): events were removed or added behind the ledger's back`,
    };
  }
  return { ok: true, events: state.seq, headHash: state.prevHash };
}

/**
 * Recomputes the whole chain from the database and compares it with the recorded head, in one repeatable-read
 * snapshot so that appends made meanwhile neither show up half-way nor raise a false alarm.
 */
export async function verifyLedger(db: Kysely<Schema>): Promise<VerifyResult> {
  return db.transaction().setIsolationLevel('repeatable read').execute(verifyLedgerIn);
}
