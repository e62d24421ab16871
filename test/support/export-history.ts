/**
 * A history that leaves rows in every read model the suites know, for the export suites: requirements and an
 * approved priority list, a EUR 500,000,000.00 package funded by two donors, shipped and received in two parts with
 * the evidence of a source, a second package delivered in full, a pledge of NOK 123456789012345678.91 (20 digits), a
 * source imported from an article with one of its proposals rejected, claims and an adopted figure.
 */
import { commitContribution, payContribution, pledgeContribution } from '../../src/app/contributions.ts';
import type { AppDeps, RequestContext } from '../../src/app/deps.ts';
import { importSource } from '../../src/app/ingest.ts';
import {
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../src/app/packages.ts';
import { listProposals, rejectProposal } from '../../src/app/proposals.ts';
import { approvePriorityList, draftPriorityList, listRequirement } from '../../src/app/requirements.ts';
import { adoptFigure, recordClaim, recordSource } from '../../src/app/sources.ts';
import { FULL_SCOPE } from '../../src/domain/access.ts';
import { NORDIC_EN_HTML } from './articles.ts';
import { importKielSample } from './flows.ts';
import { deliverPackage } from './packages.ts';

/** The pledge whose amount has 20 significant digits: more than a spreadsheet number or a double keeps. */
export const HUGE_PLEDGE = { id: 'ctb-no-huge', amount: '123456789012345678.91', currency: 'NOK' } as const;

export async function buildExportHistory(deps: AppDeps, rq: RequestContext): Promise<void> {
  for (const [id, rank, title] of [
    ['req-patriot', 1, 'Patriot missiles'],
    ['req-radar', 2, 'Radars; "long range", with commas'],
  ] as const) {
    await listRequirement(deps, rq, {
      id,
      recipientId: 'ua',
      priorityRank: rank,
      title: { uk: `Потреба ${rank}`, en: title },
      category: 'air-defence',
      quantity: 10,
      unit: 'pieces',
      estimatedValue: { amount: '400000000', currency: 'EUR' },
      occurredOn: '2025-08-01',
    });
  }
  await draftPriorityList(deps, rq, {
    recipientId: 'ua',
    period: '2025-09',
    requirementIds: ['req-patriot', 'req-radar'],
    occurredOn: '2025-08-02',
  });
  await approvePriorityList(deps, rq, 'ua', '2025-09', { approverId: 'ua', occurredOn: '2025-08-03' });

  await proposePackage(deps, rq, {
    id: 'pkg-1',
    title: { en: 'PURL package: Patriot', uk: 'Пакет PURL: Patriot' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: { amount: '500000000.00', currency: 'EUR' },
    lines: [
      {
        lineId: 'missiles',
        requirementId: 'req-patriot',
        description: 'Patriot PAC-3 missiles,\nin two lots',
        quantity: 10,
        unit: 'missiles',
        value: { amount: '400000000', currency: 'EUR' },
      },
      {
        lineId: 'radars',
        description: 'AN/MPQ-65 radars',
        quantity: 2,
        value: { amount: '100000000', currency: 'EUR' },
      },
    ],
    occurredOn: '2025-08-04',
  });
  await validatePackage(deps, rq, 'pkg-1', { coordinatorId: 'nsatu', occurredOn: '2025-08-05' });
  await pledgeContribution(deps, rq, {
    id: 'ctb-nl',
    donorId: 'nl',
    packageId: 'pkg-1',
    amount: { amount: '300000000', currency: 'EUR' },
    occurredOn: '2025-08-04',
  });
  await pledgeContribution(deps, rq, {
    id: 'ctb-ca',
    donorId: 'ca',
    packageId: 'pkg-1',
    amount: { amount: '200000000.00', currency: 'EUR' },
    occurredOn: '2025-08-05',
  });
  await commitContribution(deps, rq, 'ctb-nl', { occurredOn: '2025-08-06' });
  await commitContribution(deps, rq, 'ctb-ca', { occurredOn: '2025-08-06' });
  await payContribution(deps, rq, 'ctb-nl', {
    paymentId: 'pay-nl-1',
    amount: { amount: '120000000.50', currency: 'EUR' },
    occurredOn: '2025-08-11',
  });
  await fundPackage(deps, rq, 'pkg-1', { occurredOn: '2025-08-12' });
  await contractPackage(deps, rq, 'pkg-1', { supplierId: 'us', occurredOn: '2025-08-13' });
  await dispatchShipment(deps, rq, 'pkg-1', {
    shipmentId: 'shp-1',
    lines: [
      { lineId: 'missiles', quantity: 10 },
      { lineId: 'radars', quantity: 2 },
    ],
    occurredOn: '2025-08-20',
  });
  await confirmReceipt(deps, rq, 'pkg-1', {
    receiptId: 'rcp-1',
    shipmentId: 'shp-1',
    lines: [{ lineId: 'missiles', quantity: 4 }],
    occurredOn: '2025-08-28',
  });
  await recordSource(deps, rq, {
    id: 'src-receipt',
    url: 'https://www.ukrinform.net/rubric-defense/purl-patriot.html',
    publisher: 'Ukrinform',
    publishedOn: '2025-09-10',
    language: 'en',
    title: 'Last Patriot missiles of the PURL package arrive',
    text: 'Ukraine has received the remaining Patriot missiles.\n"The delivery closes the first package," an official said.',
    occurredOn: '2025-09-10',
  });
  await confirmReceipt(deps, rq, 'pkg-1', {
    receiptId: 'rcp-2',
    shipmentId: 'shp-1',
    lines: [
      { lineId: 'missiles', quantity: 6 },
      { lineId: 'radars', quantity: 2 },
    ],
    occurredOn: '2025-09-10',
    basis: 'reported',
    evidence: ['src-receipt'],
  });
  await deliverPackage(deps, rq, {
    id: 'pkg-2',
    donorId: 'de',
    amount: { amount: '75000000.25', currency: 'USD' },
    pledgedOn: '2025-08-08',
    receivedOn: '2025-09-01',
  });

  await pledgeContribution(deps, rq, {
    id: HUGE_PLEDGE.id,
    donorId: 'no',
    category: 'air-defence',
    amount: { amount: HUGE_PLEDGE.amount, currency: HUGE_PLEDGE.currency },
    occurredOn: '2025-08-07',
  });

  await recordClaim(deps, rq, {
    id: 'clm-target',
    sourceId: 'src-receipt',
    subject: { type: 'package', id: 'pkg-1' },
    donorIds: ['nl', 'ca'],
    stage: 'committed',
    amount: { amount: '500000000.00', currency: 'EUR' },
    sentence: 'The delivery closes the first package',
    occurredOn: '2025-09-10',
  });
  await adoptFigure(deps, rq, {
    subject: { type: 'package', id: 'pkg-1' },
    stage: 'committed',
    low: { amount: '486000000', currency: 'EUR' },
    high: { amount: '500000000.00', currency: 'EUR' },
    note: 'reports differ',
    occurredOn: '2025-09-11',
  });
  await importSource(deps, rq, {
    id: 'wire-en',
    content: NORDIC_EN_HTML,
    fileName: 'nordic.html',
    url: 'https://example.org/wire/nordic',
  });
  const [first] = (await listProposals(deps.db, FULL_SCOPE, 'wire-en')) ?? [];
  if (!first) throw new Error('the imported article yielded no proposal to reject');
  await rejectProposal(deps, rq, 'wire-en', first.key, { reason: 'announced earlier', occurredOn: '2025-09-12' });
  await importKielSample(deps, rq);
}
