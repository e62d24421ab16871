import { describe, it } from 'vitest';
import {
  type RequirementCommand,
  type RequirementEvent,
  requirementDecider,
} from '../../../src/domain/requirement/requirement.ts';
import { given } from '../../support/given.ts';

type ListRequirement = Extract<RequirementCommand, { type: 'ListRequirement' }>;
type Listed = Extract<RequirementEvent, { type: 'RequirementListed' }>['data'];

const TITLE = { en: 'Patriot interceptors', uk: 'Ракети-перехоплювачі Patriot' };

function list(overrides: Partial<ListRequirement> = {}): ListRequirement {
  return {
    type: 'ListRequirement',
    id: 'req-patriot',
    recipientId: 'ua',
    recipientKnown: true,
    priorityRank: 1,
    visibility: 'partners',
    title: TITLE,
    category: 'air-defence',
    ...overrides,
  };
}

const listed = (overrides: Partial<Listed> = {}): RequirementEvent => ({
  type: 'RequirementListed',
  data: {
    id: 'req-patriot',
    recipientId: 'ua',
    priorityRank: 1,
    visibility: 'partners',
    title: TITLE,
    category: 'air-defence',
    quantity: null,
    unit: null,
    estimatedValue: null,
    ...overrides,
  },
});
const withdrawn: RequirementEvent = { type: 'RequirementWithdrawn', data: { reason: 'covered by Germany' } };

describe('requirement: ListRequirement', () => {
  it('lists a need whose quantity and value are unknown', () => {
    given(requirementDecider).when(list()).then([listed()]);
  });

  it('lists a need with its quantity, unit and estimated value, normalised', () => {
    given(requirementDecider)
      .when(list({ quantity: 30, unit: ' missiles ', estimatedValue: { amount: '120000000', currency: 'USD' } }))
      .then([listed({ quantity: 30, unit: 'missiles', estimatedValue: { amount: '120000000.00', currency: 'USD' } })]);
  });

  it('a requirement is listed once', () => {
    given(requirementDecider, listed()).when(list()).thenFails('requirement-already-listed', 'id');
  });

  it('the recipient is a registered organisation', () => {
    given(requirementDecider)
      .when(list({ recipientKnown: false }))
      .thenFails('organisation-unknown', 'recipientId');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the priority rank %s', (priorityRank) => {
    given(requirementDecider).when(list({ priorityRank })).thenFails('priority-rank-invalid', 'priorityRank');
  });

  it('refuses a category that is not on the list', () => {
    given(requirementDecider)
      .when(list({ category: 'missiles' }))
      .thenFails('category-unknown', 'category');
  });

  it.each([0, -5, 2.5])('refuses the quantity %s', (quantity) => {
    given(requirementDecider).when(list({ quantity })).thenFails('quantity-must-be-positive-integer', 'quantity');
  });

  it('refuses a blank unit', () => {
    given(requirementDecider)
      .when(list({ unit: '  ' }))
      .thenFails('unit-empty', 'unit');
  });

  it('refuses an estimated value that is not positive or not in an ISO currency', () => {
    given(requirementDecider)
      .when(list({ estimatedValue: { amount: '0', currency: 'USD' } }))
      .thenFails('amount-must-be-positive', 'estimatedValue.amount');
    given(requirementDecider)
      .when(list({ estimatedValue: { amount: '1', currency: 'USDT' } }))
      .thenFails('currency-not-iso-4217', 'estimatedValue.currency');
  });

  it('needs a title in at least one language', () => {
    given(requirementDecider)
      .when(list({ title: {} }))
      .thenFails('text-missing', 'title');
    given(requirementDecider)
      .when(list({ title: { en: ' ' } }))
      .thenFails('text-empty', 'title.en');
  });

  it('refuses a malformed id', () => {
    given(requirementDecider)
      .when(list({ id: 'req patriot' }))
      .thenFails('id-invalid', 'id');
  });
});

describe('requirement: AmendRequirement', () => {
  it('amends only the details it names', () => {
    given(requirementDecider, listed())
      .when({ type: 'AmendRequirement', quantity: 24, unit: 'missiles' })
      .then([{ type: 'RequirementAmended', data: { quantity: 24, unit: 'missiles' } }]);
  });

  it('clears a quantity that turned out to be unknown', () => {
    given(requirementDecider, listed({ quantity: 30, unit: 'missiles' }))
      .when({ type: 'AmendRequirement', quantity: null, unit: null })
      .then([{ type: 'RequirementAmended', data: { quantity: null, unit: null } }]);
  });

  it('names at least one thing to change', () => {
    given(requirementDecider, listed()).when({ type: 'AmendRequirement' }).thenFails('nothing-to-change');
  });

  it('checks the amended details like a new listing', () => {
    given(requirementDecider, listed())
      .when({ type: 'AmendRequirement', category: 'tanks' })
      .thenFails('category-unknown', 'category');
  });

  it('a requirement that was never listed cannot be amended', () => {
    given(requirementDecider).when({ type: 'AmendRequirement', quantity: 1 }).thenFails('requirement-unknown');
  });

  it('a withdrawn requirement cannot be amended', () => {
    given(requirementDecider, listed(), withdrawn)
      .when({ type: 'AmendRequirement', quantity: 1 })
      .thenFails('requirement-withdrawn');
  });
});

describe('requirement: ReprioritiseRequirement', () => {
  it('moves a requirement to another rank', () => {
    given(requirementDecider, listed())
      .when({ type: 'ReprioritiseRequirement', priorityRank: 3 })
      .then([{ type: 'RequirementReprioritised', data: { priorityRank: 3 } }]);
  });

  it('the same rank again changes nothing', () => {
    given(requirementDecider, listed(), { type: 'RequirementReprioritised', data: { priorityRank: 3 } })
      .when({ type: 'ReprioritiseRequirement', priorityRank: 3 })
      .then([]);
  });

  it('refuses a rank below 1', () => {
    given(requirementDecider, listed())
      .when({ type: 'ReprioritiseRequirement', priorityRank: 0 })
      .thenFails('priority-rank-invalid', 'priorityRank');
  });

  it('a withdrawn requirement keeps its rank', () => {
    given(requirementDecider, listed(), withdrawn)
      .when({ type: 'ReprioritiseRequirement', priorityRank: 2 })
      .thenFails('requirement-withdrawn');
  });
});

describe('requirement: WithdrawRequirement', () => {
  it('withdraws a requirement with a reason', () => {
    given(requirementDecider, listed())
      .when({ type: 'WithdrawRequirement', reason: ' covered by Germany ' })
      .then([withdrawn]);
  });

  it('a withdrawal says why', () => {
    given(requirementDecider, listed())
      .when({ type: 'WithdrawRequirement', reason: '' })
      .thenFails('reason-required', 'reason');
  });

  it('a requirement is withdrawn once', () => {
    given(requirementDecider, listed(), withdrawn)
      .when({ type: 'WithdrawRequirement', reason: 'again' })
      .thenFails('requirement-withdrawn');
  });
});
