import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { ReportingCurrency } from './common.ts';
import { visibleMembers } from './scoped-columns.ts';
import { type DonorSummary, donorSummary } from './totals.ts';
import { aggregatedFor, organisationVisible } from './visibility.ts';

export interface OrganisationView {
  id: string;
  kind: string;
  iso3166: string | null;
  names: { uk: string; en: string; ru: string };
  members: string[];
  visibility: string;
}

/** The organisations the reader may see; a coalition lists the members the reader may see. */
export async function listOrganisations(
  db: Db,
  scope: ReadScope,
  filter: { id?: string | undefined; kind?: string | undefined } = {},
): Promise<OrganisationView[]> {
  let query = db
    .selectFrom('rm_organisations as o')
    .select(['o.id', 'o.kind', 'o.iso3166', 'o.name_uk', 'o.name_en', 'o.name_ru', 'o.visibility'])
    .select(visibleMembers(scope, 'o').as('members'))
    .where(organisationVisible(scope, 'o'))
    .orderBy('o.id');
  if (filter.id) query = query.where('o.id', '=', filter.id);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  return (await query.execute()).map((row) => ({
    id: row.id,
    kind: row.kind,
    iso3166: row.iso3166,
    names: { uk: row.name_uk, en: row.name_en, ru: row.name_ru },
    members: row.members,
    visibility: row.visibility,
  }));
}

export interface OrganisationDetail extends OrganisationView {
  /** Totals by stage when the organisation gave, itself or through a coalition it belongs to; else null. */
  donorSummary: DonorSummary | null;
}

/**
 * One organisation for its page, if the reader may see it: the profile, and the donor figures when it gave in what
 * the reader's aggregates count.
 */
export async function getOrganisationDetail(
  db: Db,
  scope: ReadScope,
  id: string,
  currency: ReportingCurrency,
): Promise<OrganisationDetail | undefined> {
  const [organisation] = await listOrganisations(db, scope, { id });
  if (!organisation) return undefined;
  const given = await db
    .selectFrom('rm_contributions as c')
    .select('c.id')
    .where(aggregatedFor(scope, 'c.visibility'))
    .where((eb) =>
      eb.or([
        eb('c.donor_id', '=', id),
        eb(
          'c.donor_id',
          'in',
          eb
            .selectFrom('rm_organisations as k')
            .select('k.id')
            .where(sql<boolean>`${id} = ANY(k.members)`)
            .where(organisationVisible(scope, 'k')),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return { ...organisation, donorSummary: given ? await donorSummary(db, scope, id, currency) : null };
}
