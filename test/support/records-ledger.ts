/**
 * A small ledger for the records suite (test/integration/records.test.ts): a package received in three parts over two
 * months, with a contribution amended after goods arrived, one withdrawn the next month and one pledged after
 * everything arrived; a joint Nordic package in NOK, SEK and DKK delivered in full; general support in CAD; sources in
 * two languages, with sentences linked to a payment and a receipt, and one about a package linked to nothing.
 */
import {
  amendContribution,
  commitContribution,
  payContribution,
  pledgeContribution,
  withdrawContribution,
} from '../../src/app/contributions.ts';
import {
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../src/app/packages.ts';
import { linkClaim, recordClaim, recordSource } from '../../src/app/sources.ts';
import { type AppFixture, eventOf } from './app-fixtures.ts';

export async function buildRecordsLedger(f: AppFixture): Promise<void> {
  const { deps, request: rq } = f;
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  await recordSource(deps, rq, {
    id: 'src-nl',
    url: 'https://www.government.nl/latest/news/2025/08/04/purl',
    publisher: 'Government of the Netherlands',
    publishedOn: '2025-08-04',
    language: 'en',
    title: 'The Netherlands finances a Patriot package',
    text: 'The Netherlands commits EUR 320 million to the first PURL package. Payment of EUR 100 million follows this month.',
    occurredOn: '2025-08-04',
  });
  await recordSource(deps, rq, {
    id: 'src-nordic',
    publisher: 'Укрінформ',
    publishedOn: '2025-08-05',
    language: 'uk',
    title: 'Північні країни фінансують пакет PURL',
    text: 'Данія, Норвегія та Швеція профінансують пакет на 500 мільйонів доларів.',
    occurredOn: '2025-08-05',
  });
  await recordSource(deps, rq, {
    id: 'src-arrived',
    url: 'https://example.org/arrived',
    publisher: 'RBC-Ukraine',
    publishedOn: '2025-08-29',
    language: 'en',
    title: 'First PURL deliveries arrive',
    text: 'The first Patriot missiles paid for by the Netherlands have arrived in Ukraine.',
    occurredOn: '2025-08-29',
  });

  // Package A: EUR 500M, missiles (value 400M) and components of unknown quantity (value 100M), received in three.
  await proposePackage(deps, rq, {
    id: 'pkg-a',
    title: { en: 'PURL: Patriot', uk: 'PURL: Patriot' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: eur('500000000'),
    lines: [
      { lineId: 'l1', description: 'Patriot missiles', quantity: 10, value: eur('400000000') },
      { lineId: 'l2', description: 'Patriot components', value: eur('100000000') },
    ],
    occurredOn: '2025-08-04',
  });
  await validatePackage(deps, rq, 'pkg-a', { coordinatorId: 'nsatu', occurredOn: '2025-08-05' });
  await pledgeContribution(deps, rq, {
    id: 'ctb-nl',
    donorId: 'nl',
    packageId: 'pkg-a',
    amount: eur('300000000'),
    occurredOn: '2025-08-04',
    evidence: ['src-nl'],
  });
  await pledgeContribution(deps, rq, {
    id: 'ctb-de',
    donorId: 'de',
    packageId: 'pkg-a',
    amount: eur('100000000'),
    occurredOn: '2025-08-05',
    basis: 'reported',
  });
  await commitContribution(deps, rq, 'ctb-nl', { amount: eur('320000000'), occurredOn: '2025-08-06' });
  await commitContribution(deps, rq, 'ctb-de', { occurredOn: '2025-08-06' });
  const nlPaid = await payContribution(deps, rq, 'ctb-nl', {
    paymentId: 'pay-nl-1',
    amount: eur('100000000'),
    occurredOn: '2025-08-11',
  });
  await fundPackage(deps, rq, 'pkg-a', { occurredOn: '2025-08-11' });
  await contractPackage(deps, rq, 'pkg-a', { supplierId: 'us', occurredOn: '2025-08-12' });
  await dispatchShipment(deps, rq, 'pkg-a', {
    shipmentId: 's1',
    lines: [{ lineId: 'l1', quantity: 6 }, { lineId: 'l2' }],
    occurredOn: '2025-08-20',
  });
  const r1 = await confirmReceipt(deps, rq, 'pkg-a', {
    receiptId: 'r1',
    shipmentId: 's1',
    lines: [{ lineId: 'l1', quantity: 4 }],
    occurredOn: '2025-08-28',
    basis: 'reported',
    evidence: ['src-arrived'],
  });
  // Amended after goods arrived: its delivered part follows. Withdrawn after goods arrived, the next month: its part
  // is taken back in September, so September's delivered figure has a negative record.
  await amendContribution(deps, rq, 'ctb-nl', { amount: eur('350000000'), reason: 'top-up', occurredOn: '2025-08-29' });
  await withdrawContribution(deps, rq, 'ctb-de', { reason: 'budget reallocated', occurredOn: '2025-09-02' });
  await dispatchShipment(deps, rq, 'pkg-a', {
    shipmentId: 's2',
    lines: [{ lineId: 'l1', quantity: 4 }],
    occurredOn: '2025-09-01',
  });
  await confirmReceipt(deps, rq, 'pkg-a', {
    receiptId: 'r2',
    shipmentId: 's1',
    lines: [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2' }],
    occurredOn: '2025-09-05',
  });
  await confirmReceipt(deps, rq, 'pkg-a', {
    receiptId: 'r3',
    shipmentId: 's2',
    lines: [{ lineId: 'l1', quantity: 4 }],
    full: true,
    occurredOn: '2025-09-10',
  });
  // Pledged after everything arrived: delivered at once, on the pledge's day; amended in October, delivered again then.
  await pledgeContribution(deps, rq, {
    id: 'ctb-dk-late',
    donorId: 'dk',
    packageId: 'pkg-a',
    amount: eur('20000000'),
    rate: { usd: '1.1718' }, // the fixture's ECB rates end on 2025-09-01: the source states the rate
    occurredOn: '2025-09-12',
  });
  await amendContribution(deps, rq, 'ctb-dk-late', {
    amount: eur('25000000'),
    reason: 'top-up',
    occurredOn: '2025-10-01',
  });
  await payContribution(deps, rq, 'ctb-nl', {
    paymentId: 'pay-nl-2',
    amount: eur('250000000'),
    occurredOn: '2025-09-16',
  });

  // Package B: the Nordic joint package in NOK, SEK and DKK, one pledge seen by partners only, delivered in full.
  await proposePackage(deps, rq, {
    id: 'pkg-b',
    title: { en: 'PURL: Nordic package' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: { amount: '500000000', currency: 'USD' },
    lines: [{ lineId: 'eq', description: 'Air defence equipment' }],
    occurredOn: '2025-08-05',
  });
  await validatePackage(deps, rq, 'pkg-b', { coordinatorId: 'nsatu', occurredOn: '2025-08-06' });
  const nordic: [string, string, string, string][] = [
    ['ctb-no', 'no', '2000000000', 'NOK'],
    ['ctb-se', 'se', '1900000000', 'SEK'],
    ['ctb-dk', 'dk', '1200000000', 'DKK'],
  ];
  for (const [id, donorId, amount, currency] of nordic) {
    await pledgeContribution(deps, rq, {
      id,
      donorId,
      packageId: 'pkg-b',
      amount: { amount, currency },
      occurredOn: '2025-08-06',
      evidence: ['src-nordic'],
      ...(donorId === 'se' ? { visibility: 'partners' as const } : {}),
    });
    await commitContribution(deps, rq, id, { occurredOn: '2025-08-11' });
  }
  await payContribution(deps, rq, 'ctb-se', {
    amount: { amount: '500000000', currency: 'SEK' },
    occurredOn: '2025-09-01',
  });
  await fundPackage(deps, rq, 'pkg-b', { occurredOn: '2025-08-11' });
  await contractPackage(deps, rq, 'pkg-b', { supplierId: 'us', occurredOn: '2025-08-12' });
  await dispatchShipment(deps, rq, 'pkg-b', { shipmentId: 's1', lines: [{ lineId: 'eq' }], occurredOn: '2025-09-15' });
  await confirmReceipt(deps, rq, 'pkg-b', {
    receiptId: 'r1',
    shipmentId: 's1',
    lines: [{ lineId: 'eq' }],
    full: true,
    occurredOn: '2025-09-20',
  });

  // General support from Canada, amended at commitment and paid in full.
  await pledgeContribution(deps, rq, {
    id: 'ctb-ca',
    donorId: 'ca',
    category: 'financial',
    amount: { amount: '50000000', currency: 'CAD' },
    occurredOn: '2025-08-06',
  });
  await commitContribution(deps, rq, 'ctb-ca', {
    amount: { amount: '55000000', currency: 'CAD' },
    occurredOn: '2025-08-08',
  });
  await payContribution(deps, rq, 'ctb-ca', {
    amount: { amount: '55000000', currency: 'CAD' },
    occurredOn: '2025-09-01',
  });

  // Sentences: one linked to a payment, one linked to a receipt, one about the Nordic package (linked to nothing).
  await recordClaim(deps, rq, {
    id: 'clm-nl-paid',
    sourceId: 'src-nl',
    subject: { type: 'contribution', id: 'ctb-nl' },
    donorIds: ['nl'],
    stage: 'paid',
    amount: eur('100000000'),
    sentence: 'Payment of EUR 100 million follows this month.',
    occurredOn: '2025-08-11',
  });
  await linkClaim(deps, rq, 'clm-nl-paid', { eventId: eventOf(nlPaid, 'ContributionPaid'), occurredOn: '2025-08-11' });
  await recordClaim(deps, rq, {
    id: 'clm-arrived',
    sourceId: 'src-arrived',
    subject: { type: 'package', id: 'pkg-a' },
    donorIds: ['nl'],
    stage: 'delivered',
    sentence: 'The first Patriot missiles paid for by the Netherlands have arrived in Ukraine.',
    occurredOn: '2025-08-29',
  });
  await linkClaim(deps, rq, 'clm-arrived', { eventId: eventOf(r1, 'DeliveryReceived'), occurredOn: '2025-08-29' });
  await recordClaim(deps, rq, {
    id: 'clm-nordic',
    sourceId: 'src-nordic',
    subject: { type: 'package', id: 'pkg-b' },
    donorIds: ['dk', 'no', 'se'],
    stage: 'pledged',
    amount: { amount: '500000000', currency: 'USD' },
    sentence: 'Данія, Норвегія та Швеція профінансують пакет на 500 мільйонів доларів.',
    occurredOn: '2025-08-06',
  });
}
