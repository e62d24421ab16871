import { describe, expect, it } from 'vitest';
import type { ClaimSubject } from '../../../src/domain/claim/claim.ts';
import {
  type ClaimFacts,
  type FigureCommand,
  type FigureEvent,
  figureDecider,
  figureId,
} from '../../../src/domain/figure/figure.ts';
import type { MoneyJson } from '../../../src/domain/money.ts';
import { given } from '../../support/given.ts';

type AdoptClaim = Extract<FigureCommand, { type: 'AdoptClaim' }>;
type AdoptRange = Extract<FigureCommand, { type: 'AdoptRange' }>;

const SUBJECT: ClaimSubject = { type: 'package', id: 'purl-nordic-1' };
const usd = (amount: string): MoneyJson => ({ amount, currency: 'USD' });

/** The claim "$500 million" about the Nordic package's pledge. */
const CLAIM_500: ClaimFacts = { subject: SUBJECT, stage: 'pledged', amount: usd('500000000.00') };

function adoptClaim(overrides: Partial<AdoptClaim> = {}): AdoptClaim {
  return {
    type: 'AdoptClaim',
    subject: SUBJECT,
    stage: 'pledged',
    claimId: 'claim-500',
    claim: CLAIM_500,
    ...overrides,
  };
}

function adoptRange(overrides: Partial<AdoptRange> = {}): AdoptRange {
  return {
    type: 'AdoptRange',
    subject: SUBJECT,
    stage: 'pledged',
    low: usd('486000000'),
    high: usd('585000000'),
    ...overrides,
  };
}

const adopted = (claimId: string | null, low: string, high: string, note: string | null = null): FigureEvent => ({
  type: 'FigureAdopted',
  data: { subject: SUBJECT, stage: 'pledged', claimId, low: usd(low), high: usd(high), note },
});

describe('figure: AdoptClaim', () => {
  it('adopts a claim’s amount as the figure', () => {
    given(figureDecider)
      .when(adoptClaim({ note: '  NATO’s own figure ' }))
      .then([adopted('claim-500', '500000000.00', '500000000.00', 'NATO’s own figure')]);
  });

  it('the claim exists', () => {
    given(figureDecider)
      .when(adoptClaim({ claim: null }))
      .thenFails('claim-unknown', 'claimId');
  });

  it.each<[string, ClaimFacts]>([
    ['another package', { ...CLAIM_500, subject: { type: 'package', id: 'purl-de-1' } }],
    ['a contribution of the same id', { ...CLAIM_500, subject: { type: 'contribution', id: 'purl-nordic-1' } }],
    ['no subject at all', { ...CLAIM_500, subject: null }],
    ['another stage', { ...CLAIM_500, stage: 'paid' }],
  ])('refuses a claim about %s', (_about, claim) => {
    given(figureDecider).when(adoptClaim({ claim })).thenFails('claim-subject-mismatch', 'claimId');
  });

  it('the claim states an amount', () => {
    given(figureDecider)
      .when(adoptClaim({ claim: { ...CLAIM_500, amount: null } }))
      .thenFails('claim-has-no-amount', 'claimId');
  });

  it('the adopted claim is not adopted again', () => {
    given(figureDecider, adopted('claim-500', '500000000.00', '500000000.00'))
      .when(adoptClaim())
      .thenFails('claim-already-adopted', 'claimId');
  });

  it('another claim replaces the adopted one', () => {
    given(figureDecider, adopted('claim-500', '500000000.00', '500000000.00'))
      .when(adoptClaim({ claimId: 'claim-585', claim: { ...CLAIM_500, amount: usd('585000000.00') } }))
      .then([adopted('claim-585', '585000000.00', '585000000.00')]);
  });

  it('a claim replaces an adopted range', () => {
    given(figureDecider, adopted(null, '486000000.00', '585000000.00'))
      .when(adoptClaim())
      .then([adopted('claim-500', '500000000.00', '500000000.00')]);
  });
});

describe('figure: AdoptRange', () => {
  it('adopts a range between two reported values', () => {
    given(figureDecider)
      .when(adoptRange())
      .then([adopted(null, '486000000.00', '585000000.00')]);
  });

  it('a range may be a single value', () => {
    given(figureDecider)
      .when(adoptRange({ high: usd('486000000') }))
      .then([adopted(null, '486000000.00', '486000000.00')]);
  });

  it('the high end is not below the low end', () => {
    given(figureDecider)
      .when(adoptRange({ low: usd('585000000'), high: usd('486000000') }))
      .thenFails('range-inverted', 'high.amount');
  });

  it('both ends share a currency', () => {
    given(figureDecider)
      .when(adoptRange({ high: { amount: '500000000', currency: 'EUR' } }))
      .thenFails('currency-mismatch', 'high.currency');
  });

  it('both ends are positive amounts in an ISO currency', () => {
    given(figureDecider)
      .when(adoptRange({ low: usd('0') }))
      .thenFails('amount-must-be-positive', 'low.amount');
    given(figureDecider)
      .when(adoptRange({ high: usd('1.001') }))
      .thenFails('amount-too-precise', 'high.amount');
    given(figureDecider)
      .when(adoptRange({ low: { amount: '1', currency: 'DOLLAR' } }))
      .thenFails('currency-not-iso-4217', 'low.currency');
  });
});

describe('figure: identity', () => {
  it('one figure per subject and stage', () => {
    expect(figureId(SUBJECT, 'pledged')).toBe('package:purl-nordic-1:pledged');
  });
});
