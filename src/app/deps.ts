import type { Db } from '../db/index.ts';
import type { Principal } from '../domain/access.ts';

/** What every use case needs from the outside world; tests pass a fixed clock and predictable ids. */
export interface AppDeps {
  readonly db: Db;
  readonly clock: () => Date;
  /** A new unique id with a readable prefix, e.g. `pkg-…`. */
  readonly newId: (prefix: string) => string;
  /** Told after each committed command, e.g. to push live updates; never fails the command. */
  readonly onCommitted?: (result: CommandResult) => void;
}

/** Who is asking, and how the request wants to be applied. */
export interface RequestContext {
  /** Decides what the request may do; its `actor` is what the events record. */
  readonly principal: Principal;
  /** A retried command with the same key applies once and answers with the first result. */
  readonly idempotencyKey?: string | undefined;
}

/** What a command returns: the record it changed, its new version and the events it appended. */
export interface CommandResult {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  /** The id of a part the command created inside the record (a shipment, receipt or payment), when it made one. */
  readonly created?: string;
  readonly events: readonly { readonly eventId: string; readonly seq: number; readonly type: string }[];
}
