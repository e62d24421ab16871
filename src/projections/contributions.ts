import { type Selectable, sql } from 'kysely';
import type { ContributionEvent } from '../domain/contribution/contribution.ts';
import { unreachable } from '../domain/decider.ts';
import { type Equivalents, parseMoney } from '../domain/money.ts';
import type { StoredEvent } from '../ledger/event.ts';
import { entityId, type Tx } from './context.ts';
import type { ProjectionTables } from './tables.ts';
import { addToTotals, countLag, deliveredPart, type TotalsDelta } from './totals.ts';

type Row = Selectable<ProjectionTables['rm_contributions']>;

const cents = (equivalents: Equivalents): { eur: bigint; usd: bigint } => ({
  eur: parseMoney(equivalents.eur).minor,
  usd: parseMoney(equivalents.usd).minor,
});

/**
 * Keeps each contribution's row and, from the change in it, the donor totals (pledged at the pledge month,
 * committed at the commitment month, paid at each payment's month, delivered when goods arrive) and its package's
 * funding totals.
 */
export async function projectContribution(tx: Tx, stored: StoredEvent, event: ContributionEvent): Promise<void> {
  const id = entityId(stored);
  const on = stored.meta.occurredOn;
  if (event.type === 'ContributionPledged') {
    const d = event.data;
    const value = cents(d.equivalents);
    const row = await tx
      .insertInto('rm_contributions')
      .values({
        id: d.id,
        donor_id: d.donorId,
        package_id: d.packageId,
        category: d.category,
        status: 'pledged',
        currency: d.amount.currency,
        amount: d.amount.amount,
        amount_eur: value.eur,
        amount_usd: value.usd,
        rate_date: d.equivalents.rateDate,
        rate_source: d.equivalents.rateSource,
        pledged_on: on,
        visibility: d.visibility,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addToTotals(tx, [bucket(row, 'pledged', row.pledged_on, value.eur, value.usd)]);
    await addToPackage(tx, row.package_id, { pledged: value });
    if (row.package_id) {
      await tx
        .updateTable('rm_packages')
        .set({
          donor_ids: sql<
            string[]
          >`(SELECT array_agg(DISTINCT d ORDER BY d) FROM unnest(array_append(donor_ids, ${row.donor_id}::text)) AS d)`,
        })
        .where('id', '=', row.package_id)
        .execute();
    }
    await redeliver(tx, row, on);
    return;
  }
  const before = await loadRow(tx, id);
  switch (event.type) {
    case 'ContributionCommitted': {
      const value = cents(event.data.equivalents);
      const change = { eur: value.eur - BigInt(before.amount_eur), usd: value.usd - BigInt(before.amount_usd) };
      const after = await tx
        .updateTable('rm_contributions')
        .set({
          status: 'committed',
          committed_on: on,
          amount: event.data.amount.amount,
          amount_eur: value.eur,
          amount_usd: value.usd,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addToTotals(tx, [
        bucket(before, 'pledged', before.pledged_on, change.eur, change.usd),
        bucket(before, 'committed', on, value.eur, value.usd),
      ]);
      await addToPackage(tx, before.package_id, { pledged: change, committed: value });
      await redeliver(tx, after, on);
      return;
    }
    case 'ContributionPaid': {
      const value = cents(event.data.equivalents);
      await tx
        .updateTable('rm_contributions')
        .set((eb) => ({
          paid_amount: eb('paid_amount', '+', event.data.amount.amount),
          paid_eur: eb('paid_eur', '+', value.eur.toString()),
          paid_usd: eb('paid_usd', '+', value.usd.toString()),
          last_paid_on: on,
        }))
        .where('id', '=', id)
        .execute();
      await addToTotals(tx, [bucket(before, 'paid', on, value.eur, value.usd)]);
      await addToPackage(tx, before.package_id, { paid: value });
      return;
    }
    case 'ContributionAmended': {
      const value = cents(event.data.equivalents);
      const change = { eur: value.eur - BigInt(before.amount_eur), usd: value.usd - BigInt(before.amount_usd) };
      const after = await tx
        .updateTable('rm_contributions')
        .set({ amount: event.data.amount.amount, amount_eur: value.eur, amount_usd: value.usd })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const committed = before.committed_on !== null;
      await addToTotals(tx, [
        bucket(before, 'pledged', before.pledged_on, change.eur, change.usd),
        ...(before.committed_on ? [bucket(before, 'committed', before.committed_on, change.eur, change.usd)] : []),
      ]);
      await addToPackage(tx, before.package_id, { pledged: change, ...(committed ? { committed: change } : {}) });
      await redeliver(tx, after, on);
      return;
    }
    case 'ContributionWithdrawn': {
      const eur = -BigInt(before.amount_eur);
      const usd = -BigInt(before.amount_usd);
      await tx
        .updateTable('rm_contributions')
        .set({ status: 'withdrawn', withdrawn_on: on })
        .where('id', '=', id)
        .execute();
      await addToTotals(tx, [
        bucket(before, 'pledged', before.pledged_on, eur, usd),
        ...(before.committed_on ? [bucket(before, 'committed', before.committed_on, eur, usd)] : []),
        bucket(before, 'delivered', on, -BigInt(before.delivered_eur), -BigInt(before.delivered_usd)),
      ]);
      await addToPackage(tx, before.package_id, {
        pledged: { eur, usd },
        ...(before.committed_on ? { committed: { eur, usd } } : {}),
      });
      await tx
        .updateTable('rm_contributions')
        .set({ delivered_eur: '0', delivered_usd: '0' })
        .where('id', '=', id)
        .execute();
      const pkg = before.package_id ? await packageDelivery(tx, before.package_id) : undefined;
      if (pkg?.delivered_on)
        await countLag(tx, before.donor_id, before.visibility, before.pledged_on, pkg.delivered_on, -1);
      return;
    }
    default:
      unreachable(event);
  }
}

async function loadRow(tx: Tx, id: string): Promise<Row> {
  return tx.selectFrom('rm_contributions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function bucket(row: Row, stage: TotalsDelta['stage'], on: string, eur: bigint, usd: bigint): TotalsDelta {
  return { donorId: row.donor_id, stage, category: row.category, on, visibility: row.visibility, eur, usd };
}

type Pair = { eur: bigint; usd: bigint };

async function addToPackage(
  tx: Tx,
  packageId: string | null,
  change: { pledged?: Pair; committed?: Pair; paid?: Pair },
): Promise<void> {
  if (!packageId) return;
  await tx
    .updateTable('rm_packages')
    .set((eb) => ({
      pledged_eur: eb('pledged_eur', '+', String(change.pledged?.eur ?? 0n)),
      pledged_usd: eb('pledged_usd', '+', String(change.pledged?.usd ?? 0n)),
      committed_eur: eb('committed_eur', '+', String(change.committed?.eur ?? 0n)),
      committed_usd: eb('committed_usd', '+', String(change.committed?.usd ?? 0n)),
      paid_eur: eb('paid_eur', '+', String(change.paid?.eur ?? 0n)),
      paid_usd: eb('paid_usd', '+', String(change.paid?.usd ?? 0n)),
    }))
    .where('id', '=', packageId)
    .execute();
}

async function packageDelivery(tx: Tx, packageId: string) {
  return tx
    .selectFrom('rm_packages')
    .select(['delivered_num', 'delivered_den', 'delivered_on'])
    .where('id', '=', packageId)
    .executeTakeFirst();
}

/** When a contribution's amount changes after goods arrived, its delivered part follows, dated by this event. */
async function redeliver(tx: Tx, row: Row, on: string): Promise<void> {
  if (!row.package_id) return;
  const pkg = await packageDelivery(tx, row.package_id);
  if (!pkg || pkg.delivered_num === '0') return;
  const eur = deliveredPart(BigInt(row.amount_eur), BigInt(pkg.delivered_num), BigInt(pkg.delivered_den));
  const usd = deliveredPart(BigInt(row.amount_usd), BigInt(pkg.delivered_num), BigInt(pkg.delivered_den));
  await tx
    .updateTable('rm_contributions')
    .set({ delivered_eur: eur.toString(), delivered_usd: usd.toString() })
    .where('id', '=', row.id)
    .execute();
  await addToTotals(tx, [
    bucket(row, 'delivered', on, eur - BigInt(row.delivered_eur), usd - BigInt(row.delivered_usd)),
  ]);
  if (pkg.delivered_on && row.delivered_eur === '0' && row.delivered_usd === '0') {
    await countLag(tx, row.donor_id, row.visibility, row.pledged_on, pkg.delivered_on, 1);
  }
}
