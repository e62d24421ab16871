import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { LocalizedText } from '../../domain/facts.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { trimDecimal } from './common.ts';
import { visibleRequirementIds } from './scoped-columns.ts';
import { packageVisible, recipientRecordVisible } from './visibility.ts';

export interface RequirementCoverage {
  id: string;
  recipientId: string;
  title: LocalizedText;
  category: string;
  priorityRank: number;
  status: string;
  quantity: number | null;
  unit: string | null;
  estimatedValue: MoneyJson | null;
  /** Quantities in packages that are not cancelled; in packages funded or further; received by the recipient. */
  covered: number;
  funded: number;
  delivered: number;
  packageIds: string[];
  visibility: string;
}

const FUNDED = ['funded', 'contracted', 'in-transit', 'partially-delivered', 'delivered', 'closed'];

/**
 * The requirements the reader may see, in priority order, with how much of each is covered, funded and delivered by
 * the packages the reader may see.
 */
export async function requirementCoverage(
  db: Db,
  scope: ReadScope,
  filter: { id?: string | undefined; recipientId?: string | undefined; includeWithdrawn?: boolean | undefined } = {},
): Promise<RequirementCoverage[]> {
  let query = db
    .selectFrom('rm_requirements as r')
    .leftJoin('rm_package_lines as l', 'l.requirement_id', 'r.id')
    .leftJoin('rm_packages as p', (join) =>
      join.onRef('p.id', '=', 'l.package_id').on('p.status', '<>', 'cancelled').on(packageVisible(scope, 'p')),
    )
    .selectAll('r')
    .select([
      sql<string>`coalesce(sum(l.quantity) FILTER (WHERE p.id IS NOT NULL), 0)::text`.as('covered'),
      sql<string>`coalesce(sum(l.quantity) FILTER (WHERE p.status = ANY(${FUNDED})), 0)::text`.as('funded'),
      sql<string>`coalesce(sum(l.received) FILTER (WHERE p.id IS NOT NULL AND l.quantity IS NOT NULL), 0)::text`.as(
        'delivered',
      ),
      sql<string[]>`coalesce(array_agg(DISTINCT p.id) FILTER (WHERE p.id IS NOT NULL), '{}')`.as('package_ids'),
    ])
    .where(recipientRecordVisible(scope, 'r'))
    .groupBy('r.id')
    .orderBy('r.recipient_id')
    .orderBy('r.priority_rank')
    .orderBy('r.id');
  if (filter.id) query = query.where('r.id', '=', filter.id);
  if (filter.recipientId) query = query.where('r.recipient_id', '=', filter.recipientId);
  if (!filter.includeWithdrawn) query = query.where('r.status', '=', 'listed');
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    recipientId: row.recipient_id,
    title: row.title as LocalizedText,
    category: row.category,
    priorityRank: row.priority_rank,
    status: row.status,
    quantity: row.quantity === null ? null : Number(row.quantity),
    unit: row.unit,
    estimatedValue:
      row.estimated_amount !== null && row.estimated_currency
        ? { amount: trimDecimal(row.estimated_amount), currency: row.estimated_currency }
        : null,
    covered: Number(row.covered),
    funded: Number(row.funded),
    delivered: Number(row.delivered),
    packageIds: row.package_ids,
    visibility: row.visibility,
  }));
}

export interface PriorityListView {
  recipientId: string;
  period: string;
  status: string;
  requirementIds: string[];
  approvals: string[];
  visibility: string;
}

/** The priority lists the reader may see, each with the requirements the reader may see. */
export async function listPriorityLists(
  db: Db,
  scope: ReadScope,
  filter: { recipientId?: string | undefined; period?: string | undefined } = {},
): Promise<PriorityListView[]> {
  let query = db
    .selectFrom('rm_priority_lists as l')
    .select(['l.recipient_id', 'l.period', 'l.status', 'l.approvals', 'l.visibility'])
    .select(visibleRequirementIds(scope, 'l').as('requirement_ids'))
    .where(recipientRecordVisible(scope, 'l'))
    .orderBy('l.period', 'desc')
    .orderBy('l.recipient_id');
  if (filter.recipientId) query = query.where('l.recipient_id', '=', filter.recipientId);
  if (filter.period) query = query.where('l.period', '=', filter.period);
  const rows = await query.execute();
  return rows.map((row) => ({
    recipientId: row.recipient_id,
    period: row.period,
    status: row.status,
    requirementIds: row.requirement_ids,
    approvals: row.approvals,
    visibility: row.visibility,
  }));
}
