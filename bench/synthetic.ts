/**
 * Synthetic read models for the dashboard queries: rm_packages, rm_contributions, rm_donor_totals (and its rollups) and
 * rm_delivery_lags, generated directly with INSERT … SELECT FROM generate_series, because building a million
 * contributions through the command path would take hours. The rows follow what the projections write:
 * - contributions: pledged → committed → paid (in full), or withdrawn; in EUR, USD, NOK, SEK or DKK with EUR/USD
 *   cents; their package's category; delivered_eur/usd = amount × the package's delivered share;
 * - packages: a spread of statuses with their dates, pledged/committed/paid sums of their contributions;
 * - donor totals: derived from the contributions by the projection's rules (pledged at the pledge month, committed
 *   at the commitment month, paid at the payment month, delivered at the receipt month), per donor × stage ×
 *   category × month × visibility; withdrawn contributions net to zero and are left out;
 * - delivery lags: days from pledge to the package's full delivery, counted per donor and visibility.
 * To load a million rows in reasonable time, rm_contributions' primary key and indexes are dropped for the bulk
 * insert and re-created afterwards from their own definitions (pg_indexes / pg_constraint), so the table ends up
 * exactly as the migration made it. Then VACUUM ANALYZE, as autovacuum would on a server.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/index.ts';
import { CATEGORIES } from '../src/domain/categories.ts';
import { breathe } from './lib.ts';

export const DONOR_COUNT = 60;
export const MONTHS = 60;
/** One package per this many contributions. */
export const CONTRIBUTIONS_PER_PACKAGE = 500;

export interface FillResult {
  readonly contributions: number;
  readonly packages: number;
  readonly donorTotals: number;
  readonly lags: number;
  readonly ms: number;
  readonly steps: readonly { step: string; ms: number }[];
  /** Cross-checks between the generated tables (sums that the projections keep equal). */
  readonly consistent: boolean;
  readonly checks: string;
}

export const donorId = (n: number): string => `donor-${String(n).padStart(2, '0')}`;

const categoriesArray = `ARRAY[${CATEGORIES.map((c) => `'${c.id}'`).join(', ')}]`;

// Package status by p % 20, and how far along the pipeline it is (cancelled: -1).
const SLOTS: [string, number][] = [
  ['proposed', 0],
  ['validated', 1],
  ['funded', 2],
  ['funded', 2],
  ['contracted', 3],
  ['contracted', 3],
  ['in-transit', 4],
  ['in-transit', 4],
  ['partially-delivered', 5],
  ['partially-delivered', 5],
  ['delivered', 6],
  ['delivered', 6],
  ['delivered', 6],
  ['delivered', 6],
  ['delivered', 6],
  ['delivered', 6],
  ['delivered', 6],
  ['closed', 7],
  ['closed', 7],
  ['cancelled', -1],
];
const slotsValues = `(VALUES ${SLOTS.map(([status, rank], slot) => `(${slot}, '${status}', ${rank})`).join(', ')}) AS s(slot, status, rank)`;

function packagesSql(packages: number): string {
  return `
    INSERT INTO rm_packages (id, title, status, recipient_id, coordinator_id, supplier_id, category, target_amount,
      target_currency, target_eur, target_usd, delivered_num, delivered_den, proposed_on, validated_on, funded_on,
      contracted_on, first_shipped_on, first_received_on, delivered_on, closed_on, cancelled_on, visibility)
    SELECT 'pkg-' || lpad(p::text, 5, '0'),
      jsonb_build_object('uk', 'Пакет ' || p, 'en', 'Package ' || p, 'ru', 'Пакет ' || p),
      s.status, 'ua', 'nsatu', CASE WHEN s.rank >= 3 THEN 'us' END,
      (${categoriesArray})[p % 10 + 1], 0, 'EUR', 0, 0,
      CASE WHEN s.rank >= 5 THEN 1 ELSE 0 END, CASE WHEN s.rank = 5 THEN 2 ELSE 1 END,
      proposed,
      CASE WHEN s.rank >= 1 THEN proposed + 14 END,
      CASE WHEN s.rank >= 2 THEN proposed + 30 END,
      CASE WHEN s.rank >= 3 THEN proposed + 45 END,
      CASE WHEN s.rank >= 4 THEN proposed + 90 END,
      CASE WHEN s.rank = 5 THEN proposed + 120 WHEN s.rank >= 6 THEN proposed + 150 + (p * 13) % 170 END,
      CASE WHEN s.rank >= 6 THEN proposed + 150 + (p * 13) % 170 END,
      CASE WHEN s.rank >= 7 THEN proposed + 180 + (p * 13) % 170 END,
      CASE WHEN s.rank = -1 THEN proposed + 20 END,
      CASE WHEN p % 25 = 3 THEN 'partners' ELSE 'public' END
    FROM (SELECT p, date '2021-05-01' + (p * 37) % 1450 AS proposed FROM generate_series(0, ${packages - 1}) AS p) AS g
    JOIN ${slotsValues} ON s.slot = g.p % 20`;
}

function contributionsSql(n: number, packages: number): string {
  return `
    INSERT INTO rm_contributions (id, donor_id, package_id, category, status, currency, amount, paid_amount,
      amount_eur, amount_usd, paid_eur, paid_usd, delivered_eur, delivered_usd, rate_date, rate_source, pledged_on,
      committed_on, last_paid_on, withdrawn_on, visibility)
    SELECT id, donor_id, package_id, category, status, currency, amount,
      CASE WHEN paid THEN amount ELSE 0 END,
      eur, usd, CASE WHEN paid THEN eur ELSE 0 END, CASE WHEN paid THEN usd ELSE 0 END,
      CASE WHEN status <> 'withdrawn' AND rank >= 5 THEN CASE WHEN rank = 5 THEN eur / 2 ELSE eur END ELSE 0 END,
      CASE WHEN status <> 'withdrawn' AND rank >= 5 THEN CASE WHEN rank = 5 THEN usd / 2 ELSE usd END ELSE 0 END,
      pledged_on, 'ecb', pledged_on,
      CASE WHEN status = 'committed' THEN pledged_on + 20 END,
      CASE WHEN paid THEN pledged_on + 50 END,
      CASE WHEN status = 'withdrawn' THEN pledged_on + 10 END,
      visibility
    FROM (
      SELECT *, status = 'committed' AND ((general AND g % 2 = 0) OR rank >= 3) AS paid
      FROM (
        SELECT g, general, rank,
          'ctb-' || lpad(g::text, 7, '0') AS id,
          'donor-' || lpad((g % ${DONOR_COUNT})::text, 2, '0') AS donor_id,
          CASE WHEN general THEN NULL ELSE 'pkg-' || lpad(p::text, 5, '0') END AS package_id,
          (${categoriesArray})[(CASE WHEN general THEN g / 7 ELSE p END) % 10 + 1] AS category,
          CASE WHEN g % 40 = 7 OR rank = -1 THEN 'withdrawn'
               WHEN general THEN CASE WHEN g % 3 = 0 THEN 'committed' ELSE 'pledged' END
               WHEN rank >= 2 THEN 'committed' ELSE 'pledged' END AS status,
          (ARRAY['EUR', 'USD', 'NOK', 'SEK', 'DKK'])[g % 5 + 1] AS currency,
          round(eur / 100.0 * (ARRAY[1, 1.1684, 11.098, 10.892, 7.4727])[g % 5 + 1], 2) AS amount,
          eur, round(eur * 1.1684)::bigint AS usd,
          CASE WHEN general THEN date '2021-05-01' + ((g::bigint * 7919) % 1776)::int
               ELSE date '2021-05-01' + (p * 37) % 1450 + ((g / ${DONOR_COUNT}) * 7919 + g) % 90 END AS pledged_on,
          CASE WHEN g % 50 = 0 THEN 'restricted' WHEN g % 50 <= 4 THEN 'partners' ELSE 'public' END AS visibility
        FROM (
          SELECT g, g % 10 = 9 AS general, (g / ${DONOR_COUNT}) % ${packages} AS p,
            (1 + (g::bigint * 7919) % 500) * 2000000 AS eur
          FROM generate_series(0, ${n - 1}) AS g
        ) AS a
        LEFT JOIN ${slotsValues} ON NOT a.general AND s.slot = a.p % 20
      ) AS b
    ) AS c`;
}

const PACKAGE_SUMS = `
  UPDATE rm_packages AS p SET
    pledged_eur = s.pledged_eur, pledged_usd = s.pledged_usd,
    committed_eur = s.committed_eur, committed_usd = s.committed_usd,
    paid_eur = s.paid_eur, paid_usd = s.paid_usd
  FROM (
    SELECT package_id,
      coalesce(sum(amount_eur) FILTER (WHERE status <> 'withdrawn'), 0) AS pledged_eur,
      coalesce(sum(amount_usd) FILTER (WHERE status <> 'withdrawn'), 0) AS pledged_usd,
      coalesce(sum(amount_eur) FILTER (WHERE status = 'committed'), 0) AS committed_eur,
      coalesce(sum(amount_usd) FILTER (WHERE status = 'committed'), 0) AS committed_usd,
      sum(paid_eur) AS paid_eur, sum(paid_usd) AS paid_usd
    FROM rm_contributions WHERE package_id IS NOT NULL GROUP BY package_id
  ) AS s
  WHERE p.id = s.package_id`;

// Under-funded while proposed or validated; a cancelled package keeps a nominal target.
const PACKAGE_TARGETS = `
  UPDATE rm_packages SET
    target_eur = greatest(100000000, CASE WHEN status IN ('proposed', 'validated') THEN pledged_eur * 5 / 4 ELSE pledged_eur END),
    target_usd = round(greatest(100000000, CASE WHEN status IN ('proposed', 'validated') THEN pledged_eur * 5 / 4 ELSE pledged_eur END) * 1.1684),
    target_amount = greatest(100000000, CASE WHEN status IN ('proposed', 'validated') THEN pledged_eur * 5 / 4 ELSE pledged_eur END) / 100.0`;

const DONOR_TOTALS = `
  INSERT INTO rm_donor_totals (donor_id, stage, category, month, visibility, eur, usd)
  SELECT donor_id, stage, category, date_trunc('month', on_day)::date, visibility, sum(eur), sum(usd)
  FROM (
    SELECT donor_id, 'pledged' AS stage, category, pledged_on AS on_day, visibility, amount_eur AS eur, amount_usd AS usd
      FROM rm_contributions WHERE status <> 'withdrawn'
    UNION ALL
    SELECT donor_id, 'committed', category, committed_on, visibility, amount_eur, amount_usd
      FROM rm_contributions WHERE status = 'committed'
    UNION ALL
    SELECT donor_id, 'paid', category, last_paid_on, visibility, paid_eur, paid_usd
      FROM rm_contributions WHERE paid_eur <> 0 OR paid_usd <> 0
    UNION ALL
    SELECT c.donor_id, 'delivered', c.category, coalesce(p.delivered_on, p.first_received_on), c.visibility, c.delivered_eur, c.delivered_usd
      FROM rm_contributions AS c JOIN rm_packages AS p ON p.id = c.package_id
      WHERE c.delivered_eur <> 0 OR c.delivered_usd <> 0
  ) AS t
  GROUP BY 1, 2, 3, 4, 5`;

// The rollups, as the projection keeps them (projections/totals.ts): the same sums at coarser grains.
const ROLLUPS = `
  INSERT INTO rm_totals_stage SELECT stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2;
  INSERT INTO rm_totals_donor SELECT donor_id, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3;
  INSERT INTO rm_totals_month SELECT month, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3;
  INSERT INTO rm_totals_category SELECT category, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3;
  INSERT INTO rm_totals_donor_month SELECT donor_id, month, stage, visibility, sum(eur), sum(usd) FROM rm_donor_totals GROUP BY 1, 2, 3, 4`;

// Each package's donors, kept on its row.
const PACKAGE_DONORS = `
  UPDATE rm_packages AS p SET donor_ids = s.donors
  FROM (SELECT package_id, array_agg(DISTINCT donor_id ORDER BY donor_id) AS donors
        FROM rm_contributions WHERE package_id IS NOT NULL AND status <> 'withdrawn' GROUP BY package_id) AS s
  WHERE p.id = s.package_id`;

const DELIVERY_LAGS = `
  INSERT INTO rm_delivery_lags (donor_id, visibility, lag_days, contributions)
  SELECT c.donor_id, c.visibility, greatest(0, p.delivered_on - c.pledged_on), count(*)::int
  FROM rm_contributions AS c JOIN rm_packages AS p ON p.id = c.package_id
  WHERE p.delivered_on IS NOT NULL AND c.status <> 'withdrawn'
  GROUP BY 1, 2, 3`;

const CHECKS = `
  SELECT
    (SELECT coalesce(sum(eur), 0) FROM rm_donor_totals WHERE stage = 'pledged')::text AS totals_pledged,
    (SELECT coalesce(sum(amount_eur), 0) FROM rm_contributions WHERE status <> 'withdrawn')::text AS contributions_pledged,
    (SELECT coalesce(sum(pledged_eur), 0) FROM rm_packages)::text AS packages_pledged,
    (SELECT coalesce(sum(amount_eur), 0) FROM rm_contributions WHERE status <> 'withdrawn' AND package_id IS NOT NULL)::text AS contributions_to_packages,
    (SELECT coalesce(sum(eur), 0) FROM rm_donor_totals WHERE stage = 'delivered')::text AS totals_delivered,
    (SELECT coalesce(sum(delivered_eur), 0) FROM rm_contributions)::text AS contributions_delivered,
    (SELECT coalesce(sum(eur), 0) FROM rm_totals_stage WHERE stage = 'pledged')::text AS rollup_pledged`;

async function count(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** Empties the four read models and fills them with `n` synthetic contributions. */
export async function fillReadModels(
  db: Db,
  n: number,
  onStep: (step: string) => void = () => {},
): Promise<FillResult> {
  const packages = Math.max(20, Math.round(n / CONTRIBUTIONS_PER_PACKAGE));
  const steps: { step: string; ms: number }[] = [];
  const step = async (name: string, text: string | (() => Promise<unknown>)) => {
    await breathe();
    onStep(name);
    const started = performance.now();
    if (typeof text === 'string') await sql.raw(text).execute(db);
    else await text();
    steps.push({ step: name, ms: performance.now() - started });
  };
  const total = performance.now();
  await step(
    'truncate',
    'TRUNCATE rm_contributions, rm_donor_totals, rm_totals_stage, rm_totals_donor, rm_totals_month, rm_totals_category, rm_totals_donor_month, rm_packages, rm_delivery_lags',
  );

  const indexes = await sql<{ indexname: string; indexdef: string }>`
    SELECT indexname, indexdef FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'rm_contributions'
      AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'rm_contributions'::regclass)`.execute(
    db,
  );
  const constraints = await sql<{ conname: string; def: string }>`
    SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = 'rm_contributions'::regclass AND contype IN ('p', 'u')`.execute(db);
  await step('drop rm_contributions indexes', async () => {
    for (const index of indexes.rows) await sql`DROP INDEX ${sql.ref(index.indexname)}`.execute(db);
    for (const c of constraints.rows)
      await sql`ALTER TABLE rm_contributions DROP CONSTRAINT ${sql.ref(c.conname)}`.execute(db);
  });
  await step(`insert ${packages} packages`, packagesSql(packages));
  await step(`insert ${n} contributions`, contributionsSql(n, packages));
  await step('re-create rm_contributions indexes', async () => {
    for (const c of constraints.rows) {
      await sql`ALTER TABLE rm_contributions ADD CONSTRAINT ${sql.ref(c.conname)} ${sql.raw(c.def)}`.execute(db);
    }
    for (const index of indexes.rows) await sql.raw(index.indexdef).execute(db);
  });
  await step('package sums', PACKAGE_SUMS);
  await step('package targets', PACKAGE_TARGETS);
  await step('package donors', PACKAGE_DONORS);
  await step('donor totals', DONOR_TOTALS);
  await step('totals rollups', ROLLUPS);
  await step('delivery lags', DELIVERY_LAGS);
  await step(
    'vacuum analyze',
    'VACUUM ANALYZE rm_contributions, rm_donor_totals, rm_totals_stage, rm_totals_donor, rm_totals_month, rm_totals_category, rm_totals_donor_month, rm_packages, rm_delivery_lags',
  );
  const ms = performance.now() - total;

  const check = (await sql.raw<Record<string, string>>(CHECKS).execute(db)).rows[0] ?? {};
  const consistent =
    check.totals_pledged === check.contributions_pledged &&
    check.rollup_pledged === check.totals_pledged &&
    check.packages_pledged === check.contributions_to_packages &&
    check.totals_delivered === check.contributions_delivered;
  return {
    contributions: await count(db, 'rm_contributions'),
    packages: await count(db, 'rm_packages'),
    donorTotals: await count(db, 'rm_donor_totals'),
    lags: await count(db, 'rm_delivery_lags'),
    ms,
    steps,
    consistent,
    checks: consistent
      ? 'donor totals and rollups = contributions (pledged, delivered); package sums = their contributions'
      : JSON.stringify(check),
  };
}
