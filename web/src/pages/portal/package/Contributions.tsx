import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo } from 'react';
import { Link } from 'wouter';
import type { PackageDetail } from '../../../api/packages.ts';
import { useOrganisationNames } from '../../../api/reference.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useLabels } from './keys.ts';
import { ShareBar } from './ShareBar.tsx';
import { type ContributionShare, contributionShares, stackSegments, unfundedShare } from './shares.ts';

const SEGMENT_TONES = 4;

/** Who funds what share: each contribution as stated and converted, its share of the target, what is paid. */
export function Contributions({ pkg }: { pkg: PackageDetail }) {
  const t = useT();
  const format = useFormat();
  const labels = useLabels();
  const nameOf = useOrganisationNames();
  const { currency } = useCurrency();
  const headingId = useId();
  const shares = useMemo(
    () => contributionShares(pkg.contributions, pkg.target, pkg.targetReporting),
    [pkg.contributions, pkg.target, pkg.targetReporting],
  );
  const columns = useMemo<ColumnDef<ContributionShare, unknown>[]>(
    () => [
      {
        id: 'donor',
        header: t('package.contributions.donor'),
        accessorFn: (row) => nameOf(row.contribution.donorId),
        cell: ({ row }) => (
          <Link href={`/donors/${encodeURIComponent(row.original.contribution.donorId)}`}>
            {nameOf(row.original.contribution.donorId)}
          </Link>
        ),
      },
      {
        id: 'status',
        header: t('package.contributions.status'),
        accessorFn: (row) => labels.contribution(row.contribution.status),
        cell: ({ getValue }) => <span className="status">{String(getValue())}</span>,
      },
      {
        id: 'amount',
        header: t('package.contributions.amount'),
        accessorFn: (row) => Number(row.contribution.amount.amount),
        cell: ({ row }) => <span className="pkg-amount">{format.money(row.original.contribution.amount)}</span>,
      },
      {
        id: 'converted',
        header: t('package.contributions.converted', { currency }),
        accessorFn: (row) => Number(row.contribution.reporting.amount.amount),
        cell: ({ row }) => (
          <span className="pkg-amount">{format.money(row.original.contribution.reporting.amount)}</span>
        ),
      },
      {
        id: 'share',
        header: t('package.contributions.share'),
        accessorFn: (row) => row.share ?? -1,
        cell: ({ row }) =>
          row.original.share === null ? t('common.unknown') : <ShareBar value={row.original.share} />,
      },
      {
        id: 'paid',
        header: t('package.contributions.paid'),
        accessorFn: (row) => row.paidShare ?? -1,
        cell: ({ row }) => (
          <>
            <div className="pkg-amount">{format.money(row.original.contribution.paidAmount)}</div>
            {row.original.paidShare === null ? null : <ShareBar value={row.original.paidShare} tone="paid" />}
          </>
        ),
      },
      {
        id: 'rate',
        header: t('package.contributions.rate'),
        accessorFn: (row) => row.contribution.rate.date,
        cell: ({ row }) => (
          <span className="pkg-amount">
            {t('package.contributions.rateOf', {
              source: row.original.contribution.rate.source.toUpperCase(),
              date: format.date(row.original.contribution.rate.date),
            })}
          </span>
        ),
      },
    ],
    [t, format, labels, nameOf, currency],
  );
  const exportColumns = useMemo<ExportColumn<ContributionShare>[]>(
    () => [
      { name: 'id', value: (row) => row.contribution.id },
      { name: 'donorId', value: (row) => row.contribution.donorId },
      { name: 'status', value: (row) => row.contribution.status },
      { name: 'amount', value: (row) => row.contribution.amount.amount },
      { name: 'currency', value: (row) => row.contribution.amount.currency },
      { name: 'paidAmount', value: (row) => row.contribution.paidAmount.amount },
      { name: 'reportingAmount', value: (row) => row.contribution.reporting.amount.amount },
      { name: 'reportingPaid', value: (row) => row.contribution.reporting.paid.amount },
      { name: 'reportingCurrency', value: (row) => row.contribution.reporting.amount.currency },
      { name: 'shareOfTarget', value: (row) => row.share },
      { name: 'paidShare', value: (row) => row.paidShare },
      { name: 'rateDate', value: (row) => row.contribution.rate.date },
      { name: 'rateSource', value: (row) => row.contribution.rate.source },
      { name: 'pledgedOn', value: (row) => row.contribution.dates.pledged },
      { name: 'committedOn', value: (row) => row.contribution.dates.committed },
      { name: 'lastPaidOn', value: (row) => row.contribution.dates.lastPaid },
    ],
    [],
  );
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('package.section.contributions')}</h2>
      {shares.length === 0 ? (
        <p>{t('package.contributions.none')}</p>
      ) : (
        <>
          <p className="lead">{t('package.contributions.lead', { currency })}</p>
          <StackedShares shares={shares} />
          <DataTable
            caption={t('package.contributions.caption')}
            rows={shares}
            columns={columns}
            exportAs={{ name: `${pkg.id}-contributions-${currency.toLowerCase()}`, columns: exportColumns }}
          />
        </>
      )}
    </section>
  );
}

/** The target as one bar, split by donor; the legend beside it carries the same shares as text. */
function StackedShares({ shares }: { shares: readonly ContributionShare[] }) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  const segments = stackSegments(shares);
  const rest = unfundedShare(shares);
  const shareOf = (id: string) => shares.find((entry) => entry.contribution.id === id)?.share ?? 0;
  return (
    <figure className="pkg-stack">
      <figcaption>{t('package.contributions.chart')}</figcaption>
      <div className="pkg-stack-bar" aria-hidden="true">
        {segments.map((segment, index) => (
          <span
            key={segment.id}
            className={`pkg-stack-segment pkg-segment-${index % SEGMENT_TONES}`}
            style={{ left: `${segment.start * 100}%`, width: `${segment.width * 100}%` }}
          >
            {segment.width >= 0.12 ? nameOf(segment.donorId) : null}
          </span>
        ))}
      </div>
      <ul className="pkg-legend">
        {segments.map((segment, index) => (
          <li key={segment.id}>
            <span className={`pkg-swatch pkg-segment-${index % SEGMENT_TONES}`} aria-hidden="true" />
            {nameOf(segment.donorId)}: {format.share(shareOf(segment.id))}
          </li>
        ))}
        {rest > 0 ? (
          <li>
            <span className="pkg-swatch pkg-segment-rest" aria-hidden="true" />
            {t('package.contributions.unfunded')}: {format.share(rest)}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
