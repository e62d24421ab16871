/**
 * The package page's arithmetic: who funds what share of the target (in the target's own currency when they share
 * one), the stacked bar of those shares, and the reported values of each stage side by side with the adopted one.
 */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../web/src/api/packages.ts';
import type { Claim, Contribution, Money, Stage } from '../../../web/src/api/types.ts';
import { stageFigures } from '../../../web/src/pages/portal/package/figures.ts';
import {
  contributionShares,
  ratio,
  stackSegments,
  unfundedShare,
} from '../../../web/src/pages/portal/package/shares.ts';

const money = (amount: string, currency = 'USD'): Money => ({ amount, currency });

const contribution = (
  donorId: string,
  amount: Money,
  reporting: string,
  paid: string,
  status: Contribution['status'] = 'committed',
): Contribution => ({
  id: `${donorId}-purl-nordic-1`,
  donorId,
  packageId: 'purl-nordic-1',
  category: 'air-defence',
  status,
  amount,
  paidAmount: { amount: paid, currency: amount.currency },
  reporting: { amount: money(reporting, 'EUR'), paid: money(reporting, 'EUR'), delivered: money('0', 'EUR') },
  rate: { date: '2025-08-05', source: 'ecb' },
  dates: { pledged: '2025-08-05', committed: '2025-08-06', lastPaid: null, withdrawn: null },
  visibility: 'public',
});

// purl-nordic-1: USD 500 M, of which Denmark 90, Norway 135, Sweden 275.
const target = money('500000000');
const targetEur = money('433050407.07', 'EUR');
const nordic = [
  contribution('dk', money('90000000'), '77949073.27', '90000000'),
  contribution('no', money('135000000'), '116923609.91', '0'),
  contribution('se', money('275000000'), '238177723.89', '137500000'),
];

describe('ratio', () => {
  it('divides decimal strings, and has no answer for a zero or malformed whole', () => {
    expect(ratio('1', '4')).toBe(0.25);
    expect(ratio('1', '0')).toBeNull();
    expect(ratio('1', 'x')).toBeNull();
  });
});

describe('contributionShares', () => {
  it("compares in the target's currency when the contribution is in it", () => {
    const shares = contributionShares(nordic, target, targetEur);
    expect(shares.map((share) => share.share)).toEqual([0.18, 0.27, 0.55]);
    expect(shares.map((share) => share.paidShare)).toEqual([1, 0, 0.5]);
  });

  it('compares the reporting equivalents when the currencies differ', () => {
    const [share] = contributionShares(
      [contribution('nl', money('100', 'EUR'), '100', '0')],
      target,
      money('400', 'EUR'),
    );
    expect(share?.share).toBe(0.25);
  });

  it('stacks the standing contributions end to end and leaves the rest unfunded', () => {
    const shares = contributionShares(nordic, target, targetEur);
    const segments = stackSegments(shares);
    expect(segments.map((segment) => [segment.donorId, segment.start, segment.width])).toEqual([
      ['dk', 0, 0.18],
      ['no', 0.18, 0.27],
      ['se', 0.45, 0.55],
    ]);
    expect(unfundedShare(shares)).toBe(0);

    const partial = contributionShares(
      [nordic[0], contribution('se', money('275000000'), '1', '0', 'withdrawn')].filter((c) => c !== undefined),
      target,
      targetEur,
    );
    expect(stackSegments(partial).map((segment) => segment.donorId)).toEqual(['dk']);
    expect(unfundedShare(partial)).toBeCloseTo(0.82);
  });

  it('cuts the bar at the whole when the package is over-funded', () => {
    const over = contributionShares(
      [contribution('a', money('400000000'), '1', '0'), contribution('b', money('300000000'), '1', '0')],
      target,
      targetEur,
    );
    const widths = stackSegments(over).map((segment) => segment.width);
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBe(0.8);
    expect(widths[1]).toBeCloseTo(0.2);
    expect(unfundedShare(over)).toBe(0);
  });
});

const claim = (id: string, stage: Stage, amount: Money | null, statedOn = '2025-08-05'): Claim => ({
  id,
  sourceId: `source-${id}`,
  subject: { type: 'package', id: 'purl-nordic-1' },
  donorIds: ['dk', 'no', 'se'],
  stage,
  amount,
  statedOn,
  sentence: `Sentence of ${id}.`,
  linkedEventIds: [],
  visibility: 'public',
  source: { publisher: 'P', title: 'T', url: null, publishedOn: statedOn, language: 'en' },
});

describe('stageFigures', () => {
  const subject = { type: 'package', id: 'purl-nordic-1' };
  const figures: Figure[] = [
    { subject, stage: 'delivered', claims: [claim('arrived', 'delivered', null, '2025-08-10')], adopted: null },
    {
      subject,
      stage: 'pledged',
      claims: [
        claim('585', 'pledged', money('585000000'), '2025-08-06'),
        claim('486', 'pledged', money('486000000')),
        claim('500', 'pledged', money('500000000')),
        claim('495', 'pledged', money('495000000'), '2025-08-06'),
      ],
      adopted: {
        claimId: '500',
        low: money('500000000'),
        high: money('500000000'),
        note: null,
        adoptedOn: '2025-08-12',
      },
    },
  ];

  it('puts the stages in pipeline order and the values lowest first, the adopted one marked', () => {
    const [pledged, delivered] = stageFigures(figures);
    expect(pledged?.stage).toBe('pledged');
    expect(delivered?.stage).toBe('delivered');
    expect(pledged?.values.map((value) => value.claim.id)).toEqual(['486', '495', '500', '585']);
    expect(pledged?.values.filter((value) => value.adopted).map((value) => value.claim.id)).toEqual(['500']);
    expect(pledged).toMatchObject({ distinctValues: 4, conflicting: true, isRange: false });
    expect(delivered).toMatchObject({ distinctValues: 0, conflicting: false, adopted: null });
  });

  it('marks the values inside an adopted range', () => {
    const ranged = figures.map((figure) =>
      figure.adopted
        ? {
            ...figure,
            adopted: { ...figure.adopted, claimId: null, low: money('490000000'), high: money('500000000') },
          }
        : figure,
    );
    const [pledged] = stageFigures(ranged);
    expect(pledged?.isRange).toBe(true);
    expect(pledged?.values.filter((value) => value.inRange).map((value) => value.claim.id)).toEqual(['495', '500']);
    expect(pledged?.values.some((value) => value.adopted)).toBe(false);
  });
});
