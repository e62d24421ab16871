import type { Db } from '../../db/index.ts';

export interface OrganisationView {
  id: string;
  kind: string;
  iso3166: string | null;
  names: { uk: string; en: string; ru: string };
  members: string[];
  visibility: string;
}

export async function listOrganisations(db: Db, filter: { kind?: string | undefined } = {}): Promise<OrganisationView[]> {
  let query = db.selectFrom('rm_organisations').selectAll().orderBy('id');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    iso3166: row.iso3166,
    names: { uk: row.name_uk, en: row.name_en, ru: row.name_ru },
    members: row.members,
    visibility: row.visibility,
  }));
}

export async function getOrganisation(db: Db, id: string): Promise<OrganisationView | undefined> {
  const rows = await db.selectFrom('rm_organisations').selectAll().where('id', '=', id).execute();
  const row = rows[0];
  return row
    ? { id: row.id, kind: row.kind, iso3166: row.iso3166, names: { uk: row.name_uk, en: row.name_en, ru: row.name_ru }, members: row.members, visibility: row.visibility }
    : undefined;
}
