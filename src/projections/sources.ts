import { sql } from 'kysely';
import type { ClaimEvent } from '../domain/claim/claim.ts';
import { unreachable } from '../domain/decider.ts';
import type { FigureEvent } from '../domain/figure/figure.ts';
import type { SourceEvent } from '../domain/source/source.ts';
import type { StoredEvent } from '../ledger/event.ts';
import { entityId, type Tx } from './context.ts';

export async function projectSource(tx: Tx, stored: StoredEvent, event: SourceEvent): Promise<void> {
  switch (event.type) {
    case 'SourceRecorded': {
      const d = event.data;
      await tx
        .insertInto('rm_sources')
        .values({
          id: d.id,
          url: d.url,
          publisher: d.publisher,
          author: d.author,
          published_on: d.publishedOn,
          language: d.language,
          title: d.title,
          body: d.text,
          story_id: d.storyId,
          visibility: d.visibility,
          recorded_at: stored.recordedAt,
        })
        .execute();
      return;
    }
    case 'ProposalRejected':
      await tx
        .insertInto('rm_proposal_rejections')
        .values({
          source_id: entityId(stored),
          proposal_key: event.data.key,
          reason: event.data.reason,
          rejected_on: stored.meta.occurredOn,
        })
        .execute();
      return;
    default:
      unreachable(event);
  }
}

export async function projectClaim(tx: Tx, stored: StoredEvent, event: ClaimEvent): Promise<void> {
  switch (event.type) {
    case 'ClaimRecorded': {
      const d = event.data;
      await tx
        .insertInto('rm_claims')
        .values({
          id: d.id,
          source_id: d.sourceId,
          subject_type: d.subject?.type ?? null,
          subject_id: d.subject?.id ?? null,
          donor_ids: [...d.donorIds],
          stage: d.stage,
          amount: d.amount?.amount ?? null,
          currency: d.amount?.currency ?? null,
          stated_on: d.statedOn,
          sentence: d.sentence,
          linked_event_ids: [],
          visibility: d.visibility,
          proposal_key: d.proposalKey ?? null,
        })
        .execute();
      return;
    }
    case 'ClaimLinked': {
      const id = entityId(stored);
      const claim = await tx
        .updateTable('rm_claims')
        .set({ linked_event_ids: sql`array_append(linked_event_ids, ${event.data.eventId})` })
        .where('id', '=', id)
        .returning('source_id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('rm_evidence')
        .values({ event_id: event.data.eventId, source_id: claim.source_id, claim_id: id })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return;
    }
    default:
      unreachable(event);
  }
}

export async function projectFigure(tx: Tx, stored: StoredEvent, event: FigureEvent): Promise<void> {
  const d = event.data;
  const row = {
    claim_id: d.claimId,
    low_amount: d.low.amount,
    high_amount: d.high.amount,
    currency: d.low.currency,
    note: d.note,
    adopted_on: stored.meta.occurredOn,
  };
  await tx
    .insertInto('rm_figures')
    .values({ subject_type: d.subject.type, subject_id: d.subject.id, stage: d.stage, ...row })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'stage']).doUpdateSet(row))
    .execute();
}
