import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { trimDecimal } from './common.ts';
import { claimVisible } from './visibility.ts';

/** A source that states a fact. */
export interface FactSource {
  id: string;
  publisher: string;
  language: string;
  title: string;
  publishedOn: string | null;
}

/**
 * One fact, however many sources state it: the same donors, stage and amount. Listed once, with every claim that
 * states it and, once each, the sources behind them.
 */
export interface FactView {
  /** `dk+no+se|pledged|500000000 USD` */
  key: string;
  donorIds: string[];
  stage: string;
  amount: MoneyJson | null;
  claims: {
    id: string;
    sourceId: string;
    sentence: string;
    statedOn: string | null;
    subject: { type: string; id: string } | null;
    linkedEventIds: string[];
  }[];
  sources: FactSource[];
}

/** Every recorded claim the reader may see, grouped into facts, the most recently reported first. */
export async function listFacts(
  db: Db,
  scope: ReadScope,
  filter: { limit?: number | undefined; offset?: number | undefined } = {},
): Promise<FactView[]> {
  const rows = await db
    .selectFrom('rm_claims as c')
    .innerJoin('rm_sources as s', 's.id', 'c.source_id')
    .selectAll('c')
    .select(['s.publisher', 's.language', 's.title', 's.published_on'])
    .where(claimVisible(scope, 'c'))
    .orderBy('s.published_on', (ob) => ob.asc().nullsLast())
    .orderBy('c.id')
    .execute();
  const facts = new Map<string, FactView & { latest: string }>();
  for (const row of rows) {
    const donorIds = [...new Set(row.donor_ids)].sort();
    const amount =
      row.amount !== null && row.currency ? { amount: trimDecimal(row.amount), currency: row.currency } : null;
    const key = `${donorIds.join('+')}|${row.stage}|${amount ? `${amount.amount} ${amount.currency}` : '-'}`;
    let fact = facts.get(key);
    if (!fact) {
      fact = { key, donorIds, stage: row.stage, amount, claims: [], sources: [], latest: '' };
      facts.set(key, fact);
    }
    fact.claims.push({
      id: row.id,
      sourceId: row.source_id,
      sentence: row.sentence,
      statedOn: row.stated_on,
      subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
      linkedEventIds: row.linked_event_ids,
    });
    if (!fact.sources.some((source) => source.id === row.source_id)) {
      fact.sources.push({
        id: row.source_id,
        publisher: row.publisher,
        language: row.language,
        title: row.title,
        publishedOn: row.published_on,
      });
    }
    if (row.published_on && row.published_on > fact.latest) fact.latest = row.published_on;
  }
  const offset = filter.offset ?? 0;
  return [...facts.values()]
    .sort((a, b) => b.latest.localeCompare(a.latest) || a.key.localeCompare(b.key))
    .slice(offset, offset + (filter.limit ?? 200))
    .map(({ latest: _latest, ...fact }) => fact);
}
