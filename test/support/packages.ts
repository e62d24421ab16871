/** A package walked through the use cases from proposal to its full receipt, for suites that need a delivery to point at. */
import { commitContribution, pledgeContribution } from '../../src/app/contributions.ts';
import type { AppDeps, RequestContext } from '../../src/app/deps.ts';
import {
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../src/app/packages.ts';

export interface DeliveredPackage {
  readonly id: string;
  readonly donorId: string;
  readonly amount: { readonly amount: string; readonly currency: string };
  readonly pledgedOn: string;
  readonly receivedOn: string;
}

/** Proposes, funds (one donor's contribution `ctb-<id>`), ships and fully receives `id`; returns the receipt's event id. */
export async function deliverPackage(deps: AppDeps, request: RequestContext, pkg: DeliveredPackage): Promise<string> {
  const on = pkg.pledgedOn;
  await proposePackage(deps, request, {
    id: pkg.id,
    title: { en: `PURL package ${pkg.id}` },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    supplierId: 'us',
    category: 'air-defence',
    targetValue: pkg.amount,
    lines: [{ lineId: 'patriot', description: 'Patriot interceptors', quantity: 10 }],
    occurredOn: on,
  });
  await validatePackage(deps, request, pkg.id, { coordinatorId: 'nsatu', occurredOn: on });
  const contribution = `ctb-${pkg.id}`;
  await pledgeContribution(deps, request, {
    id: contribution,
    donorId: pkg.donorId,
    packageId: pkg.id,
    amount: pkg.amount,
    occurredOn: on,
  });
  await commitContribution(deps, request, contribution, { occurredOn: on });
  await fundPackage(deps, request, pkg.id, { occurredOn: on });
  await contractPackage(deps, request, pkg.id, { supplierId: 'us', occurredOn: on });
  await dispatchShipment(deps, request, pkg.id, {
    shipmentId: 's1',
    lines: [{ lineId: 'patriot', quantity: 10 }],
    occurredOn: on,
  });
  const receipt = await confirmReceipt(deps, request, pkg.id, {
    receiptId: 'r1',
    shipmentId: 's1',
    lines: [{ lineId: 'patriot', quantity: 10 }],
    full: true,
    occurredOn: pkg.receivedOn,
  });
  const event = receipt.events.find((candidate) => candidate.type === 'DeliveryReceived');
  if (!event) throw new Error(`${pkg.id}: no DeliveryReceived`);
  return event.eventId;
}
