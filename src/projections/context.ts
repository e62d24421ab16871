import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import type { StoredEvent } from '../ledger/event.ts';

/** A projection's view of one event: the transaction it writes in, and the event. */
export type Tx = Kysely<Schema>;
export type Handler = (tx: Tx, event: StoredEvent) => Promise<void>;

/** The first day of the event's month, for monthly totals. */
export const monthOf = (isoDate: string): string => `${isoDate.slice(0, 7)}-01`;

/** The bare id of an entity from its stream id (`package-nl-1` → `nl-1`). */
export const entityId = (event: StoredEvent): string => event.streamId.slice(event.streamType.length + 1);
