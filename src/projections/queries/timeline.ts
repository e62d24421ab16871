import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import { claimVisible, eventVisible, sourceVisible } from './visibility.ts';

export interface TimelineEntry {
  seq: number;
  eventId: string;
  streamId: string;
  type: string;
  /** The day it happened, and the moment the ledger recorded it. */
  occurredOn: string;
  recordedAt: string;
  actor: string;
  basis: string;
  visibility: string;
  data: unknown;
  evidence: {
    sourceId: string;
    claimId: string | null;
    publisher: string;
    title: string;
    url: string | null;
    language: string;
    publishedOn: string | null;
    sentence: string | null;
  }[];
}

/**
 * An entity's history (`package:nl-1`, `organisation:nl`, …) from its own and related streams, with evidence: the
 * events the reader may see (eventVisible), citing the sources and claims the reader may see. Empty when the reader
 * may not see the entity itself (none of its own events), whatever else was filed under it.
 */
export async function timeline(db: Db, scope: ReadScope, entity: string): Promise<TimelineEntry[]> {
  const events = await db
    .selectFrom('rm_timeline as t')
    .innerJoin('events as e', 'e.seq', 't.seq')
    .select(['e.seq', 'e.event_id', 'e.stream_id', 'e.type', 'e.occurred_on', 'e.recorded_at', 'e.meta', 'e.data'])
    .where('t.entity', '=', entity)
    .where(eventVisible(scope, 'e'))
    .orderBy('e.occurred_on')
    .orderBy('e.seq')
    .execute();
  // `package:nl-1` is the stream `package-nl-1` (the first colon only: a priority list's id has one of its own).
  const own = entity.replace(':', '-');
  if (!scope.all && !events.some((event) => event.stream_id === own)) return [];
  if (events.length === 0) return [];
  const evidence = await db
    .selectFrom('rm_evidence as v')
    .innerJoin('rm_sources as s', 's.id', 'v.source_id')
    .leftJoin('rm_claims as c', (join) => join.onRef('c.id', '=', 'v.claim_id'))
    .select([
      'v.event_id',
      'v.source_id',
      'v.claim_id',
      's.publisher',
      's.title',
      's.url',
      's.language',
      's.published_on',
      'c.sentence',
    ])
    .where(
      'v.event_id',
      'in',
      events.map((event) => event.event_id),
    )
    .where(sourceVisible(scope, 's'))
    .where(sql<boolean>`(v.claim_id = '' OR ${claimVisible(scope, 'c')})`)
    .orderBy(sql`v.claim_id = ''`, 'desc')
    .orderBy('v.source_id')
    .execute();
  return events.map((event) => {
    const meta = event.meta as { actor: string; basis: string; visibility: string };
    return {
      seq: Number(event.seq),
      eventId: event.event_id,
      streamId: event.stream_id,
      type: event.type,
      occurredOn: event.occurred_on ?? '',
      recordedAt: new Date(event.recorded_at).toISOString(),
      actor: meta.actor,
      basis: meta.basis,
      visibility: meta.visibility,
      data: event.data,
      evidence: evidence
        .filter((row) => row.event_id === event.event_id)
        // A source named by the event and also by a claim linked to it is listed once, with the claim's sentence.
        .filter(
          (row, _index, rows) =>
            row.claim_id !== '' ||
            !rows.some(
              (other) => other.source_id === row.source_id && other.claim_id !== '' && other.event_id === row.event_id,
            ),
        )
        .map((row) => ({
          sourceId: row.source_id,
          claimId: row.claim_id === '' ? null : row.claim_id,
          publisher: row.publisher,
          title: row.title,
          url: row.url,
          language: row.language,
          publishedOn: row.published_on,
          sentence: row.sentence ?? null,
        })),
    };
  });
}
