import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { LocalizedText } from '../../domain/facts.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { cents, type ReportingCurrency, share, trimDecimal } from './common.ts';
import { type ContributionView, listContributions } from './contributions.ts';
import { packageDonors, packageFunding } from './scoped-columns.ts';
import { type FigureView, figuresFor } from './sources.ts';
import { packageVisible } from './visibility.ts';

export interface PackagePipelineRow {
  id: string;
  title: LocalizedText;
  status: string;
  recipientId: string;
  coordinatorId: string;
  supplierId: string | null;
  category: string;
  donorIds: string[];
  target: MoneyJson;
  /** The target in the reporting currency, at the proposal date's rate. */
  targetReporting: MoneyJson;
  pledged: MoneyJson;
  committed: MoneyJson;
  paid: MoneyJson;
  /** committed ÷ target, paid ÷ target, and the delivered share of the contents (0…1). */
  fundedShare: number;
  paidShare: number;
  deliveredShare: number;
  deliveredShareExact: { numerator: string; denominator: string };
  dates: {
    proposed: string;
    validated: string | null;
    funded: string | null;
    contracted: string | null;
    firstShipped: string | null;
    firstReceived: string | null;
    delivered: string | null;
    closed: string | null;
    cancelled: string | null;
  };
  visibility: string;
}

export interface PackageFilter {
  id?: string | undefined;
  status?: string | undefined;
  donorId?: string | undefined;
  currency: ReportingCurrency;
  /** A page of the pipeline, oldest proposal first: at most `limit` packages (default 200) after `offset`. */
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * The package pipeline the reader may see, a page at a time: each package with its status and funded, paid and
 * delivered shares. Its funding sums the contributions the reader's aggregates count, and its donors are those of the
 * contributions the reader may see (see scoped-columns.ts).
 */
export async function listPackages(db: Db, scope: ReadScope, filter: PackageFilter): Promise<PackagePipelineRow[]> {
  const key = filter.currency === 'EUR' ? 'eur' : 'usd';
  const donors = packageDonors(scope, 'p');
  let query = db
    .selectFrom('rm_packages as p')
    .selectAll('p')
    .select([
      donors.as('visible_donor_ids'),
      packageFunding(scope, 'p', `pledged_${key}`).as('visible_pledged'),
      packageFunding(scope, 'p', `committed_${key}`).as('visible_committed'),
      packageFunding(scope, 'p', `paid_${key}`).as('visible_paid'),
    ])
    .where(packageVisible(scope, 'p'))
    .orderBy('p.proposed_on')
    .orderBy('p.id');
  if (filter.id) query = query.where('p.id', '=', filter.id);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.donorId) query = query.where(sql<boolean>`${filter.donorId} = ANY(${donors})`);
  query = query.limit(filter.limit ?? 200).offset(filter.offset ?? 0);
  const rows = await query.execute();
  return rows.map((row) => {
    const target = BigInt(key === 'eur' ? row.target_eur : row.target_usd);
    const committed = BigInt(row.visible_committed);
    const paid = BigInt(row.visible_paid);
    return {
      id: row.id,
      title: row.title as LocalizedText,
      status: row.status,
      recipientId: row.recipient_id,
      coordinatorId: row.coordinator_id,
      supplierId: row.supplier_id,
      category: row.category,
      donorIds: row.visible_donor_ids,
      target: { amount: trimDecimal(row.target_amount), currency: row.target_currency },
      targetReporting: cents(target, filter.currency),
      pledged: cents(row.visible_pledged, filter.currency),
      committed: cents(committed, filter.currency),
      paid: cents(paid, filter.currency),
      fundedShare: share(committed, target),
      paidShare: share(paid, target),
      deliveredShare: share(BigInt(row.delivered_num), BigInt(row.delivered_den)),
      deliveredShareExact: { numerator: row.delivered_num, denominator: row.delivered_den },
      dates: {
        proposed: row.proposed_on,
        validated: row.validated_on,
        funded: row.funded_on,
        contracted: row.contracted_on,
        firstShipped: row.first_shipped_on,
        firstReceived: row.first_received_on,
        delivered: row.delivered_on,
        closed: row.closed_on,
        cancelled: row.cancelled_on,
      },
      visibility: row.visibility,
    };
  });
}

export interface PackageDetail extends PackagePipelineRow {
  lines: {
    lineId: string;
    requirementId: string | null;
    description: string;
    category: string;
    quantity: number | null;
    unit: string | null;
    value: MoneyJson | null;
    shipped: number;
    received: number;
  }[];
  shipments: { shipmentId: string; dispatchedOn: string; lines: unknown }[];
  receipts: { receiptId: string; shipmentId: string; receivedOn: string; lines: unknown; full: boolean }[];
  contributions: ContributionView[];
  figures: FigureView[];
}

/** One package with its lines, shipments, receipts, funders and the reported figures about it, if the reader may see it. */
export async function getPackage(
  db: Db,
  scope: ReadScope,
  id: string,
  currency: ReportingCurrency,
): Promise<PackageDetail | undefined> {
  const [row] = await listPackages(db, scope, { id, currency });
  if (!row) return undefined;
  const [lines, shipments, receipts, contributions, figures] = await Promise.all([
    db.selectFrom('rm_package_lines').selectAll().where('package_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('rm_shipments')
      .selectAll()
      .where('package_id', '=', id)
      .orderBy('dispatched_on')
      .orderBy('shipment_id')
      .execute(),
    db
      .selectFrom('rm_receipts')
      .selectAll()
      .where('package_id', '=', id)
      .orderBy('received_on')
      .orderBy('receipt_id')
      .execute(),
    listContributions(db, scope, { packageId: id, currency }),
    figuresFor(db, scope, { type: 'package', id }),
  ]);
  return {
    ...row,
    lines: lines.map((line) => ({
      lineId: line.line_id,
      requirementId: line.requirement_id,
      description: line.description,
      category: line.category,
      quantity: line.quantity === null ? null : Number(line.quantity),
      unit: line.unit,
      value:
        line.value_amount === null ? null : { amount: trimDecimal(line.value_amount), currency: row.target.currency },
      shipped: Number(line.shipped),
      received: Number(line.received),
    })),
    shipments: shipments.map((s) => ({ shipmentId: s.shipment_id, dispatchedOn: s.dispatched_on, lines: s.lines })),
    receipts: receipts.map((r) => ({
      receiptId: r.receipt_id,
      shipmentId: r.shipment_id,
      receivedOn: r.received_on,
      lines: r.lines,
      full: r.full_receipt,
    })),
    contributions,
    figures,
  };
}
