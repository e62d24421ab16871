import { EVERY_ORGANISATION, type Grant, ROLES, type Role } from '../access.ts';
import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertId } from '../facts.ts';

/**
 * A person who signs in, and the roles they hold. The ledger keeps who they are and what they may do, so that every
 * grant is as tamper-evident as the facts it lets them record; their password never enters it (see app/people.ts).
 */
export type PersonEvent =
  | DomainEvent<'PersonAdded', { id: string; name: string }>
  | DomainEvent<'RoleGranted', Grant>
  | DomainEvent<'RoleRevoked', Grant>;

export type PersonCommand =
  | { type: 'AddPerson'; id: string; name: string }
  | { type: 'GrantRole'; organisationId: string; role: string; organisationKnown: boolean }
  | { type: 'RevokeRole'; organisationId: string; role: string };

export type PersonState = { status: 'none' } | { status: 'active'; id: string; name: string; grants: readonly Grant[] };

const NAME_MAX = 200;

export function assertRole(role: string, field: string): Role {
  const known = ROLES.find((candidate) => candidate === role);
  if (!known) throw invalid('role-unknown', field, `"${role}" is not a role (one of ${ROLES.join(', ')})`);
  return known;
}

const sameGrant = (a: Grant, b: Grant) => a.organisationId === b.organisationId && a.role === b.role;

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  streamType: 'person',
  initialState: { status: 'none' },

  /** Granting or revoking a role acts for the organisation it is held in; adding a person for none. */
  actingFor: (command) => (command.type === 'AddPerson' ? null : command.organisationId),

  decide(command, state) {
    switch (command.type) {
      case 'AddPerson': {
        if (state.status !== 'none') throw ruleBroken('person-already-added', `"${command.id}" already exists`, 'id');
        const name = command.name.trim();
        if (name === '' || name.length > NAME_MAX) {
          throw invalid('name-invalid', 'name', `a name has 1 to ${NAME_MAX} characters`);
        }
        return [{ type: 'PersonAdded', data: { id: assertId(command.id, 'id'), name } }];
      }
      case 'GrantRole': {
        if (state.status === 'none') throw notFound('person-unknown', 'no such person');
        const grant = { organisationId: command.organisationId, role: assertRole(command.role, 'role') };
        if (grant.organisationId !== EVERY_ORGANISATION && !command.organisationKnown) {
          throw notFound(
            'organisation-unknown',
            `"${grant.organisationId}" is not a registered organisation`,
            'organisationId',
          );
        }
        if (state.grants.some((held) => sameGrant(held, grant))) {
          throw ruleBroken('role-already-granted', `${state.id} is already ${grant.role} for ${grant.organisationId}`);
        }
        return [{ type: 'RoleGranted', data: grant }];
      }
      case 'RevokeRole': {
        if (state.status === 'none') throw notFound('person-unknown', 'no such person');
        const grant = { organisationId: command.organisationId, role: assertRole(command.role, 'role') };
        if (!state.grants.some((held) => sameGrant(held, grant))) {
          throw ruleBroken('role-not-granted', `${state.id} is not ${grant.role} for ${grant.organisationId}`);
        }
        return [{ type: 'RoleRevoked', data: grant }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PersonAdded':
        return { status: 'active', id: event.data.id, name: event.data.name, grants: [] };
      case 'RoleGranted':
        return state.status === 'active' ? { ...state, grants: [...state.grants, event.data] } : state;
      case 'RoleRevoked':
        return state.status === 'active'
          ? { ...state, grants: state.grants.filter((held) => !sameGrant(held, event.data)) }
          : state;
      default:
        return unreachable(event);
    }
  },
};
