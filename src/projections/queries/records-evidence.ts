import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import { claimVisible, sourceVisible } from './visibility.ts';

/** A sentence of a source: linked to one of the record's events, or stated about its contribution or package. */
export interface EvidenceClaim {
  claimId: string;
  stage: string;
  sentence: string;
  /** True when the claim is linked to one of the record's events; false when it only names its subject. */
  linked: boolean;
}

export interface EvidenceSource {
  sourceId: string;
  publisher: string;
  title: string;
  url: string | null;
  language: string;
  publishedOn: string | null;
  claims: EvidenceClaim[];
}

export interface EvidenceOf {
  readonly contributionId: string;
  readonly donorId: string;
  readonly packageId: string | null;
  /** The events whose evidence counts for the record. */
  readonly eventIds: readonly string[];
}

/**
 * The sources behind each record: those its events name as evidence and those of the claims linked to its events (as
 * the timelines read rm_evidence), each with its sentences — the linked claims, and the source's other claims about
 * the same contribution, or about its package naming the same donor (or no donor). Only the sources and claims the
 * reader may see.
 */
export async function recordSources(
  db: Db,
  scope: ReadScope,
  records: readonly EvidenceOf[],
): Promise<EvidenceSource[][]> {
  const eventIds = [...new Set(records.flatMap((record) => record.eventIds))];
  if (eventIds.length === 0) return records.map(() => []);
  const evidence = await db
    .selectFrom('rm_evidence as v')
    .innerJoin('rm_sources as s', 's.id', 'v.source_id')
    .leftJoin('rm_claims as c', (join) => join.onRef('c.id', '=', 'v.claim_id'))
    .select(['v.event_id', 'v.source_id', 'v.claim_id', 's.publisher', 's.title', 's.url', 's.language'])
    .select(['s.published_on', 'c.sentence', 'c.stage'])
    .where(sql<boolean>`v.event_id = ANY(${eventIds}::text[])`)
    .where(sourceVisible(scope, 's'))
    .where(sql<boolean>`(v.claim_id = '' OR ${claimVisible(scope, 'c')})`)
    .orderBy('s.published_on')
    .orderBy('v.source_id')
    .orderBy('v.claim_id')
    .execute();
  const sourceIds = [...new Set(evidence.map((row) => row.source_id))];
  const claims =
    sourceIds.length === 0
      ? []
      : await db
          .selectFrom('rm_claims as c')
          .select(['c.id', 'c.source_id', 'c.subject_type', 'c.subject_id', 'c.donor_ids', 'c.stage', 'c.sentence'])
          .where(sql<boolean>`c.source_id = ANY(${sourceIds}::text[])`)
          .where('c.subject_type', 'is not', null)
          .where(claimVisible(scope, 'c'))
          .orderBy('c.id')
          .execute();

  return records.map((record) => {
    const events = new Set(record.eventIds);
    const sources = new Map<string, EvidenceSource>();
    for (const row of evidence) {
      if (!events.has(row.event_id)) continue;
      let source = sources.get(row.source_id);
      if (!source) {
        source = {
          sourceId: row.source_id,
          publisher: row.publisher,
          title: row.title,
          url: row.url,
          language: row.language,
          publishedOn: row.published_on,
          claims: [],
        };
        sources.set(row.source_id, source);
      }
      if (row.claim_id !== '' && row.sentence !== null && !source.claims.some((c) => c.claimId === row.claim_id)) {
        source.claims.push({ claimId: row.claim_id, stage: row.stage ?? '', sentence: row.sentence, linked: true });
      }
    }
    const about = (claim: (typeof claims)[number]) =>
      (claim.subject_type === 'contribution' && claim.subject_id === record.contributionId) ||
      (claim.subject_type === 'package' &&
        claim.subject_id === record.packageId &&
        (claim.donor_ids.length === 0 || claim.donor_ids.includes(record.donorId)));
    for (const claim of claims) {
      const source = sources.get(claim.source_id);
      if (!source || !about(claim) || source.claims.some((c) => c.claimId === claim.id)) continue;
      source.claims.push({ claimId: claim.id, stage: claim.stage, sentence: claim.sentence, linked: false });
    }
    return [...sources.values()];
  });
}
