import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { LocalizedText } from '../../domain/facts.ts';
import { formatMoney, type MoneyJson } from '../../domain/money.ts';
import type { Stage } from '../totals.ts';
import { cents, type ReportingCurrency } from './common.ts';
import { type EvidenceSource, recordSources } from './records-evidence.ts';
import { figureParts, type LedgerEvent } from './records-parts.ts';
import { aggregatedFor, packageVisible } from './visibility.ts';

export interface FigureFilter {
  readonly currency: ReportingCurrency;
  readonly stage: Stage;
  readonly donorId?: string | undefined;
  /** YYYY-MM */
  readonly month?: string | undefined;
  readonly category?: string | undefined;
}

export interface FigureRecord {
  contributionId: string;
  donorId: string;
  packageId: string | null;
  packageTitle: LocalizedText | null;
  category: string;
  /** What this contribution adds to the figure, in the reporting currency; and the same in its own currency. */
  amount: MoneyJson;
  original: MoneyJson;
  /** The latest day among the parts: the day that placed the amount in its month. */
  on: string;
  /** The weakest basis of the events counted (official, then reported, then estimate). */
  basis: string;
  parts: { eventId: string; type: string; on: string; amount: MoneyJson }[];
  sources: EvidenceSource[];
}

export interface FigureRecords {
  currency: ReportingCurrency;
  stage: Stage;
  filters: { donor?: string; month?: string; category?: string };
  total: MoneyJson;
  records: FigureRecord[];
}

const BASIS_RANK: Readonly<Record<string, number>> = { official: 0, reported: 1, estimate: 2 };
const weaker = (a: string, b: string): string => ((BASIS_RANK[b] ?? 3) > (BASIS_RANK[a] ?? 3) ? b : a);

/**
 * The contributions that can have a part in the figure: a cheap pre-selection; the replay decides. Only those of the
 * visibilities the reader's totals count (so the records add up to them), with their package's title when the reader
 * may see the package.
 */
async function candidates(db: Db, scope: ReadScope, filter: FigureFilter) {
  const inMonth = (column: string) =>
    sql<boolean>`date_trunc('month', ${sql.ref(column)}) = ${`${filter.month}-01`}::date`;
  let query = db
    .selectFrom('rm_contributions as c')
    .leftJoin('rm_packages as p', 'p.id', 'c.package_id')
    .select(['c.id', 'c.donor_id', 'c.package_id', 'c.category', 'c.currency'])
    .select(sql<unknown>`CASE WHEN ${packageVisible(scope, 'p')} THEN p.title END`.as('title'))
    .where(aggregatedFor(scope, 'c.visibility'))
    .orderBy('c.id');
  if (filter.donorId) query = query.where('c.donor_id', '=', filter.donorId);
  if (filter.category) query = query.where('c.category', '=', filter.category);
  if (filter.stage === 'pledged' && filter.month) query = query.where(inMonth('c.pledged_on'));
  if (filter.stage === 'committed') query = query.where('c.committed_on', 'is not', null);
  if (filter.stage === 'committed' && filter.month) query = query.where(inMonth('c.committed_on'));
  if (filter.stage === 'paid') query = query.where('c.last_paid_on', 'is not', null);
  if (filter.stage === 'paid' && filter.month)
    query = query.where(sql<boolean>`c.last_paid_on >= ${`${filter.month}-01`}::date`);
  if (filter.stage === 'delivered') query = query.where(sql<boolean>`p.delivered_num <> 0`);
  return query.execute();
}

/** The events the replay needs: the contributions' own, and for delivered value their packages' receipts. */
async function ledgerEvents(db: Db, contributionIds: string[], packageIds: string[]): Promise<LedgerEvent[]> {
  const streams = [...contributionIds.map((id) => `contribution-${id}`), ...packageIds.map((id) => `package-${id}`)];
  if (streams.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .select(['event_id', 'stream_id', 'stream_type', 'type', 'data'])
    .select([sql<string>`meta->>'basis'`.as('basis'), sql<string>`meta->>'occurredOn'`.as('occurred_on')])
    .where(sql<boolean>`stream_id = ANY(${streams}::text[])`)
    .where((eb) => eb.or([eb('stream_type', '=', 'contribution'), eb('type', '=', 'DeliveryReceived')]))
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    eventId: row.event_id,
    streamType: row.stream_type,
    entityId: row.stream_id.slice(row.stream_type.length + 1),
    type: row.type,
    data: row.data,
    basis: row.basis,
    occurredOn: row.occurred_on,
  }));
}

/**
 * The records behind one figure of the overview (a stage's total, for a donor, a month and/or a category): each
 * contribution's share of it, with the dated parts that make it up and the sources of its events. The records add up
 * to exactly what GET /api/totals answers for the same filters and reader, because they are the same changes, replayed.
 */
export async function figureRecords(db: Db, scope: ReadScope, filter: FigureFilter): Promise<FigureRecords> {
  const contributions = await candidates(db, scope, filter);
  const packageIds =
    filter.stage === 'delivered' ? [...new Set(contributions.flatMap((row) => row.package_id ?? []))] : [];
  const events = await ledgerEvents(
    db,
    contributions.map((row) => row.id),
    packageIds,
  );
  const column = filter.currency === 'EUR' ? 'eur' : 'usd';
  const counted = figureParts(events).filter(
    (part) =>
      part.stage === filter.stage &&
      part.amounts[column] !== 0n &&
      (!filter.month || part.on.slice(0, 7) === filter.month),
  );
  const records: (FigureRecord & { value: bigint; eventIds: string[] })[] = [];
  for (const row of contributions) {
    const parts = counted.filter((part) => part.contributionId === row.id);
    const value = parts.reduce((sum, part) => sum + part.amounts[column], 0n);
    if (value === 0n) continue;
    const own = parts.reduce((sum, part) => sum + part.amounts.own, 0n);
    records.push({
      contributionId: row.id,
      donorId: row.donor_id,
      packageId: row.package_id,
      packageTitle: (row.title as LocalizedText | null) ?? null,
      category: row.category,
      amount: cents(value, filter.currency),
      original: formatMoney({ minor: own, currency: row.currency }),
      on:
        parts
          .map((part) => part.on)
          .sort()
          .at(-1) ?? '',
      basis: parts.reduce((basis, part) => weaker(basis, part.basis), 'official'),
      parts: parts.map((part) => ({
        eventId: part.eventId,
        type: part.type,
        on: part.on,
        amount: cents(part.amounts[column], filter.currency),
      })),
      sources: [],
      value,
      // Evidence: every event of the contribution, and the receipts its delivered part was counted at.
      eventIds: [
        ...new Set([
          ...events.filter((e) => e.streamType === 'contribution' && e.entityId === row.id).map((e) => e.eventId),
          ...parts.map((part) => part.eventId),
        ]),
      ],
    });
  }
  records.sort((a, b) =>
    a.value === b.value ? a.contributionId.localeCompare(b.contributionId) : a.value > b.value ? -1 : 1,
  );
  const sources = await recordSources(db, scope, records);
  return {
    currency: filter.currency,
    stage: filter.stage,
    filters: {
      ...(filter.donorId ? { donor: filter.donorId } : {}),
      ...(filter.month ? { month: filter.month } : {}),
      ...(filter.category ? { category: filter.category } : {}),
    },
    total: cents(
      records.reduce((sum, record) => sum + record.value, 0n),
      filter.currency,
    ),
    records: records.map(({ value: _value, eventIds: _eventIds, ...record }, index) => ({
      ...record,
      sources: sources[index] ?? [],
    })),
  };
}
