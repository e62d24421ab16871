import { describe, it } from 'vitest';
import {
  type ContributionCommand,
  type ContributionEvent,
  contributionDecider,
} from '../../../src/domain/contribution/contribution.ts';
import type { Equivalents, MoneyJson } from '../../../src/domain/money.ts';
import { given } from '../../support/given.ts';

type PledgeContribution = Extract<ContributionCommand, { type: 'PledgeContribution' }>;

const nok = (amount: string): MoneyJson => ({ amount, currency: 'NOK' });

/** Equivalents are recorded as given: the domain does not recompute them. */
const EQUIVALENTS: Equivalents = {
  eur: { amount: '42000000.00', currency: 'EUR' },
  usd: { amount: '49072800.00', currency: 'USD' },
  rateDate: '2025-08-05',
  rateSource: 'ecb',
};

function pledge(overrides: Partial<PledgeContribution> = {}): PledgeContribution {
  return {
    type: 'PledgeContribution',
    id: 'no-purl-1',
    donorId: 'no',
    donorKnown: true,
    packageId: 'purl-nordic-1',
    package: { status: 'validated', category: 'air-defence' },
    amount: nok('500000000'),
    equivalents: EQUIVALENTS,
    visibility: 'public',
    ...overrides,
  };
}

const pledged = (
  overrides: Partial<Extract<ContributionEvent, { type: 'ContributionPledged' }>['data']> = {},
): ContributionEvent => ({
  type: 'ContributionPledged',
  data: {
    id: 'no-purl-1',
    donorId: 'no',
    packageId: 'purl-nordic-1',
    category: 'air-defence',
    amount: nok('500000000.00'),
    equivalents: EQUIVALENTS,
    visibility: 'public',
    ...overrides,
  },
});
const committed = (amount: string): ContributionEvent => ({
  type: 'ContributionCommitted',
  data: { amount: nok(amount), equivalents: EQUIVALENTS },
});
const paid = (paymentId: string, amount: string): ContributionEvent => ({
  type: 'ContributionPaid',
  data: { paymentId, amount: nok(amount), equivalents: EQUIVALENTS },
});
const amended = (amount: string, reason: string): ContributionEvent => ({
  type: 'ContributionAmended',
  data: { amount: nok(amount), equivalents: EQUIVALENTS, reason },
});
const withdrawn: ContributionEvent = { type: 'ContributionWithdrawn', data: { reason: 'package cancelled' } };

const pay = (paymentId: string, amount: string, currency = 'NOK'): ContributionCommand => ({
  type: 'PayContribution',
  paymentId,
  amount: { amount, currency },
  equivalents: EQUIVALENTS,
});

/** Pledged and committed at NOK 500,000,000.00. */
const COMMITTED = [pledged(), committed('500000000.00')];

describe('contribution: the path from pledge to payment', () => {
  it('is pledged, committed, then paid in parts up to the commitment', () => {
    const history: ContributionEvent[] = [];
    const step = (command: ContributionCommand, expected: ContributionEvent[]): void => {
      given(contributionDecider, ...history)
        .when(command)
        .then(expected);
      history.push(...expected);
    };
    step(pledge(), [pledged()]);
    step({ type: 'CommitContribution', amount: nok('500000000'), equivalents: EQUIVALENTS }, [
      committed('500000000.00'),
    ]);
    step(pay('p1', '200000000'), [paid('p1', '200000000.00')]);
    step(pay('p2', '250000000.5'), [paid('p2', '250000000.50')]);
    given(contributionDecider, ...history)
      .when(pay('p3', '50000000'))
      .thenFails('payment-exceeds-commitment', 'amount.amount');
    step(pay('p3', '49999999.50'), [paid('p3', '49999999.50')]);
    given(contributionDecider, ...history)
      .when(pay('p4', '0.01'))
      .thenFails('payment-exceeds-commitment', 'amount.amount');
  });
});

describe('contribution: PledgeContribution', () => {
  it('a pledge to a package takes the package’s category', () => {
    given(contributionDecider).when(pledge()).then([pledged()]);
  });

  it('a pledge to a package may name its own category', () => {
    given(contributionDecider)
      .when(pledge({ category: 'ammunition' }))
      .then([pledged({ category: 'ammunition' })]);
  });

  it('general support (no package) is pledged with a category', () => {
    given(contributionDecider)
      .when(pledge({ packageId: null, package: null, category: 'humanitarian' }))
      .then([pledged({ packageId: null, category: 'humanitarian' })]);
  });

  it('general support needs a category', () => {
    given(contributionDecider)
      .when(pledge({ packageId: null, package: null }))
      .thenFails('category-required', 'category');
    given(contributionDecider)
      .when(pledge({ packageId: undefined, package: null, category: '' }))
      .thenFails('category-required', 'category');
  });

  it('refuses a category that is not on the list', () => {
    given(contributionDecider)
      .when(pledge({ packageId: null, package: null, category: 'tanks' }))
      .thenFails('category-unknown', 'category');
    given(contributionDecider)
      .when(pledge({ category: 'tanks' }))
      .thenFails('category-unknown', 'category');
  });

  it('a cancelled package cannot be funded', () => {
    given(contributionDecider)
      .when(pledge({ package: { status: 'cancelled', category: 'air-defence' } }))
      .thenFails('package-cancelled', 'packageId');
  });

  it('a closed package takes no new funding', () => {
    given(contributionDecider)
      .when(pledge({ package: { status: 'closed', category: 'air-defence' } }))
      .thenFails('package-already-closed', 'packageId');
  });

  it('a pledge names a package that exists', () => {
    given(contributionDecider)
      .when(pledge({ package: null }))
      .thenFails('package-unknown', 'packageId');
    given(contributionDecider)
      .when(pledge({ package: { status: 'none', category: 'air-defence' } }))
      .thenFails('package-unknown', 'packageId');
  });

  it('the donor is a registered organisation', () => {
    given(contributionDecider)
      .when(pledge({ donorKnown: false }))
      .thenFails('organisation-unknown', 'donorId');
  });

  it('a contribution is pledged once', () => {
    given(contributionDecider, pledged()).when(pledge()).thenFails('contribution-already-pledged', 'id');
  });

  it('refuses a malformed id', () => {
    given(contributionDecider)
      .when(pledge({ id: 'NO/PURL' }))
      .thenFails('id-invalid', 'id');
  });

  it.each(['NKR', 'nok', 'KRONE'])('refuses the currency "%s": not ISO 4217', (currency) => {
    given(contributionDecider)
      .when(pledge({ amount: { amount: '1000', currency } }))
      .thenFails('currency-not-iso-4217', 'amount.currency');
  });

  it.each(['0', '0.00', '-500'])('refuses the amount %s: not positive', (amount) => {
    given(contributionDecider)
      .when(pledge({ amount: nok(amount) }))
      .thenFails('amount-must-be-positive', 'amount.amount');
  });

  it('refuses decimals that the currency does not have', () => {
    given(contributionDecider)
      .when(pledge({ amount: { amount: '75000000000.5', currency: 'JPY' } }))
      .thenFails('amount-too-precise', 'amount.amount');
    given(contributionDecider)
      .when(pledge({ amount: nok('1000.005') }))
      .thenFails('amount-too-precise', 'amount.amount');
  });

  it('refuses an amount that is not a decimal number', () => {
    given(contributionDecider)
      .when(pledge({ amount: nok('500,000,000') }))
      .thenFails('amount-not-decimal', 'amount.amount');
  });

  it('keeps whole yen as they are', () => {
    given(contributionDecider)
      .when(pledge({ amount: { amount: '75000000000', currency: 'JPY' } }))
      .then([pledged({ amount: { amount: '75000000000', currency: 'JPY' } })]);
  });
});

describe('contribution: CommitContribution', () => {
  it('a pledge is committed, possibly for a different amount', () => {
    given(contributionDecider, pledged())
      .when({ type: 'CommitContribution', amount: nok('450000000'), equivalents: EQUIVALENTS })
      .then([committed('450000000.00')]);
  });

  it('a contribution is committed once', () => {
    given(contributionDecider, ...COMMITTED)
      .when({ type: 'CommitContribution', amount: nok('500000000'), equivalents: EQUIVALENTS })
      .thenFails('contribution-already-committed');
  });

  it('a commitment is in the pledge’s currency', () => {
    given(contributionDecider, pledged())
      .when({ type: 'CommitContribution', amount: { amount: '42000000', currency: 'EUR' }, equivalents: EQUIVALENTS })
      .thenFails('currency-mismatch', 'amount.currency');
  });

  it('a commitment is positive', () => {
    given(contributionDecider, pledged())
      .when({ type: 'CommitContribution', amount: nok('0'), equivalents: EQUIVALENTS })
      .thenFails('amount-must-be-positive', 'amount.amount');
  });

  it('a contribution that was never pledged cannot be committed', () => {
    given(contributionDecider)
      .when({ type: 'CommitContribution', amount: nok('1'), equivalents: EQUIVALENTS })
      .thenFails('contribution-unknown');
  });
});

describe('contribution: PayContribution', () => {
  it('a payment cannot exceed the commitment', () => {
    given(contributionDecider, ...COMMITTED)
      .when(pay('p1', '500000000.01'))
      .thenFails('payment-exceeds-commitment', 'amount.amount');
  });

  it('payments together cannot exceed the commitment', () => {
    given(contributionDecider, ...COMMITTED, paid('p1', '300000000.00'))
      .when(pay('p2', '200000000.01'))
      .thenFails('payment-exceeds-commitment', 'amount.amount');
  });

  it('a contribution is paid only after it is committed', () => {
    given(contributionDecider, pledged()).when(pay('p1', '1')).thenFails('contribution-not-committed');
  });

  it('records a payment once', () => {
    given(contributionDecider, ...COMMITTED, paid('p1', '1.00'))
      .when(pay('p1', '1'))
      .thenFails('payment-already-recorded', 'paymentId');
  });

  it('refuses a malformed payment id', () => {
    given(contributionDecider, ...COMMITTED)
      .when(pay('Payment 1', '1'))
      .thenFails('id-invalid', 'paymentId');
  });

  it('a payment is in the contribution’s currency', () => {
    given(contributionDecider, ...COMMITTED)
      .when(pay('p1', '1', 'SEK'))
      .thenFails('currency-mismatch', 'amount.currency');
  });

  it('a payment is positive', () => {
    given(contributionDecider, ...COMMITTED)
      .when(pay('p1', '0'))
      .thenFails('amount-must-be-positive', 'amount.amount');
  });

  it('payments are limited by the amended amount', () => {
    given(contributionDecider, ...COMMITTED, amended('600000000.00', 'top-up'))
      .when(pay('p1', '600000000'))
      .then([paid('p1', '600000000.00')]);
    given(contributionDecider, ...COMMITTED, amended('100000000.00', 'reduced'))
      .when(pay('p1', '100000000.01'))
      .thenFails('payment-exceeds-commitment', 'amount.amount');
  });
});

describe('contribution: AmendContribution', () => {
  it('a contribution is amended with a reason', () => {
    given(contributionDecider, ...COMMITTED, paid('p1', '100000000.00'))
      .when({ type: 'AmendContribution', amount: nok('400000000'), equivalents: EQUIVALENTS, reason: ' budget cut ' })
      .then([amended('400000000.00', 'budget cut')]);
  });

  it('a pledge can be amended before it is committed', () => {
    given(contributionDecider, pledged())
      .when({
        type: 'AmendContribution',
        amount: nok('550000000'),
        equivalents: EQUIVALENTS,
        reason: 'parliament approved more',
      })
      .then([amended('550000000.00', 'parliament approved more')]);
  });

  it('an amendment cannot go below what has been paid', () => {
    given(contributionDecider, ...COMMITTED, paid('p1', '300000000.00'))
      .when({ type: 'AmendContribution', amount: nok('299999999.99'), equivalents: EQUIVALENTS, reason: 'cut' })
      .thenFails('amendment-below-paid', 'amount.amount');
  });

  it('an amendment down to exactly what has been paid is accepted', () => {
    given(contributionDecider, ...COMMITTED, paid('p1', '300000000.00'))
      .when({ type: 'AmendContribution', amount: nok('300000000'), equivalents: EQUIVALENTS, reason: 'cut' })
      .then([amended('300000000.00', 'cut')]);
  });

  it('an amendment to the same amount changes nothing', () => {
    given(contributionDecider, ...COMMITTED)
      .when({ type: 'AmendContribution', amount: nok('500000000.0'), equivalents: EQUIVALENTS, reason: 'restated' })
      .then([]);
  });

  it('an amendment says why', () => {
    given(contributionDecider, ...COMMITTED)
      .when({ type: 'AmendContribution', amount: nok('1'), equivalents: EQUIVALENTS, reason: ' ' })
      .thenFails('reason-required', 'reason');
  });

  it('an amendment is in the contribution’s currency', () => {
    given(contributionDecider, ...COMMITTED)
      .when({
        type: 'AmendContribution',
        amount: { amount: '1', currency: 'USD' },
        equivalents: EQUIVALENTS,
        reason: 'x',
      })
      .thenFails('currency-mismatch', 'amount.currency');
  });
});

describe('contribution: WithdrawContribution', () => {
  it('an unpaid contribution is withdrawn with a reason', () => {
    given(contributionDecider, ...COMMITTED)
      .when({ type: 'WithdrawContribution', reason: '  package cancelled ' })
      .then([withdrawn]);
  });

  it('a contribution with payments cannot be withdrawn', () => {
    given(contributionDecider, ...COMMITTED, paid('p1', '0.01'))
      .when({ type: 'WithdrawContribution', reason: 'changed our mind' })
      .thenFails('contribution-already-paid');
  });

  it('a withdrawal says why', () => {
    given(contributionDecider, pledged())
      .when({ type: 'WithdrawContribution', reason: '' })
      .thenFails('reason-required', 'reason');
  });

  it('a withdrawn contribution takes no further commands', () => {
    given(contributionDecider, pledged(), withdrawn)
      .when({ type: 'CommitContribution', amount: nok('1'), equivalents: EQUIVALENTS })
      .thenFails('contribution-withdrawn');
    given(contributionDecider, ...COMMITTED, withdrawn)
      .when(pay('p1', '1'))
      .thenFails('contribution-withdrawn');
    given(contributionDecider, pledged(), withdrawn)
      .when({ type: 'WithdrawContribution', reason: 'again' })
      .thenFails('contribution-withdrawn');
  });
});
