/**
 * What imported trackers (the Kiel Ukraine Support Tracker, OCHA FTS) say donors gave: their flows summed by donor,
 * month, stage and category, read from `rm_flow_totals` only, and the tracker releases behind them (`rm_imports` with
 * their sources). A tracker here is the flows of one basis (Kiel's are estimates, FTS's reported), and its sums are
 * those of its current release: of the releases imported, the one published last (then imported last). A later
 * Kiel release supersedes an earlier one rather than adding to it; every FTS snapshot is one release (`ocha-fts`),
 * each adding the flows the ones before it lacked. These figures stand next to the pipeline's and are never added
 * into them.
 *
 * Sums count the visibilities the reader's aggregates count (aggregateVisibilities), like every other total; the
 * releases are the imports the reader may read, each with its source when the reader may read that.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { FlowCategory, FlowStage } from '../../domain/flow/flow.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { type ReportingCurrency, trimDecimal } from './common.ts';
import { aggregatedFor, importVisible, organisationVisible, sourceVisible } from './visibility.ts';

/**
 * The stages and categories a flow has (domain/flow/flow.ts), in the order answers list them: a stage or category
 * the domain adds fails to compile here until it is placed.
 */
const STAGE_RANK: Readonly<Record<FlowStage, number>> = { pledged: 0, committed: 1, allocated: 2, paid: 3 };
const CATEGORY_RANK: Readonly<Record<FlowCategory, number>> = { military: 0, financial: 1, humanitarian: 2, total: 3 };

export interface FlowTotalsFilter {
  readonly currency: ReportingCurrency;
  readonly donorId?: string | undefined;
  /** Inclusive months, YYYY-MM. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly stage?: string | undefined;
  readonly category?: string | undefined;
  readonly basis?: string | undefined;
}

/** One sum: the flows of a stage and category, how many there are, and their amount in the reporting currency. */
export interface FlowSum {
  stage: string;
  category: string;
  flows: number;
  amount: MoneyJson;
}

export interface FlowMonthSum extends FlowSum {
  month: string;
}

export interface FlowDonor {
  donorId: string;
  /** Null when the reader may not read the organisation itself (its figures are public, its record is not). */
  kind: string | null;
  names: { uk: string; en: string; ru: string } | null;
  flows: number;
  totals: FlowSum[];
}

/** One import of a tracker's file: its release and the source record that cites it. */
export interface FlowRelease {
  importId: string;
  /** Its figures are the tracker's sums: false for a release a later one supersedes. */
  current: boolean;
  format: string;
  file: string;
  /** The tracker's release as it names it ("Ukraine Support Tracker, Release 29 (04/2026)"); null for FTS. */
  release: string | null;
  completedOn: string;
  rowsRead: number;
  flows: number;
  skippedRows: number;
  source: {
    id: string;
    title: string;
    publisher: string;
    url: string | null;
    publishedOn: string | null;
    language: string;
  } | null;
}

/** A tracker's flows in short: how many, of how many donors, over which months, and the releases behind them. */
export interface FlowTracker {
  basis: string;
  flows: number;
  donorCount: number;
  period: { from: string; to: string };
  releases: FlowRelease[];
}

export interface FlowTrackerTotals extends FlowTracker {
  /** Over the whole period, by stage and category. */
  totals: FlowSum[];
  donors: FlowDonor[];
  months: FlowMonthSum[];
}

export interface FlowTotals {
  currency: ReportingCurrency;
  trackers: FlowTrackerTotals[];
}

interface SumRow {
  basis: string;
  stage: string;
  category: string;
  flows: string;
  total: string;
}

const moneyOf = (total: string, currency: ReportingCurrency): MoneyJson => ({ amount: trimDecimal(total), currency });

const sumOf = (row: SumRow, currency: ReportingCurrency): FlowSum => ({
  stage: row.stage,
  category: row.category,
  flows: Number(row.flows),
  amount: moneyOf(row.total, currency),
});

/** Stages in the order a flow moves through them, then categories; anything unknown last. */
const byStageAndCategory = (a: { stage: string; category: string }, b: { stage: string; category: string }) =>
  rank(STAGE_RANK, a.stage) - rank(STAGE_RANK, b.stage) ||
  rank(CATEGORY_RANK, a.category) - rank(CATEGORY_RANK, b.category);
const rank = (ranks: Readonly<Record<string, number>>, value: string): number =>
  Object.hasOwn(ranks, value) ? (ranks[value] ?? 0) : Object.keys(ranks).length;

/** The rows of `rm_flow_totals` the filter and the reader's aggregates select, of the trackers' current releases. */
function filtered(db: Db, scope: ReadScope, current: readonly string[], filter: Omit<FlowTotalsFilter, 'currency'>) {
  let query = db
    .selectFrom('rm_flow_totals as t')
    .where(aggregatedFor(scope, 't.visibility'))
    .where((eb) => (current.length > 0 ? eb('t.source_id', 'in', current) : eb.val(false)));
  if (filter.donorId !== undefined) query = query.where('t.donor_id', '=', filter.donorId);
  if (filter.from !== undefined) query = query.where('t.month', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('t.month', '<=', filter.to);
  if (filter.stage !== undefined) query = query.where('t.stage', '=', filter.stage);
  if (filter.category !== undefined) query = query.where('t.category', '=', filter.category);
  if (filter.basis !== undefined) query = query.where('t.basis', '=', filter.basis);
  return query;
}

const flowCount = sql<string>`sum(t.flows)::text`;

/** The basis of an import, as its completing event on the ledger states it (rm_imports keeps none). */
const importBasis = (alias: string): RawBuilder<string | null> =>
  sql<string | null>`(SELECT e.meta->>'basis' FROM events e
    WHERE e.stream_type = 'import' AND e.type = 'ImportCompleted' AND e.data->>'importId' = ${sql.ref(`${alias}.import_id`)}
    LIMIT 1)`;

/** A release as read: its basis, and the source its totals are kept under ('' when it has none). */
type ReleaseRow = FlowRelease & { basis: string | null; sourceId: string; publishedOn: string };

/**
 * The completed imports the reader may read, oldest first, each with its basis, its source if readable, and whether
 * it is its tracker's current release; and the sources of the current releases, whose totals the sums read.
 */
async function releases(db: Db, scope: ReadScope): Promise<{ all: ReleaseRow[]; current: string[] }> {
  const all = await importedReleases(db, scope);
  const latest = new Map<string | null, ReleaseRow>();
  for (const release of all) {
    const known = latest.get(release.basis);
    if (!known || laterRelease(release, known)) latest.set(release.basis, release);
  }
  const current = new Set([...latest.values()].map((release) => release.sourceId));
  return {
    all: all.map((release) => ({ ...release, current: current.has(release.sourceId) })),
    current: [...current],
  };
}

/** Published later, or on the same day (or neither dated) and imported later: `all` is in import order. */
function laterRelease(release: ReleaseRow, than: ReleaseRow): boolean {
  return release.publishedOn >= than.publishedOn;
}

async function importedReleases(db: Db, scope: ReadScope): Promise<ReleaseRow[]> {
  const rows = await db
    .selectFrom('rm_imports as i')
    .leftJoin('rm_sources as s', (join) => join.onRef('s.id', '=', 'i.source_id').on(sourceVisible(scope, 's')))
    .select([
      'i.import_id',
      'i.format',
      'i.file',
      'i.release',
      'i.completed_on',
      'i.rows_read',
      'i.flows',
      'i.skipped_rows',
      'i.source_id as release_source',
      // When its source was published, whether or not the reader may read the source: it only orders releases.
      sql<string | null>`(SELECT p.published_on FROM rm_sources p WHERE p.id = i.source_id)`.as('release_published'),
      's.id as source_id',
      's.title',
      's.publisher',
      's.url',
      's.published_on',
      's.language',
      importBasis('i').as('basis'),
    ])
    .where(importVisible(scope, 'i'))
    .orderBy('i.completed_on')
    .orderBy('i.import_id')
    .execute();
  return rows.map((row) => ({
    basis: row.basis,
    sourceId: row.release_source ?? '',
    publishedOn: row.release_published ?? '',
    importId: row.import_id,
    current: false,
    format: row.format,
    file: row.file,
    release: row.release,
    completedOn: row.completed_on,
    rowsRead: row.rows_read,
    flows: row.flows,
    skippedRows: row.skipped_rows,
    source:
      row.source_id !== null && row.title !== null && row.publisher !== null && row.language !== null
        ? {
            id: row.source_id,
            title: row.title,
            publisher: row.publisher,
            url: row.url,
            publishedOn: row.published_on,
            language: row.language,
          }
        : null,
  }));
}

const releasesOf = (all: readonly ReleaseRow[], basis: string): FlowRelease[] =>
  all
    .filter((release) => release.basis === basis)
    .map(({ basis: _basis, sourceId: _source, publishedOn: _published, ...release }) => release);

/**
 * Each tracker (basis) with flows the reader's aggregates count: its number of flows and donors, its first and last
 * month, and its releases. What the overview's line about the trackers says.
 */
export async function flowTrackers(db: Db, scope: ReadScope): Promise<FlowTracker[]> {
  const imports = await releases(db, scope);
  const summaries = await filtered(db, scope, imports.current, {})
    .select([
      't.basis',
      flowCount.as('flows'),
      sql<number>`count(DISTINCT t.donor_id)::int`.as('donors'),
      sql<string>`min(t.month)`.as('first'),
      sql<string>`max(t.month)`.as('last'),
    ])
    .groupBy('t.basis')
    .orderBy('t.basis')
    .execute();
  return summaries.map((row) => ({
    basis: row.basis,
    flows: Number(row.flows),
    donorCount: row.donors,
    period: { from: row.first, to: row.last },
    releases: releasesOf(imports.all, row.basis),
  }));
}

/**
 * The trackers' flows summed for the filter, per tracker (basis): over the period by stage and category, per donor
 * (with its names and kind when the reader may read the organisation) and per month, in the reporting currency, with
 * the releases behind them. Reads the monthly totals only, never the flows themselves.
 */
export async function flowTotals(db: Db, scope: ReadScope, filter: FlowTotalsFilter): Promise<FlowTotals> {
  const { currency, ...where } = filter;
  const money = sql<string>`sum(${sql.ref(currency === 'EUR' ? 't.eur' : 't.usd')})::text`;
  const imports = await releases(db, scope);
  const [overall, perDonor, perMonth] = await Promise.all([
    filtered(db, scope, imports.current, where)
      .select(['t.basis', 't.stage', 't.category', flowCount.as('flows'), money.as('total')])
      .groupBy(['t.basis', 't.stage', 't.category'])
      .execute(),
    filtered(db, scope, imports.current, where)
      .leftJoin('rm_organisations as o', (join) =>
        join.onRef('o.id', '=', 't.donor_id').on(organisationVisible(scope, 'o')),
      )
      .select([
        't.basis',
        't.donor_id',
        't.stage',
        't.category',
        'o.kind',
        'o.name_uk',
        'o.name_en',
        'o.name_ru',
        flowCount.as('flows'),
        money.as('total'),
      ])
      .groupBy(['t.basis', 't.donor_id', 't.stage', 't.category', 'o.kind', 'o.name_uk', 'o.name_en', 'o.name_ru'])
      .orderBy('t.donor_id')
      .execute(),
    filtered(db, scope, imports.current, where)
      .select(['t.basis', 't.month', 't.stage', 't.category', flowCount.as('flows'), money.as('total')])
      .groupBy(['t.basis', 't.month', 't.stage', 't.category'])
      .orderBy('t.month')
      .execute(),
  ]);
  const bases = [...new Set(overall.map((row) => row.basis))].sort();
  return {
    currency,
    trackers: bases.map((basis) => {
      const donors = new Map<string, FlowDonor>();
      for (const row of perDonor) {
        if (row.basis !== basis) continue;
        const donor = donors.get(row.donor_id) ?? {
          donorId: row.donor_id,
          kind: row.kind,
          names:
            row.name_uk !== null && row.name_en !== null && row.name_ru !== null
              ? { uk: row.name_uk, en: row.name_en, ru: row.name_ru }
              : null,
          flows: 0,
          totals: [],
        };
        donor.totals.push(sumOf(row, currency));
        donor.flows += Number(row.flows);
        donors.set(row.donor_id, donor);
      }
      for (const donor of donors.values()) donor.totals.sort(byStageAndCategory);
      const months = perMonth
        .filter((row) => row.basis === basis)
        .map((row) => ({ month: row.month, ...sumOf(row, currency) }))
        .sort((a, b) => a.month.localeCompare(b.month) || byStageAndCategory(a, b));
      const totals = overall
        .filter((row) => row.basis === basis)
        .map((row) => sumOf(row, currency))
        .sort(byStageAndCategory);
      return {
        basis,
        flows: totals.reduce((sum, row) => sum + row.flows, 0),
        donorCount: donors.size,
        period: { from: months[0]?.month ?? '', to: months.at(-1)?.month ?? '' },
        releases: releasesOf(imports.all, basis),
        totals,
        donors: [...donors.values()],
        months,
      };
    }),
  };
}
