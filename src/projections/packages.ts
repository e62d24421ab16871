import { unreachable } from '../domain/decider.ts';
import { parseMoney } from '../domain/money.ts';
import type { PackageEvent } from '../domain/package/package.ts';
import type { StoredEvent } from '../ledger/event.ts';
import { entityId, type Tx } from './context.ts';
import { addToTotals, countLag, deliveredPart, type TotalsDelta } from './totals.ts';

export async function projectPackage(tx: Tx, stored: StoredEvent, event: PackageEvent): Promise<void> {
  const id = entityId(stored);
  const on = stored.meta.occurredOn;
  switch (event.type) {
    case 'PackageProposed': {
      const d = event.data;
      await tx
        .insertInto('rm_packages')
        .values({
          id: d.id,
          title: JSON.stringify(d.title),
          status: 'proposed',
          recipient_id: d.recipientId,
          coordinator_id: d.coordinatorId,
          supplier_id: d.supplierId,
          category: d.category,
          target_amount: d.targetValue.amount,
          target_currency: d.targetValue.currency,
          target_eur: parseMoney(d.targetEquivalents.eur).minor,
          target_usd: parseMoney(d.targetEquivalents.usd).minor,
          proposed_on: on,
          visibility: d.visibility,
        })
        .execute();
      await tx
        .insertInto('rm_package_lines')
        .values(
          d.lines.map((line, position) => ({
            package_id: d.id,
            line_id: line.lineId,
            position,
            requirement_id: line.requirementId,
            description: line.description,
            category: line.category,
            quantity: line.quantity,
            unit: line.unit,
            value_amount: line.value?.amount ?? null,
          })),
        )
        .execute();
      return;
    }
    case 'PackageValidated':
      await tx.updateTable('rm_packages').set({ status: 'validated', validated_on: on }).where('id', '=', id).execute();
      return;
    case 'PackageFunded':
      await tx.updateTable('rm_packages').set({ status: 'funded', funded_on: on }).where('id', '=', id).execute();
      return;
    case 'PackageContracted':
      await tx
        .updateTable('rm_packages')
        .set({ status: 'contracted', contracted_on: on, supplier_id: event.data.supplierId })
        .where('id', '=', id)
        .execute();
      return;
    case 'ShipmentDispatched': {
      await tx
        .insertInto('rm_shipments')
        .values({
          package_id: id,
          shipment_id: event.data.shipmentId,
          dispatched_on: on,
          lines: JSON.stringify(event.data.lines),
        })
        .execute();
      for (const line of event.data.lines) {
        await tx
          .updateTable('rm_package_lines')
          .set((eb) => ({ shipped: eb('shipped', '+', String(line.quantity ?? 1)) }))
          .where('package_id', '=', id)
          .where('line_id', '=', line.lineId)
          .execute();
      }
      await tx
        .updateTable('rm_packages')
        .set((eb) => ({
          status: eb.case().when('status', '=', 'contracted').then('in-transit').else(eb.ref('status')).end(),
          first_shipped_on: eb.fn.coalesce('first_shipped_on', eb.val(on)),
        }))
        .where('id', '=', id)
        .execute();
      return;
    }
    case 'DeliveryReceived':
      await projectReceipt(tx, id, on, event);
      return;
    case 'PackageClosed':
      await tx.updateTable('rm_packages').set({ status: 'closed', closed_on: on }).where('id', '=', id).execute();
      return;
    case 'PackageCancelled':
      await tx.updateTable('rm_packages').set({ status: 'cancelled', cancelled_on: on }).where('id', '=', id).execute();
      return;
    default:
      unreachable(event);
  }
}

async function projectReceipt(
  tx: Tx,
  id: string,
  on: string,
  event: Extract<PackageEvent, { type: 'DeliveryReceived' }>,
): Promise<void> {
  const d = event.data;
  await tx
    .insertInto('rm_receipts')
    .values({
      package_id: id,
      receipt_id: d.receiptId,
      shipment_id: d.shipmentId,
      received_on: on,
      lines: JSON.stringify(d.lines),
      full_receipt: d.full,
    })
    .execute();
  for (const line of d.lines) {
    await tx
      .updateTable('rm_package_lines')
      .set((eb) => ({ received: eb('received', '+', String(line.quantity ?? 1)) }))
      .where('package_id', '=', id)
      .where('line_id', '=', line.lineId)
      .execute();
  }
  await tx
    .updateTable('rm_packages')
    .set((eb) => ({
      status: d.full ? 'delivered' : 'partially-delivered',
      delivered_num: d.deliveredShare.numerator,
      delivered_den: d.deliveredShare.denominator,
      first_received_on: eb.fn.coalesce('first_received_on', eb.val(on)),
      ...(d.full ? { delivered_on: on } : {}),
    }))
    .where('id', '=', id)
    .execute();
  await attributeDelivery(tx, id, on, BigInt(d.deliveredShare.numerator), BigInt(d.deliveredShare.denominator), d.full);
}

/**
 * Gives each donor of the package its part of what has now been delivered, and counts the days from pledge to
 * delivery once the package is complete.
 */
async function attributeDelivery(
  tx: Tx,
  packageId: string,
  on: string,
  numerator: bigint,
  denominator: bigint,
  complete: boolean,
): Promise<void> {
  const contributions = await tx
    .selectFrom('rm_contributions')
    .selectAll()
    .where('package_id', '=', packageId)
    .where('status', '!=', 'withdrawn')
    .execute();
  const deltas: TotalsDelta[] = [];
  for (const row of contributions) {
    const eur = deliveredPart(BigInt(row.amount_eur), numerator, denominator);
    const usd = deliveredPart(BigInt(row.amount_usd), numerator, denominator);
    const delta = { eur: eur - BigInt(row.delivered_eur), usd: usd - BigInt(row.delivered_usd) };
    if (complete) await countLag(tx, row.donor_id, row.visibility, row.pledged_on, on, 1);
    if (delta.eur === 0n && delta.usd === 0n) continue;
    deltas.push({
      donorId: row.donor_id,
      stage: 'delivered',
      category: row.category,
      on,
      visibility: row.visibility,
      ...delta,
    });
    await tx
      .updateTable('rm_contributions')
      .set({ delivered_eur: eur.toString(), delivered_usd: usd.toString() })
      .where('id', '=', row.id)
      .execute();
  }
  await addToTotals(tx, deltas);
}
