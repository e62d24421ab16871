import {
  amendContribution,
  commitContribution,
  payContribution,
  pledgeContribution,
  withdrawContribution,
} from '../../src/app/contributions.ts';
import type { CommandResult } from '../../src/app/deps.ts';
import { amendOrganisation } from '../../src/app/organisations.ts';
import {
  closePackage,
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../src/app/packages.ts';
import {
  amendRequirement,
  approvePriorityList,
  draftPriorityList,
  listRequirement,
  reprioritiseRequirement,
  withdrawRequirement,
} from '../../src/app/requirements.ts';
import { recordSource } from '../../src/app/sources.ts';
import type { AppFixture } from './app-fixtures.ts';

/** Results of the first half of the history that the second half refers to. */
export interface HistoryMarks {
  readonly nordic: CommandResult;
  readonly nlCommitted: CommandResult;
  readonly nlPaid: CommandResult;
  readonly contracted: CommandResult;
}

/**
 * A varied history: requirements amended, reprioritised and withdrawn; a priority list redrafted and approved twice;
 * a package delivered in three receipts with a contribution amended after goods arrived and another withdrawn; a joint
 * Nordic package in NOK, SEK and DKK; a cancelled package; general support in CAD seen by partners only; sources in
 * three languages reporting conflicting values; claims linked to events; figures adopted from a claim, then as a range.
 *
 * This is its first half: organisations, sources, requirements and the priority list, packages A and B, and the
 * contributions to A; the suite records the rest (test/integration/projections.test.ts).
 */
export async function recordHistoryFirstHalf(f: AppFixture): Promise<HistoryMarks> {
  const { deps, request: rq } = f;
  const usd = (amount: string) => ({ amount, currency: 'USD' });
  const eur = (amount: string) => ({ amount, currency: 'EUR' });

  await amendOrganisation(deps, rq, 'nsatu', {
    names: { uk: 'NSATU (Вісбаден)', en: 'NSATU (Wiesbaden)', ru: 'NSATU (Висбаден)' },
    occurredOn: '2025-08-01',
  });

  // Sources: one story in three languages, with the values that outlets reported differently.
  await recordSource(deps, rq, {
    id: 'src-en',
    url: 'https://www.ukrinform.net/rubric-polytics/nordic-purl.html',
    publisher: 'Ukrinform',
    author: 'Desk',
    publishedOn: '2025-08-05',
    language: 'en',
    title: 'Nordic countries fund a PURL package',
    text: 'Denmark, Norway and Sweden will finance a package worth $500 million. Other outlets put the package at $486 million. Finland pledged €90 million for drones in July.',
    storyId: 'story-nordic',
    occurredOn: '2025-08-05',
  });
  await recordSource(deps, rq, {
    id: 'src-uk',
    publisher: 'Укрінформ',
    publishedOn: '2025-08-05',
    language: 'uk',
    title: 'Північні країни фінансують пакет PURL',
    text: 'Данія, Норвегія та Швеція профінансують пакет на 495 мільйонів доларів.',
    storyId: 'story-nordic',
    occurredOn: '2025-08-05',
  });
  await recordSource(deps, rq, {
    id: 'src-ru',
    publisher: 'Укринформ',
    publishedOn: '2025-08-06',
    language: 'ru',
    title: 'Северные страны финансируют пакет PURL',
    text: 'Дания, Норвегия и Швеция профинансируют пакет на 585 миллионов долларов.',
    storyId: 'story-nordic',
    occurredOn: '2025-08-06',
  });
  await recordSource(deps, rq, {
    id: 'src-nl',
    url: 'https://www.government.nl/latest/news/2025/08/04/purl',
    publisher: 'Government of the Netherlands',
    publishedOn: '2025-08-04',
    language: 'en',
    title: 'The Netherlands finances a Patriot package',
    text: 'The Netherlands commits EUR 320 million to the first PURL package. Payment of EUR 100 million follows this month.',
    visibility: 'partners',
    occurredOn: '2025-08-04',
  });

  // Requirements and the monthly priority list.
  await listRequirement(deps, rq, {
    id: 'req-a',
    recipientId: 'ua',
    priorityRank: 1,
    title: { uk: 'Ракети Patriot', en: 'Patriot missiles', ru: 'Ракеты Patriot' },
    category: 'air-defence',
    quantity: 10,
    unit: 'missiles',
    estimatedValue: eur('400000000'),
    occurredOn: '2025-08-01',
  });
  await listRequirement(deps, rq, {
    id: 'req-b',
    recipientId: 'ua',
    priorityRank: 2,
    title: { en: '155 mm shells' },
    category: 'ammunition',
    quantity: 100_000,
    unit: 'shells',
    occurredOn: '2025-08-01',
  });
  await listRequirement(deps, rq, {
    id: 'req-c',
    recipientId: 'ua',
    priorityRank: 3,
    title: { en: 'Interceptor drones' },
    category: 'drones',
    visibility: 'restricted',
    occurredOn: '2025-08-01',
  });
  await amendRequirement(deps, rq, 'req-a', {
    quantity: 12,
    estimatedValue: eur('450000000'),
    occurredOn: '2025-08-02',
  });
  await reprioritiseRequirement(deps, rq, 'req-b', { priorityRank: 1, occurredOn: '2025-08-02' });
  await withdrawRequirement(deps, rq, 'req-c', { reason: 'covered by a national programme', occurredOn: '2025-08-03' });
  await draftPriorityList(deps, rq, {
    recipientId: 'ua',
    period: '2025-08',
    requirementIds: ['req-a', 'req-b'],
    occurredOn: '2025-08-03',
  });
  await draftPriorityList(deps, rq, {
    recipientId: 'ua',
    period: '2025-08',
    requirementIds: ['req-b', 'req-a'],
    occurredOn: '2025-08-03',
  });
  await approvePriorityList(deps, rq, 'ua', '2025-08', { approverId: 'ua', occurredOn: '2025-08-04' });
  await approvePriorityList(deps, rq, 'ua', '2025-08', { approverId: 'nsatu', occurredOn: '2025-08-04' });

  // Package A: EUR 500M, missiles (value 400M) and radar components of unknown quantity (value 100M).
  await proposePackage(deps, rq, {
    id: 'pkg-a',
    title: { en: 'PURL: Patriot', uk: 'PURL: Patriot' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: eur('500000000'),
    lines: [
      { lineId: 'l1', requirementId: 'req-a', description: 'Patriot missiles', quantity: 10, value: eur('400000000') },
      { lineId: 'l2', description: 'Patriot components', category: 'other-equipment', value: eur('100000000') },
    ],
    occurredOn: '2025-08-04',
  });
  // Package B: the Nordic joint package, USD 500M, contents secret.
  const nordic = await proposePackage(deps, rq, {
    id: 'pkg-b',
    title: { en: 'PURL: Nordic package' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: usd('500000000'),
    lines: [{ description: 'Air defence equipment' }],
    occurredOn: '2025-08-05',
    basis: 'reported',
    evidence: ['src-en', 'src-uk'],
  });
  await proposePackage(deps, rq, {
    id: 'pkg-c',
    title: { en: 'Drones (cancelled)' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    category: 'drones',
    targetValue: eur('50000000'),
    lines: [{ description: 'Interceptor drones', quantity: 1000 }],
    occurredOn: '2025-08-05',
  });
  await validatePackage(deps, rq, 'pkg-a', { coordinatorId: 'nsatu', occurredOn: '2025-08-05' });
  await validatePackage(deps, rq, 'pkg-b', { coordinatorId: 'nsatu', occurredOn: '2025-08-06' });

  // Contributions to A: nl commits more than pledged; de commits and later withdraws.
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
  const nlCommitted = await commitContribution(deps, rq, 'ctb-nl', {
    amount: eur('320000000'),
    occurredOn: '2025-08-06',
    evidence: ['src-nl'],
  });
  await commitContribution(deps, rq, 'ctb-de', { occurredOn: '2025-08-06' });
  const nlPaid = await payContribution(deps, rq, 'ctb-nl', {
    paymentId: 'pay-nl-1',
    amount: eur('100000000'),
    occurredOn: '2025-08-11',
  });
  await fundPackage(deps, rq, 'pkg-a', { occurredOn: '2025-08-11' });
  const contracted = await contractPackage(deps, rq, 'pkg-a', {
    supplierId: 'us',
    contractReference: 'FMS-UA-25-001',
    occurredOn: '2025-08-12',
  });
  await dispatchShipment(deps, rq, 'pkg-a', {
    shipmentId: 's1',
    lines: [{ lineId: 'l1', quantity: 6 }, { lineId: 'l2' }],
    occurredOn: '2025-08-20',
  });
  await confirmReceipt(deps, rq, 'pkg-a', {
    receiptId: 'r1',
    shipmentId: 's1',
    lines: [{ lineId: 'l1', quantity: 4 }],
    occurredOn: '2025-08-28',
  });
  // Amended after goods arrived: its delivered part follows. Withdrawn after goods arrived: its part is taken back.
  await amendContribution(deps, rq, 'ctb-nl', {
    amount: eur('350000000'),
    reason: 'top-up announced',
    occurredOn: '2025-08-29',
  });
  await withdrawContribution(deps, rq, 'ctb-de', { reason: 'budget reallocated', occurredOn: '2025-08-30' });
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
  await closePackage(deps, rq, 'pkg-a', { occurredOn: '2025-09-15' });
  await payContribution(deps, rq, 'ctb-nl', {
    paymentId: 'pay-nl-2',
    amount: eur('250000000'),
    occurredOn: '2025-09-16',
  });

  return { nordic, nlCommitted, nlPaid, contracted };
}
