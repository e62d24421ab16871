/**
 * What the IATI 2.03 export reads (docs/iati.md, "Export"): the public packages, a page at a time
 * in the order of their id, each with its lines, its public contributions that still stand (not withdrawn), their
 * payments one by one, and the organisations they name. Run it on an export snapshot's transaction, so that every
 * page reflects the same ledger head.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Language } from '../../domain/facts.ts';
import type { ProjectionTables } from '../tables.ts';

export interface IatiOrganisationRow {
  readonly id: string;
  readonly kind: string;
  readonly iso3166: string | null;
  readonly names: Readonly<Record<Language, string>>;
}

/** One payment of a contribution, as its ContributionPaid event recorded it. */
export interface IatiPaymentRow {
  readonly paymentId: string;
  /** A decimal string in the contribution's currency. */
  readonly amount: string;
  readonly paidOn: string;
  readonly rateDate: string;
}

export interface IatiContributionRow {
  readonly id: string;
  readonly donorId: string;
  readonly status: string;
  readonly currency: string;
  /** The amount now promised (pledged, then as committed or amended), and what has been paid of it: decimals. */
  readonly amount: string;
  readonly paidAmount: string;
  readonly rateDate: string;
  readonly pledgedOn: string;
  readonly committedOn: string | null;
  readonly payments: readonly IatiPaymentRow[];
}

export interface IatiLineRow {
  readonly description: string;
  readonly quantity: string | null;
  readonly unit: string | null;
}

export interface IatiPackageRow {
  readonly id: string;
  readonly title: Readonly<Partial<Record<Language, string>>>;
  readonly status: string;
  readonly category: string;
  readonly recipientId: string;
  readonly coordinatorId: string;
  readonly supplierId: string | null;
  readonly targetCurrency: string;
  readonly dates: {
    readonly proposed: string;
    readonly funded: string | null;
    readonly contracted: string | null;
    readonly firstShipped: string | null;
    readonly delivered: string | null;
    readonly closed: string | null;
    readonly cancelled: string | null;
  };
  readonly lines: readonly IatiLineRow[];
  readonly contributions: readonly IatiContributionRow[];
}

export interface IatiPage {
  readonly packages: readonly IatiPackageRow[];
  /** Every organisation the page's packages and contributions name, by id. */
  readonly organisations: ReadonlyMap<string, IatiOrganisationRow>;
}

/** The page size: a page holds its packages' lines, contributions and payments too. */
const PAGE = 200;

/** The public packages with what the export writes of them, `pageSize` packages a page, by keyset on the id. */
export async function* iatiPages(db: Db, pageSize = PAGE): AsyncGenerator<IatiPage> {
  let after: string | undefined;
  while (true) {
    let query = db.selectFrom('rm_packages').selectAll().where('visibility', '=', 'public');
    if (after !== undefined) query = query.where('id', '>', after);
    const packages = await query.orderBy('id').limit(pageSize).execute();
    const last = packages[packages.length - 1];
    if (!last) return;
    after = last.id;
    yield await pageOf(db, packages);
    if (packages.length < pageSize) return;
  }
}

type PackageRecord = Selectable<ProjectionTables['rm_packages']>;

async function pageOf(db: Db, packages: readonly PackageRecord[]): Promise<IatiPage> {
  const ids = packages.map((row) => row.id);
  const [lines, contributions] = await Promise.all([
    db
      .selectFrom('rm_package_lines')
      .select(['package_id', 'description', 'quantity', 'unit'])
      .where('package_id', 'in', ids)
      .orderBy('package_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('rm_contributions')
      .selectAll()
      .where('package_id', 'in', ids)
      .where('visibility', '=', 'public')
      .where('status', '<>', 'withdrawn')
      .orderBy('pledged_on')
      .orderBy('id')
      .execute(),
  ]);
  const payments = await paymentsOf(
    db,
    contributions.map((row) => row.id),
  );
  const organisations = await organisationsOf(db, [
    ...packages.flatMap((row) => [row.recipient_id, row.coordinator_id, ...(row.supplier_id ? [row.supplier_id] : [])]),
    ...contributions.map((row) => row.donor_id),
  ]);
  return {
    packages: packages.map((row) => ({
      id: row.id,
      title: row.title as IatiPackageRow['title'],
      status: row.status,
      category: row.category,
      recipientId: row.recipient_id,
      coordinatorId: row.coordinator_id,
      supplierId: row.supplier_id,
      targetCurrency: row.target_currency,
      dates: {
        proposed: row.proposed_on,
        funded: row.funded_on,
        contracted: row.contracted_on,
        firstShipped: row.first_shipped_on,
        delivered: row.delivered_on,
        closed: row.closed_on,
        cancelled: row.cancelled_on,
      },
      lines: lines
        .filter((line) => line.package_id === row.id)
        .map((line) => ({ description: line.description, quantity: line.quantity, unit: line.unit })),
      contributions: contributions
        .filter((contribution) => contribution.package_id === row.id)
        .map((contribution) => ({
          id: contribution.id,
          donorId: contribution.donor_id,
          status: contribution.status,
          currency: contribution.currency,
          amount: contribution.amount,
          paidAmount: contribution.paid_amount,
          rateDate: contribution.rate_date,
          pledgedOn: contribution.pledged_on,
          committedOn: contribution.committed_on,
          payments: payments.get(contribution.id) ?? [],
        })),
    })),
    organisations,
  };
}

/** The stream of a contribution (as src/app/command.ts names streams). */
const CONTRIBUTION_STREAM = 'contribution-';

/**
 * Each contribution's payments, in the order recorded. No read model keeps them one by one (rm_contributions holds
 * their sum and the last date), so they are read from the ledger, in the same snapshot as the read models.
 */
async function paymentsOf(db: Db, contributionIds: readonly string[]): Promise<Map<string, IatiPaymentRow[]>> {
  const byContribution = new Map<string, IatiPaymentRow[]>();
  if (contributionIds.length === 0) return byContribution;
  const events = await db
    .selectFrom('events')
    .select(['stream_id', 'data', 'occurred_on'])
    .where(
      'stream_id',
      'in',
      contributionIds.map((id) => `${CONTRIBUTION_STREAM}${id}`),
    )
    .where('type', '=', 'ContributionPaid')
    .orderBy('seq')
    .execute();
  for (const event of events) {
    const id = event.stream_id.slice(CONTRIBUTION_STREAM.length);
    const payment = paymentOf(event.data, event.occurred_on);
    if (!payment) throw new Error(`export: a ContributionPaid event of ${id} is not shaped as one`);
    byContribution.set(id, [...(byContribution.get(id) ?? []), payment]);
  }
  return byContribution;
}

function paymentOf(data: unknown, occurredOn: string | null): IatiPaymentRow | undefined {
  if (typeof data !== 'object' || data === null || occurredOn === null) return undefined;
  const { paymentId, amount, equivalents } = data as Record<string, unknown>;
  const value = typeof amount === 'object' && amount !== null ? (amount as Record<string, unknown>).amount : undefined;
  const rateDate =
    typeof equivalents === 'object' && equivalents !== null
      ? (equivalents as Record<string, unknown>).rateDate
      : undefined;
  if (typeof paymentId !== 'string' || typeof value !== 'string' || typeof rateDate !== 'string') return undefined;
  return { paymentId, amount: value, paidOn: occurredOn, rateDate };
}

async function organisationsOf(db: Db, ids: readonly string[]): Promise<Map<string, IatiOrganisationRow>> {
  const wanted = [...new Set(ids)];
  const rows =
    wanted.length === 0
      ? []
      : await db
          .selectFrom('rm_organisations')
          .select(['id', 'kind', 'iso3166', 'name_uk', 'name_en', 'name_ru'])
          .where('id', 'in', wanted)
          .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        kind: row.kind,
        iso3166: row.iso3166,
        names: { uk: row.name_uk, en: row.name_en, ru: row.name_ru },
      },
    ]),
  );
}
