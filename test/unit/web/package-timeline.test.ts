/**
 * The package page's timeline: ledger events read into steps (kind, donor, amount, quantities, delivered share), in
 * the order they happened, and the quotes chosen as each step's evidence.
 */
import { describe, expect, it } from 'vitest';
import type { SourceDetail } from '../../../web/src/api/packages.ts';
import type { Contribution, Evidence, TimelineEvent } from '../../../web/src/api/types.ts';
import { excerpt, knownSentence, quotesFromSource } from '../../../web/src/pages/portal/package/evidence.ts';
import {
  contributionIdOf,
  stepOf,
  timelineSteps,
  withoutReports,
} from '../../../web/src/pages/portal/package/timeline.ts';

let seq = 0;
const event = (type: string, occurredOn: string, data: unknown, streamId = 'package-purl-nordic-1'): TimelineEvent => ({
  seq: ++seq,
  eventId: `evt-${seq}`,
  streamId,
  type,
  occurredOn,
  recordedAt: '2026-01-01T10:00:00.000Z',
  actor: 'demo',
  basis: 'official',
  visibility: 'public',
  data,
  evidence: [],
});

const usd = (amount: string) => ({ amount, currency: 'USD' });

const contribution = (id: string, donorId: string): Contribution => ({
  id,
  donorId,
  packageId: 'purl-nordic-1',
  category: 'air-defence',
  status: 'committed',
  amount: usd('90000000'),
  paidAmount: usd('90000000'),
  reporting: { amount: usd('90000000'), paid: usd('90000000'), delivered: usd('90000000') },
  rate: { date: '2025-08-05', source: 'ecb' },
  dates: { pledged: '2025-08-05', committed: '2025-08-06', lastPaid: null, withdrawn: null },
  visibility: 'public',
});

describe('stepOf', () => {
  const contributions = [contribution('dk-purl-nordic-1', 'dk')];

  it('reads a proposal with its target and lines', () => {
    const step = stepOf(
      event('PackageProposed', '2025-08-05', {
        targetValue: usd('500000000.00'),
        lines: [{ lineId: '1', quantity: 2, unit: 'consignments' }],
      }),
      contributions,
    );
    expect(step).toMatchObject({ kind: 'proposed', amount: usd('500000000.00'), donorIds: [] });
    expect(step.quantities).toEqual([{ lineId: '1', quantity: 2 }]);
  });

  it("finds the donor of a contribution's later events by its stream", () => {
    const paid = stepOf(
      event('ContributionPaid', '2025-08-25', { amount: usd('90000000.00') }, 'contribution-dk-purl-nordic-1'),
      contributions,
    );
    expect(paid).toMatchObject({ kind: 'paid', donorIds: ['dk'], amount: usd('90000000.00') });
    const pledged = stepOf(
      event('ContributionPledged', '2025-08-05', { donorId: 'se', amount: usd('1') }, 'contribution-x'),
      [],
    );
    expect(pledged.donorIds).toEqual(['se']);
  });

  it('tells a partial receipt from a full one and marks the whole package delivered', () => {
    const partial = stepOf(
      event('DeliveryReceived', '2025-09-22', {
        full: false,
        lines: [{ lineId: '1', quantity: 2 }],
        deliveredShare: { numerator: '1', denominator: '4' },
      }),
      [],
    );
    expect(partial).toMatchObject({ kind: 'received-partly', deliveredShare: 0.25, delivered: false });
    const full = stepOf(
      event('DeliveryReceived', '2025-08-09', { full: true, deliveredShare: { numerator: '1', denominator: '1' } }),
      [],
    );
    expect(full).toMatchObject({ kind: 'received-fully', deliveredShare: 1, delivered: true });
  });

  it('reads a claim and an adopted figure (a range only when low and high differ)', () => {
    const claim = stepOf(
      event(
        'ClaimRecorded',
        '2025-08-05',
        {
          stage: 'pledged',
          amount: usd('486000000.00'),
          donorIds: ['dk', 'no', 'se'],
          sentence: 'Denmark, Norway and Sweden will pay $486 million.',
          sourceId: 'press-nordic-486',
        },
        'claim-nordic-usd-486m-press',
      ),
      [],
    );
    expect(claim).toMatchObject({
      kind: 'reported',
      stage: 'pledged',
      donorIds: ['dk', 'no', 'se'],
      claimSourceId: 'press-nordic-486',
      sentence: 'Denmark, Norway and Sweden will pay $486 million.',
    });
    const stream = 'figure-package:purl-nordic-1:pledged';
    const single = stepOf(
      event('FigureAdopted', '2025-08-12', { low: usd('5'), high: usd('5'), note: 'n' }, stream),
      [],
    );
    expect(single).toMatchObject({
      kind: 'adopted',
      stage: 'pledged',
      amount: usd('5'),
      amountHigh: null,
      reason: 'n',
    });
    const range = stepOf(event('FigureAdopted', '2025-08-12', { low: usd('5'), high: usd('6') }, stream), []);
    expect(range.amountHigh).toEqual(usd('6'));
  });

  it('keeps an unknown event as "other" and survives data of the wrong shape', () => {
    const step = stepOf(event('SomethingNew', '2025-08-05', 'not an object'), []);
    expect(step).toMatchObject({ kind: 'other', amount: null, quantities: [], deliveredShare: null });
  });
});

describe('timelineSteps', () => {
  it('orders by the day it happened, then by the ledger', () => {
    const late = event('ContributionPaid', '2025-08-20', {}, 'contribution-dk-purl-nordic-1');
    const claim = event('ClaimRecorded', '2025-08-05', { stage: 'pledged' }, 'claim-a');
    const proposed = event('PackageProposed', '2025-08-05', {});
    const steps = timelineSteps([late, proposed, claim], []);
    expect(steps.map((step) => step.kind)).toEqual(['reported', 'proposed', 'paid']);
    expect(steps.map((step) => step.event.occurredOn)).toEqual(['2025-08-05', '2025-08-05', '2025-08-20']);
    expect(steps[0]?.event.seq).toBeLessThan(steps[1]?.event.seq ?? 0);
    expect(withoutReports(steps).map((step) => step.kind)).toEqual(['proposed', 'paid']);
  });

  it('names the contribution of a stream', () => {
    expect(contributionIdOf('contribution-se-purl-nordic-1')).toBe('se-purl-nordic-1');
    expect(contributionIdOf('package-purl-nordic-1')).toBeNull();
  });
});

describe('evidence quotes', () => {
  const evidence: Evidence = {
    sourceId: 'nato-2025-08-05-nordic',
    claimId: null,
    publisher: 'NATO',
    title: 'Denmark, Norway and Sweden fund a joint PURL package',
    url: null,
    language: 'en',
    publishedOn: '2025-08-05',
    sentence: null,
  };
  const source: SourceDetail = {
    id: 'nato-2025-08-05-nordic',
    publisher: 'NATO',
    title: evidence.title,
    url: null,
    publishedOn: '2025-08-05',
    language: 'en',
    text: 'Summary. Denmark, Norway and Sweden will jointly fund a package. Sweden contributes USD 275 million.',
    claims: [
      {
        id: 'nordic-usd-500m-nato',
        sourceId: 'nato-2025-08-05-nordic',
        subject: { type: 'package', id: 'purl-nordic-1' },
        donorIds: ['dk', 'no', 'se'],
        stage: 'pledged',
        amount: usd('500000000'),
        statedOn: '2025-08-05',
        sentence: 'Denmark, Norway and Sweden will jointly fund a package.',
        linkedEventIds: [],
        visibility: 'public',
        source: { publisher: 'NATO', title: evidence.title, url: null, publishedOn: '2025-08-05', language: 'en' },
      },
    ],
  };

  it("uses a linked claim's sentence, or the claim step's own for its source", () => {
    expect(knownSentence({ ...evidence, sentence: 'Linked.' }, { sourceId: null, sentence: null })).toBe('Linked.');
    expect(knownSentence(evidence, { sourceId: 'nato-2025-08-05-nordic', sentence: 'Own.' })).toBe('Own.');
    expect(knownSentence(evidence, { sourceId: 'other', sentence: 'Own.' })).toBeNull();
  });

  it("quotes the source's sentences about the package, else the opening of its text", () => {
    expect(quotesFromSource(source, ['purl-nordic-1', 'se-purl-nordic-1'])).toEqual([
      { sentence: 'Denmark, Norway and Sweden will jointly fund a package.', excerpt: false },
    ]);
    expect(quotesFromSource(source, ['purl-de-1'])).toEqual([{ sentence: source.text, excerpt: true }]);
  });

  it('cuts a long text at a sentence, or at a word', () => {
    expect(excerpt('One two. Three four five six. Seven.', 20)).toBe('One two.');
    expect(excerpt('A very long sentence without any stop at all', 20)).toBe('A very long…');
    expect(excerpt('  Short\n text. ')).toBe('Short text.');
  });
});
