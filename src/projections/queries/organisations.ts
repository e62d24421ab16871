import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ProjectionTables } from '../tables.ts';
import type { ReportingCurrency } from './common.ts';
import { type DonorSummary, donorSummary } from './totals.ts';

export interface OrganisationView {
  id: string;
  kind: string;
  iso3166: string | null;
  names: { uk: string; en: string; ru: string };
  members: string[];
  visibility: string;
}

export async function listOrganisations(
  db: Db,
  filter: { kind?: string | undefined } = {},
): Promise<OrganisationView[]> {
  let query = db.selectFrom('rm_organisations').selectAll().orderBy('id');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return (await query.execute()).map(toView);
}

function toView(row: Selectable<ProjectionTables['rm_organisations']>): OrganisationView {
  return {
    id: row.id,
    kind: row.kind,
    iso3166: row.iso3166,
    names: { uk: row.name_uk, en: row.name_en, ru: row.name_ru },
    members: row.members,
    visibility: row.visibility,
  };
}

async function getOrganisation(db: Db, id: string): Promise<OrganisationView | undefined> {
  const [row] = await db.selectFrom('rm_organisations').selectAll().where('id', '=', id).execute();
  return row ? toView(row) : undefined;
}

export interface OrganisationDetail extends OrganisationView {
  /** Totals by stage when the organisation gave, itself or through a coalition it belongs to; else null. */
  donorSummary: DonorSummary | null;
}

/** One organisation for its page: the profile, and the donor figures when it is a donor. */
export async function getOrganisationDetail(
  db: Db,
  id: string,
  currency: ReportingCurrency,
): Promise<OrganisationDetail | undefined> {
  const organisation = await getOrganisation(db, id);
  if (!organisation) return undefined;
  const given = await db
    .selectFrom('rm_contributions as c')
    .select('c.id')
    .where((eb) =>
      eb.or([
        eb('c.donor_id', '=', id),
        eb(
          'c.donor_id',
          'in',
          eb.selectFrom('rm_organisations').select('id').where(sql<boolean>`${id} = ANY(members)`),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return { ...organisation, donorSummary: given ? await donorSummary(db, id, currency) : null };
}
