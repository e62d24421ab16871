import type { Db } from '../../db/index.ts';
import type { ReadScope } from '../../domain/access.ts';
import type { MoneyJson } from '../../domain/money.ts';
import { cents, type ReportingCurrency, trimDecimal } from './common.ts';
import { contributionVisible } from './visibility.ts';

export interface ContributionView {
  id: string;
  donorId: string;
  packageId: string | null;
  category: string;
  status: string;
  /** The amount in the donor's currency, as pledged, committed or amended; and what has been paid of it. */
  amount: MoneyJson;
  paidAmount: MoneyJson;
  /** Equivalents in the reporting currency, with the rate's date and source. */
  reporting: { amount: MoneyJson; paid: MoneyJson; delivered: MoneyJson };
  rate: { date: string; source: string };
  dates: { pledged: string; committed: string | null; lastPaid: string | null; withdrawn: string | null };
  visibility: string;
}

export interface ContributionFilter {
  id?: string | undefined;
  donorId?: string | undefined;
  packageId?: string | undefined;
  status?: string | undefined;
  currency: ReportingCurrency;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The contributions the reader may see, newest pledge first; paged so a donor with thousands stays fast. */
export async function listContributions(
  db: Db,
  scope: ReadScope,
  filter: ContributionFilter,
): Promise<ContributionView[]> {
  let query = db
    .selectFrom('rm_contributions as c')
    .selectAll('c')
    .where(contributionVisible(scope, 'c'))
    .orderBy('c.pledged_on', 'desc')
    .orderBy('c.id');
  if (filter.id) query = query.where('c.id', '=', filter.id);
  if (filter.donorId) query = query.where('c.donor_id', '=', filter.donorId);
  if (filter.packageId) query = query.where('c.package_id', '=', filter.packageId);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  query = query.limit(filter.limit ?? 500).offset(filter.offset ?? 0);
  const rows = await query.execute();
  const eur = filter.currency === 'EUR';
  return rows.map((row) => ({
    id: row.id,
    donorId: row.donor_id,
    packageId: row.package_id,
    category: row.category,
    status: row.status,
    amount: { amount: trimDecimal(row.amount), currency: row.currency },
    paidAmount: { amount: trimDecimal(row.paid_amount), currency: row.currency },
    reporting: {
      amount: cents(eur ? row.amount_eur : row.amount_usd, filter.currency),
      paid: cents(eur ? row.paid_eur : row.paid_usd, filter.currency),
      delivered: cents(eur ? row.delivered_eur : row.delivered_usd, filter.currency),
    },
    rate: { date: row.rate_date, source: row.rate_source },
    dates: {
      pledged: row.pledged_on,
      committed: row.committed_on,
      lastPaid: row.last_paid_on,
      withdrawn: row.withdrawn_on,
    },
    visibility: row.visibility,
  }));
}
