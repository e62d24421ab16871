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

/**
 * The grains the donor totals are kept at: the full one (donor × stage × category × month), and rollups by the
 * dimensions that summaries and charts group on, so that they read a few hundred rows at any size.
 */
const GRAINS: readonly { readonly table: string; readonly keys: readonly string[] }[] = [
  { table: 'rm_donor_totals', keys: ['donor_id', 'stage', 'category', 'month', 'visibility'] },
  { table: 'rm_totals_stage', keys: ['stage', 'visibility'] },
  { table: 'rm_totals_donor', keys: ['donor_id', 'stage', 'visibility'] },
  { table: 'rm_totals_month', keys: ['month', 'stage', 'visibility'] },
  { table: 'rm_totals_category', keys: ['category', 'stage', 'visibility'] },
  { table: 'rm_totals_donor_month', keys: ['donor_id', 'month', 'stage', 'visibility'] },
];

/** One upsert per grain, all in a single statement (data-modifying CTEs), adding every delta to its buckets. */
const UPSERT_ALL = GRAINS.map(({ table, keys }, index) => {
  const columns = keys.join(', ');
  return `g${index} AS (
    INSERT INTO ${table} (${columns}, eur, usd)
    SELECT ${columns}, sum(eur), sum(usd) FROM d GROUP BY ${columns}
    ON CONFLICT (${columns}) DO UPDATE SET eur = ${table}.eur + excluded.eur, usd = ${table}.usd + excluded.usd
  )`;
}).join(',\n');

/** Adds deltas to the donor totals at every grain. */
export async function addToTotals(tx: Tx, deltas: readonly TotalsDelta[]): Promise<void> {
  const rows = deltas.filter((delta) => delta.eur !== 0n || delta.usd !== 0n);
  if (rows.length === 0) return;
  const column = <T>(pick: (delta: TotalsDelta) => T): T[] => rows.map(pick);
  await sql`
    WITH d AS (
      SELECT * FROM unnest(
        ${column((d) => d.donorId)}::text[], ${column((d) => d.stage)}::text[], ${column((d) => d.category)}::text[],
        ${column((d) => monthOf(d.on))}::date[], ${column((d) => d.visibility)}::text[],
        ${column((d) => d.eur.toString())}::bigint[], ${column((d) => d.usd.toString())}::bigint[]
      ) AS t(donor_id, stage, category, month, visibility, eur, usd)
    ),
    ${sql.raw(UPSERT_ALL)}
    SELECT 1`.execute(tx);
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
