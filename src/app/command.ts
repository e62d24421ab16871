import { createHash } from 'node:crypto';
import { mapDatabaseError } from '../db/errors.ts';
import type { Db } from '../db/index.ts';
import { type Action, isAction, type Principal, permits } from '../domain/access.ts';
import { type Decider, type DomainEvent, fold } from '../domain/decider.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../domain/errors.ts';
import { assertIsoDate, VISIBILITIES, type Visibility } from '../domain/facts.ts';
import { appendEvents, lockHead } from '../ledger/append.ts';
import type { EventMeta, StreamAppend } from '../ledger/event.ts';
import { canonicalJson } from '../ledger/hash.ts';
import { readStream, readStreams } from '../ledger/read.ts';
import { project } from '../projections/project.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import type { FactInput } from './schemas.ts';

/** The stream that holds one record: `<type>-<id>`. */
export const streamIdOf = (streamType: string, id: string): string => `${streamType}-${id}`;

/** The transaction a command runs in, with the ledger head already locked. */
export type CommandTx = Db;

/** One decision to carry out: which stream, the state loaded from it, the command built from what else was looked up. */
export interface Decision<Command, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly id: string;
  /** Builds the command from the stream's state and lookups in the same transaction. */
  readonly command: (state: State, tx: CommandTx) => Promise<Command> | Command;
  /** The visibility the new events carry: the record's own, or the one asked for at creation. */
  readonly visibility: (state: State) => Visibility;
  /** Writes that belong with the events but not on the ledger (a password's hash), in the same transaction. */
  readonly alongside?: (tx: CommandTx) => Promise<void>;
  /** The id of a part created inside the record (shipment, receipt, payment), returned to the caller. */
  readonly created?: string;
}

/**
 * Runs one command: load → decide → append → project, all in one transaction that holds the ledger head, so
 * concurrent writers queue rather than overwrite; an idempotency key makes a retry answer with the first result.
 * When `deps.db` is already a transaction (an import running many commands as one), the command runs in it: the
 * caller commits or rolls back, and tells `onCommitted` itself once it has committed.
 */
export async function runCommand<Command extends { readonly type: string }, Event extends DomainEvent, State>(
  deps: AppDeps,
  request: RequestContext,
  facts: FactInput,
  decision: Decision<Command, Event, State>,
  body: unknown,
): Promise<CommandResult> {
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const occurredOn = checkOccurredOn(facts.occurredOn, today);
  const streamId = streamIdOf(decision.decider.streamType, decision.id);
  // The key covers what the client sent (not ids generated for it), so a retry of a creation matches the first try,
  // and who sent it, so that no one else's retry is answered with their result.
  const requestHash = request.idempotencyKey
    ? hashRequest(decision.decider.streamType, request.principal.actor, body)
    : '';
  try {
    const run = async (tx: CommandTx) => {
      const head = await lockHead(tx);
      if (request.idempotencyKey) {
        const previous = await tx
          .selectFrom('idempotency_keys')
          .select(['request_hash', 'result'])
          .where('key', '=', request.idempotencyKey)
          .executeTakeFirst();
        if (previous) {
          if (previous.request_hash !== requestHash) {
            throw invalid(
              'idempotency-key-reused',
              'Idempotency-Key',
              'this idempotency key was used for a different request',
            );
          }
          return { result: previous.result as CommandResult, replayed: true };
        }
      }
      await checkEvidence(tx, facts.evidence ?? []);
      const stored = await readStream(tx, streamId);
      const state = fold(
        decision.decider,
        stored.map((event) => ({ type: event.type, data: event.data }) as Event),
      );
      const command = await decision.command(state, tx);
      authorize(request, command.type, decision.decider.actingFor(command, state));
      const events = decision.decider.decide(command, state);
      const meta: EventMeta = {
        actor: request.principal.actor,
        basis: facts.basis ?? 'official',
        evidence: facts.evidence ?? [],
        visibility: decision.visibility(events.reduce((next, event) => decision.decider.evolve(next, event), state)),
        occurredOn,
        ...(request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {}),
      };
      const append: StreamAppend = {
        streamId,
        streamType: decision.decider.streamType,
        expectedVersion: facts.expectedVersion ?? null,
        events: events.map((event) => ({ type: event.type, data: event.data, meta })),
      };
      const appended = await appendEvents(tx, head, [append], { recordedAt: now, newEventId: () => deps.newId('evt') });
      await project(tx, appended.events);
      await decision.alongside?.(tx);
      const result: CommandResult = {
        id: decision.id,
        streamId,
        version: stored.length + appended.events.length,
        ...(decision.created ? { created: decision.created } : {}),
        events: appended.events.map((event) => ({ eventId: event.eventId, seq: event.seq, type: event.type })),
      };
      if (request.idempotencyKey) {
        await tx
          .insertInto('idempotency_keys')
          .values({
            key: request.idempotencyKey,
            request_hash: requestHash,
            result: JSON.stringify(result),
            recorded_at: now,
          })
          .execute();
      }
      return { result, replayed: false };
    };
    const outer = deps.db.isTransaction;
    const result = outer ? await run(deps.db) : await deps.db.transaction().execute(run);
    if (!result.replayed && !outer) deps.onCommitted?.(result.result);
    return result.result;
  } catch (error) {
    throw mapDatabaseError(error);
  }
}

/** Refuses a command the permission map does not give the principal, for the organisation it acts for. */
function authorize(request: RequestContext, type: string, organisationId: string | null): void {
  if (!isAction(type)) throw new Error(`"${type}" has no entry in the permission map`);
  // A record that does not exist yet names no organisation: the role in any one will do, and decide says it is unknown.
  requirePermission(request.principal, type, organisationId ?? undefined);
}

/**
 * Refuses what the permission map does not give the principal: 401 `sign-in-required` to someone who has not signed
 * in, 403 `not-permitted` to someone whose roles do not allow it.
 */
export function requirePermission(principal: Principal, action: Action, organisationId?: string): void {
  if (permits(principal, action, organisationId)) return;
  if (principal.kind === 'anonymous') throw unauthenticated('sign-in-required', `${action} needs signing in`);
  throw forbidden(
    'not-permitted',
    `${principal.actor} may not ${action}${organisationId ? ` for ${organisationId}` : ''}`,
  );
}

function checkOccurredOn(occurredOn: string | undefined, today: string): string {
  if (occurredOn === undefined) return today;
  assertIsoDate(occurredOn, 'occurredOn');
  if (occurredOn > today)
    throw invalid('date-in-future', 'occurredOn', `${occurredOn} has not happened yet (today is ${today})`);
  return occurredOn;
}

function hashRequest(streamType: string, actor: string, body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ streamType, actor, body: body ?? null }))
    .digest('hex');
}

async function checkEvidence(tx: CommandTx, evidence: readonly string[]): Promise<void> {
  if (evidence.length === 0) return;
  const found = await existingStreams(tx, 'source', evidence);
  evidence.forEach((sourceId, index) => {
    if (!found.has(sourceId)) throw notFound('source-unknown', `no source "${sourceId}"`, `evidence[${index}]`);
  });
}

/** Which of the ids have a stream of the given type (i.e. are registered). */
export async function existingStreams(
  tx: CommandTx,
  streamType: string,
  ids: readonly (string | null | undefined)[],
): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (wanted.length === 0) return new Set();
  const rows = await tx
    .selectFrom('events')
    .select('stream_id')
    .where(
      'stream_id',
      'in',
      wanted.map((id) => streamIdOf(streamType, id)),
    )
    .where('version', '=', 1)
    .execute();
  const prefix = streamType.length + 1;
  return new Set(rows.map((row) => row.stream_id.slice(prefix)));
}

/** The current state of another record, folded from its stream, for rules that span records. */
export async function loadState<Command, Event extends DomainEvent, State>(
  tx: CommandTx,
  decider: Decider<Command, Event, State>,
  id: string,
): Promise<State> {
  const events = await readStreams(tx, [streamIdOf(decider.streamType, id)]);
  const stored = events.get(streamIdOf(decider.streamType, id)) ?? [];
  return fold(
    decider,
    stored.map((event) => ({ type: event.type, data: event.data }) as Event),
  );
}

/** The record's own visibility once it exists, else the one asked for (default public). */
export function recordVisibility(requested?: Visibility): (state: object) => Visibility {
  return (state) => {
    const value: unknown = 'visibility' in state ? state.visibility : undefined;
    return VISIBILITIES.find((candidate) => candidate === value) ?? requested ?? 'public';
  };
}
