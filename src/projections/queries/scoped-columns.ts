/**
 * Columns of a read model that are kept over records of every visibility, as a reader sees them: a package's
 * funding totals and donors, a coalition's members, a priority list's requirements. Each is the stored column for a
 * reader who reads everything, and otherwise the same value computed from what the reader may see — so a public
 * package never shows a partner's pledge in its totals, nor a restricted donor among its donors.
 */
import { type RawBuilder, sql } from 'kysely';
import type { ReadScope } from '../../domain/access.ts';
import { aggregatedFor, contributionVisible, organisationVisible, recipientRecordVisible } from './visibility.ts';

/** The package columns that sum or list its contributions. */
export const FUNDING_COLUMNS = [
  'pledged_eur',
  'pledged_usd',
  'committed_eur',
  'committed_usd',
  'paid_eur',
  'paid_usd',
] as const;
export type FundingColumn = (typeof FUNDING_COLUMNS)[number];

/**
 * What projections/contributions.ts adds to a package, from the contributions counted in the reader's aggregates:
 * pledged and committed are the amounts that still stand (committed once committed), paid what was paid.
 */
const FUNDING_SUM: Readonly<Record<FundingColumn, RawBuilder<unknown>>> = {
  pledged_eur: sql`sum(vis_f.amount_eur) FILTER (WHERE vis_f.status <> 'withdrawn')`,
  pledged_usd: sql`sum(vis_f.amount_usd) FILTER (WHERE vis_f.status <> 'withdrawn')`,
  committed_eur: sql`sum(vis_f.amount_eur) FILTER (WHERE vis_f.status <> 'withdrawn' AND vis_f.committed_on IS NOT NULL)`,
  committed_usd: sql`sum(vis_f.amount_usd) FILTER (WHERE vis_f.status <> 'withdrawn' AND vis_f.committed_on IS NOT NULL)`,
  paid_eur: sql`sum(vis_f.paid_eur)`,
  paid_usd: sql`sum(vis_f.paid_usd)`,
};

/** A package's funding total (cents, as text) for the reader: `alias` is the rm_packages row. */
export function packageFunding(scope: ReadScope, alias: string, column: FundingColumn): RawBuilder<string> {
  if (scope.all) return sql<string>`${sql.ref(`${alias}.${column}`)}::text`;
  return sql<string>`(SELECT coalesce(${FUNDING_SUM[column]}, 0)::bigint::text FROM rm_contributions vis_f
    WHERE vis_f.package_id = ${sql.ref(`${alias}.id`)} AND ${aggregatedFor(scope, 'vis_f.visibility')})`;
}

/** The donors of a package's standing contributions that the reader may see. */
export function packageDonors(scope: ReadScope, alias: string): RawBuilder<string[]> {
  if (scope.all) return sql<string[]>`${sql.ref(`${alias}.donor_ids`)}`;
  return sql<string[]>`coalesce((SELECT array_agg(DISTINCT vis_d.donor_id ORDER BY vis_d.donor_id)
    FROM rm_contributions vis_d WHERE vis_d.package_id = ${sql.ref(`${alias}.id`)} AND vis_d.status <> 'withdrawn'
    AND ${contributionVisible(scope, 'vis_d')}), '{}')`;
}

/** The ids in a text[] column that name rows of `table` the reader may see, in their order. */
function visibleIds(
  column: string,
  table: 'rm_organisations' | 'rm_requirements',
  visible: (scope: ReadScope, alias: string) => RawBuilder<boolean>,
  scope: ReadScope,
): RawBuilder<string[]> {
  if (scope.all) return sql<string[]>`${sql.ref(column)}`;
  return sql<string[]>`ARRAY(SELECT vis_u.id FROM unnest(${sql.ref(column)}) WITH ORDINALITY AS vis_u(id, n)
    WHERE EXISTS (SELECT 1 FROM ${sql.table(table)} vis_r WHERE vis_r.id = vis_u.id AND ${visible(scope, 'vis_r')})
    ORDER BY vis_u.n)`;
}

/** A coalition's members that the reader may see. */
export const visibleMembers = (scope: ReadScope, alias: string): RawBuilder<string[]> =>
  visibleIds(`${alias}.members`, 'rm_organisations', organisationVisible, scope);

/** A priority list's requirements that the reader may see, in rank order. */
export const visibleRequirementIds = (scope: ReadScope, alias: string): RawBuilder<string[]> =>
  visibleIds(`${alias}.requirement_ids`, 'rm_requirements', recipientRecordVisible, scope);
