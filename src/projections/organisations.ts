import { unreachable } from '../domain/decider.ts';
import type { OrganisationEvent } from '../domain/organisation/organisation.ts';
import type { StoredEvent } from '../ledger/event.ts';
import { entityId, type Tx } from './context.ts';

export async function projectOrganisation(tx: Tx, stored: StoredEvent, event: OrganisationEvent): Promise<void> {
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { id, kind, iso3166, names, members, visibility } = event.data;
      await tx
        .insertInto('rm_organisations')
        .values({
          id,
          kind,
          iso3166,
          name_uk: names.uk,
          name_en: names.en,
          name_ru: names.ru,
          members: [...members],
          visibility,
        })
        .execute();
      return;
    }
    case 'OrganisationAmended': {
      const { names, members, iso3166 } = event.data;
      await tx
        .updateTable('rm_organisations')
        .set({
          ...(names ? { name_uk: names.uk, name_en: names.en, name_ru: names.ru } : {}),
          ...(members ? { members: [...members] } : {}),
          ...(iso3166 !== undefined ? { iso3166 } : {}),
        })
        .where('id', '=', entityId(stored))
        .execute();
      return;
    }
    default:
      unreachable(event);
  }
}
