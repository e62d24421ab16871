import type { ClaimEvent } from '../domain/claim/claim.ts';
import type { ContributionEvent } from '../domain/contribution/contribution.ts';
import type { FigureEvent } from '../domain/figure/figure.ts';
import type { ImportEvent } from '../domain/flow/batch.ts';
import type { OrganisationEvent } from '../domain/organisation/organisation.ts';
import type { PackageEvent } from '../domain/package/package.ts';
import type { PersonEvent } from '../domain/person/person.ts';
import type { TokenEvent } from '../domain/person/token.ts';
import type { PriorityListEvent } from '../domain/priority-list/priority-list.ts';
import type { RequirementEvent } from '../domain/requirement/requirement.ts';
import type { SourceEvent } from '../domain/source/source.ts';
import type { StoredEvent } from '../ledger/event.ts';
import { entityId, type Tx } from './context.ts';
import { projectContribution } from './contributions.ts';
import { projectImport } from './flows.ts';
import { projectOrganisation } from './organisations.ts';
import { projectPackage } from './packages.ts';
import { projectPerson, projectToken } from './people.ts';
import { projectPriorityList, projectRequirement } from './requirements.ts';
import { projectClaim, projectFigure, projectSource } from './sources.ts';

/**
 * Applies events to every read model, in chain order. Called in the transaction that appends them, and by rebuilds;
 * events are trusted here because `decide` produced them.
 */
export async function project(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
  for (const stored of events) {
    const event = { type: stored.type, data: stored.data };
    switch (stored.streamType) {
      case 'organisation':
        await projectOrganisation(tx, stored, event as OrganisationEvent);
        break;
      case 'requirement':
        await projectRequirement(tx, stored, event as RequirementEvent);
        break;
      case 'priority-list':
        await projectPriorityList(tx, stored, event as PriorityListEvent);
        break;
      case 'package':
        await projectPackage(tx, stored, event as PackageEvent);
        break;
      case 'contribution':
        await projectContribution(tx, stored, event as ContributionEvent);
        break;
      case 'source':
        await projectSource(tx, stored, event as SourceEvent);
        break;
      case 'claim':
        await projectClaim(tx, stored, event as ClaimEvent);
        break;
      case 'figure':
        await projectFigure(tx, stored, event as FigureEvent);
        break;
      case 'import':
        await projectImport(tx, stored, event as ImportEvent);
        break;
      case 'person':
        await projectPerson(tx, stored, event as PersonEvent);
        break;
      case 'token':
        await projectToken(tx, stored, event as TokenEvent);
        break;
      default:
        throw new Error(`no projection for stream type "${stored.streamType}"`);
    }
    await indexEvent(tx, stored);
  }
}

/** Files the event under the timelines it belongs on, and records the sources it names as evidence. */
async function indexEvent(tx: Tx, stored: StoredEvent): Promise<void> {
  const entities = new Set([`${stored.streamType}:${entityId(stored)}`]);
  if (stored.streamType === 'contribution') {
    const row = await tx
      .selectFrom('rm_contributions')
      .select(['donor_id', 'package_id'])
      .where('id', '=', entityId(stored))
      .executeTakeFirst();
    if (row?.package_id) entities.add(`package:${row.package_id}`);
    if (row) entities.add(`organisation:${row.donor_id}`);
  }
  if (stored.streamType === 'figure' || stored.streamType === 'claim') {
    const subject = (stored.data as { subject?: { type: string; id: string } | null }).subject;
    if (subject) entities.add(`${subject.type}:${subject.id}`);
  }
  await tx
    .insertInto('rm_timeline')
    .values([...entities].map((entity) => ({ entity, seq: stored.seq })))
    .execute();
  const sources = [...new Set(stored.meta.evidence)];
  if (sources.length > 0) {
    await tx
      .insertInto('rm_evidence')
      .values(sources.map((sourceId) => ({ event_id: stored.eventId, source_id: sourceId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
