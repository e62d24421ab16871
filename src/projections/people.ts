import { unreachable } from '../domain/decider.ts';
import type { PersonEvent } from '../domain/person/person.ts';
import type { TokenEvent } from '../domain/person/token.ts';
import type { StoredEvent } from '../ledger/event.ts';
import { entityId, type Tx } from './context.ts';

export async function projectPerson(tx: Tx, stored: StoredEvent, event: PersonEvent): Promise<void> {
  const personId = entityId(stored);
  switch (event.type) {
    case 'PersonAdded':
      await tx
        .insertInto('rm_people')
        .values({ id: event.data.id, name: event.data.name, added_at: stored.recordedAt })
        .execute();
      return;
    case 'RoleGranted':
      await tx
        .insertInto('rm_person_grants')
        .values({ person_id: personId, organisation_id: event.data.organisationId, role: event.data.role })
        .execute();
      return;
    case 'RoleRevoked':
      await tx
        .deleteFrom('rm_person_grants')
        .where('person_id', '=', personId)
        .where('organisation_id', '=', event.data.organisationId)
        .where('role', '=', event.data.role)
        .execute();
      return;
    default:
      unreachable(event);
  }
}

export async function projectToken(tx: Tx, stored: StoredEvent, event: TokenEvent): Promise<void> {
  switch (event.type) {
    case 'TokenIssued': {
      const { id, organisationId, role, label, expiresOn } = event.data;
      await tx
        .insertInto('rm_tokens')
        .values({
          id,
          organisation_id: organisationId,
          role,
          label,
          issued_by: stored.meta.actor,
          issued_at: stored.recordedAt,
          expires_on: expiresOn,
          revoked_at: null,
        })
        .execute();
      return;
    }
    case 'TokenRevoked':
      await tx
        .updateTable('rm_tokens')
        .set({ revoked_at: stored.recordedAt })
        .where('id', '=', entityId(stored))
        .execute();
      return;
    default:
      unreachable(event);
  }
}
