import type { Basis, Visibility } from '../domain/facts.ts';

/** What the ledger records about every event besides its data. */
export interface EventMeta {
  readonly actor: string;
  readonly basis: Basis;
  /** Source ids supporting the fact. */
  readonly evidence: readonly string[];
  readonly visibility: Visibility;
  /** The day the fact happened (the day it was recorded is `recordedAt`). */
  readonly occurredOn: string;
  readonly idempotencyKey?: string;
}

/** An event as stored: position in the chain, its stream and version, and the hashes that chain it. */
export interface StoredEvent<Data = unknown> {
  readonly seq: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamType: string;
  readonly version: number;
  readonly type: string;
  readonly data: Data;
  readonly meta: EventMeta;
  /** ISO timestamp with milliseconds, as hashed. */
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** Events to add to one stream, with the version the writer last saw (null: append whatever the version is). */
export interface StreamAppend {
  readonly streamId: string;
  readonly streamType: string;
  readonly expectedVersion: number | null;
  readonly events: readonly { readonly type: string; readonly data: unknown; readonly meta: EventMeta }[];
}

export const GENESIS_HASH = '0'.repeat(64);

/** An event an export withholds: only its place in the chain, so the chain still verifies across it. */
export interface RedactedEvent {
  readonly seq: number;
  readonly redacted: true;
  readonly prevHash: string;
  readonly hash: string;
}

/** A link of the chain as a verifier sees it: a whole event, or one whose content is withheld. */
export type ChainLink = StoredEvent | RedactedEvent;

export const isRedacted = (link: ChainLink): link is RedactedEvent => 'redacted' in link;
