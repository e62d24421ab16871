import { sql } from 'kysely';
import { divideRounded } from '../domain/money.ts';
import { monthOf, type Tx } from './context.ts';

export type Stage = 'pledged' | 'committed' | 'paid' | 'delivered';

/** A change to one donor-totals bucket, in cents of EUR and USD. */
export interface TotalsDelta {
  readonly donorId: string;
  readonly stage: Stage;
  readonly category: string;
  readonly on: string;
  readonly visibility: string;
  readonly eur: bigint;
  readonly usd: bigint;
}

/** Adds deltas to the donor totals (stage × category × month), one upsert for all of them. */
export async function addToTotals(tx: Tx, deltas: readonly TotalsDelta[]): Promise<void> {
  const rows = deltas.filter((delta) => delta.eur !== 0n || delta.usd !== 0n);
  if (rows.length === 0) return;
  await tx
    .insertInto('rm_donor_totals')
    .values(
      rows.map((delta) => ({
        donor_id: delta.donorId,
        stage: delta.stage,
        category: delta.category,
        month: monthOf(delta.on),
        visibility: delta.visibility,
        eur: delta.eur.toString(),
        usd: delta.usd.toString(),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['donor_id', 'stage', 'category', 'month', 'visibility']).doUpdateSet({
        eur: sql`rm_donor_totals.eur + excluded.eur`,
        usd: sql`rm_donor_totals.usd + excluded.usd`,
      }),
    )
    .execute();
}

/** A donor's part of what was delivered: its amount times the package's delivered share, rounded half to even. */
export function deliveredPart(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  return divideRounded(amount * numerator, denominator);
}

/** Counts one contribution's days from pledge to full delivery (or takes it back, with -1). */
export async function countLag(
  tx: Tx,
  donorId: string,
  visibility: string,
  pledgedOn: string,
  deliveredOn: string,
  by: 1 | -1,
): Promise<void> {
  const days = Math.max(0, Math.round((Date.parse(deliveredOn) - Date.parse(pledgedOn)) / 86_400_000));
  await tx
    .insertInto('rm_delivery_lags')
    .values({ donor_id: donorId, visibility, lag_days: days, contributions: by })
    .onConflict((oc) =>
      oc
        .columns(['donor_id', 'visibility', 'lag_days'])
        .doUpdateSet({ contributions: sql`rm_delivery_lags.contributions + ${by}` }),
    )
    .execute();
}
