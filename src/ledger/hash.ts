import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { StoredEvent } from './event.ts';

/** RFC 8785 (JSON Canonicalization Scheme): the same value always gives the same bytes, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised as JSON');
  return text;
}

/** What an event's hash covers: everything stored about it except the hashes themselves. */
function hashedContent(event: Omit<StoredEvent, 'hash' | 'prevHash'>): unknown {
  return {
    seq: event.seq,
    eventId: event.eventId,
    streamId: event.streamId,
    streamType: event.streamType,
    version: event.version,
    type: event.type,
    data: event.data,
    meta: event.meta,
    recordedAt: event.recordedAt,
  };
}

/** sha256(previous hash ‖ canonical JSON of the event), hex: each event seals the whole chain before it. */
export function chainHash(prevHash: string, event: Omit<StoredEvent, 'hash' | 'prevHash'>): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(hashedContent(event)))
    .digest('hex');
}
