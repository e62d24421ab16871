import { EVERY_ORGANISATION, type Grant } from '../access.ts';
import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';
import { assertIsoDate } from '../facts.ts';
import { assertRole } from './person.ts';

/**
 * An API token for a machine: one role in one organisation, until it expires or is revoked. The ledger records that
 * it was issued and by whom; the secret is shown once and only its hash is kept, outside the ledger.
 */
export type TokenEvent =
  | DomainEvent<'TokenIssued', Grant & { id: string; label: string; expiresOn: string | null }>
  | DomainEvent<'TokenRevoked', { reason: string | null }>;

export type TokenCommand =
  | {
      type: 'IssueToken';
      id: string;
      organisationId: string;
      organisationKnown: boolean;
      role: string;
      label: string;
      expiresOn: string | null;
      today: string;
    }
  | { type: 'RevokeToken'; reason: string | null };

export type TokenState =
  | { status: 'none' }
  | ({ status: 'active' | 'revoked'; id: string; label: string; expiresOn: string | null } & Grant);

const LABEL_MAX = 200;

export const tokenDecider: Decider<TokenCommand, TokenEvent, TokenState> = {
  streamType: 'token',
  initialState: { status: 'none' },

  /** The organisation the token acts for. */
  actingFor: (command, state) =>
    command.type === 'IssueToken' ? command.organisationId : state.status === 'none' ? null : state.organisationId,

  decide(command, state) {
    switch (command.type) {
      case 'IssueToken': {
        if (state.status !== 'none') throw ruleBroken('token-already-issued', `token "${command.id}" exists`, 'id');
        const label = command.label.trim();
        if (label === '' || label.length > LABEL_MAX) {
          throw invalid('label-invalid', 'label', `a label has 1 to ${LABEL_MAX} characters`);
        }
        if (command.organisationId !== EVERY_ORGANISATION && !command.organisationKnown) {
          throw notFound(
            'organisation-unknown',
            `"${command.organisationId}" is not a registered organisation`,
            'organisationId',
          );
        }
        if (command.expiresOn !== null) {
          assertIsoDate(command.expiresOn, 'expiresOn');
          if (command.expiresOn <= command.today) {
            throw invalid('expiry-not-in-future', 'expiresOn', `${command.expiresOn} is not after today`);
          }
        }
        const role = assertRole(command.role, 'role');
        return [
          {
            type: 'TokenIssued',
            data: { id: command.id, organisationId: command.organisationId, role, label, expiresOn: command.expiresOn },
          },
        ];
      }
      case 'RevokeToken': {
        if (state.status === 'none') throw notFound('token-unknown', 'no such token');
        if (state.status === 'revoked') throw ruleBroken('token-already-revoked', `token "${state.id}" is revoked`);
        return [{ type: 'TokenRevoked', data: { reason: command.reason } }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'TokenIssued':
        return { status: 'active', ...event.data };
      case 'TokenRevoked':
        return state.status === 'none' ? state : { ...state, status: 'revoked' };
      default:
        return unreachable(event);
    }
  },
};
