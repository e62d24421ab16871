import type { Decider, DomainEvent } from '../decider.ts';
import { unreachable } from '../decider.ts';
import { invalid, notFound, ruleBroken } from '../errors.ts';

/** The ranked requirements of one recipient for one month, approved by the parties. */
export type PriorityListEvent =
  | DomainEvent<'PriorityListDrafted', { recipientId: string; period: string; requirementIds: readonly string[] }>
  | DomainEvent<'PriorityListApproved', { approverId: string }>;

export type PriorityListCommand =
  | {
      type: 'DraftPriorityList';
      recipientId: string;
      period: string;
      requirementIds: readonly string[];
      /** The recipient's open (listed, not withdrawn) requirements, looked up by the app. */
      openRequirements: ReadonlySet<string>;
    }
  | { type: 'ApprovePriorityList'; approverId: string; approverKnown: boolean };

export type PriorityListState =
  | { status: 'empty' }
  | {
      status: 'draft' | 'approved';
      recipientId: string;
      period: string;
      requirementIds: readonly string[];
      approvals: readonly string[];
    };

/** A recipient's list for a month is one record: `<recipient>:<YYYY-MM>`. */
export const priorityListId = (recipientId: string, period: string): string => `${recipientId}:${period}`;

function assertPeriod(period: string): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw invalid('period-invalid', 'period', `"${period}" is not a month written as YYYY-MM`);
  return period;
}

export const priorityListDecider: Decider<PriorityListCommand, PriorityListEvent, PriorityListState> = {
  streamType: 'priority-list',
  initialState: { status: 'empty' },

  /** The recipient drafts its list; each party approves for itself. */
  actingFor: (command) => (command.type === 'DraftPriorityList' ? command.recipientId : command.approverId),

  decide(command, state) {
    switch (command.type) {
      case 'DraftPriorityList': {
        if (state.status === 'approved') {
          throw ruleBroken(
            'priority-list-already-approved',
            "an approved priority list is final; draft next month's instead",
          );
        }
        assertPeriod(command.period);
        if (command.requirementIds.length === 0) {
          throw invalid('priority-list-empty', 'requirementIds', 'a priority list ranks at least one requirement');
        }
        const seen = new Set<string>();
        command.requirementIds.forEach((id, index) => {
          if (seen.has(id))
            throw invalid('requirement-duplicated', `requirementIds[${index}]`, `"${id}" is listed twice`);
          seen.add(id);
          if (!command.openRequirements.has(id)) {
            throw notFound(
              'requirement-unknown',
              `"${id}" is not an open requirement of ${command.recipientId}`,
              `requirementIds[${index}]`,
            );
          }
        });
        return [
          {
            type: 'PriorityListDrafted',
            data: { recipientId: command.recipientId, period: command.period, requirementIds: command.requirementIds },
          },
        ];
      }
      case 'ApprovePriorityList': {
        if (state.status === 'empty')
          throw notFound('priority-list-unknown', 'no priority list has been drafted for that month');
        if (!command.approverKnown) {
          throw notFound(
            'organisation-unknown',
            `"${command.approverId}" is not a registered organisation`,
            'approverId',
          );
        }
        if (state.approvals.includes(command.approverId)) {
          throw ruleBroken(
            'priority-list-already-approved',
            `${command.approverId} has already approved this list`,
            'approverId',
          );
        }
        return [{ type: 'PriorityListApproved', data: { approverId: command.approverId } }];
      }
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PriorityListDrafted':
        return { status: 'draft', ...event.data, approvals: [] };
      case 'PriorityListApproved':
        return state.status === 'empty'
          ? state
          : { ...state, status: 'approved', approvals: [...state.approvals, event.data.approverId] };
      default:
        return unreachable(event);
    }
  },
};
