import { describe, expect, it } from 'vitest';
import {
  type PriorityListCommand,
  type PriorityListEvent,
  priorityListDecider,
  priorityListId,
} from '../../../src/domain/priority-list/priority-list.ts';
import { given } from '../../support/given.ts';

type Draft = Extract<PriorityListCommand, { type: 'DraftPriorityList' }>;

const OPEN = new Set(['req-patriot', 'req-himars', 'req-155mm']);

function draft(overrides: Partial<Draft> = {}): Draft {
  return {
    type: 'DraftPriorityList',
    recipientId: 'ua',
    period: '2025-09',
    requirementIds: ['req-patriot', 'req-himars'],
    openRequirements: OPEN,
    ...overrides,
  };
}

const drafted = (requirementIds: readonly string[] = ['req-patriot', 'req-himars']): PriorityListEvent => ({
  type: 'PriorityListDrafted',
  data: { recipientId: 'ua', period: '2025-09', requirementIds },
});
const approvedBy = (approverId: string): PriorityListEvent => ({ type: 'PriorityListApproved', data: { approverId } });
const approve = (approverId: string, approverKnown = true): PriorityListCommand => ({
  type: 'ApprovePriorityList',
  approverId,
  approverKnown,
});

describe('priority list: DraftPriorityList', () => {
  it('drafts a ranked list of open requirements for a month', () => {
    given(priorityListDecider).when(draft()).then([drafted()]);
  });

  it('a draft may be redrafted until it is approved', () => {
    given(priorityListDecider, drafted())
      .when(draft({ requirementIds: ['req-155mm', 'req-patriot'] }))
      .then([drafted(['req-155mm', 'req-patriot'])]);
  });

  it('an approved list is final', () => {
    given(priorityListDecider, drafted(), approvedBy('ua')).when(draft()).thenFails('priority-list-already-approved');
  });

  it.each(['2025-13', '2025-9', '2025-00', '2025-09-01', 'September 2025'])('refuses the period "%s"', (period) => {
    given(priorityListDecider).when(draft({ period })).thenFails('period-invalid', 'period');
  });

  it('ranks at least one requirement', () => {
    given(priorityListDecider)
      .when(draft({ requirementIds: [] }))
      .thenFails('priority-list-empty', 'requirementIds');
  });

  it('ranks each requirement once', () => {
    given(priorityListDecider)
      .when(draft({ requirementIds: ['req-patriot', 'req-himars', 'req-patriot'] }))
      .thenFails('requirement-duplicated', 'requirementIds[2]');
  });

  it('ranks only the recipient’s open requirements', () => {
    given(priorityListDecider)
      .when(draft({ requirementIds: ['req-patriot', 'req-withdrawn'] }))
      .thenFails('requirement-unknown', 'requirementIds[1]');
  });
});

describe('priority list: ApprovePriorityList', () => {
  it('a party approves the draft', () => {
    given(priorityListDecider, drafted())
      .when(approve('ua'))
      .then([approvedBy('ua')]);
  });

  it('each party approves the list once; another party may still approve it', () => {
    given(priorityListDecider, drafted(), approvedBy('ua'))
      .when(approve('ua'))
      .thenFails('priority-list-already-approved', 'approverId');
    given(priorityListDecider, drafted(), approvedBy('ua'))
      .when(approve('nsatu'))
      .then([approvedBy('nsatu')]);
  });

  it('only a drafted list is approved', () => {
    given(priorityListDecider).when(approve('ua')).thenFails('priority-list-unknown');
  });

  it('the approver is a registered organisation', () => {
    given(priorityListDecider, drafted())
      .when(approve('someone', false))
      .thenFails('organisation-unknown', 'approverId');
  });
});

describe('priority list: identity', () => {
  it('one list per recipient and month', () => {
    expect(priorityListId('ua', '2025-09')).toBe('ua:2025-09');
  });
});
