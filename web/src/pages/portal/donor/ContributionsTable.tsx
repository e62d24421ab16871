import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { useApiAnswers } from '../../../api/donors.ts';
import { useApi } from '../../../api/hooks.ts';
import { useCategoryNames, useOrganisationNames } from '../../../api/reference.ts';
import type { Contribution } from '../../../api/types.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';

/** A donor's contributions and, marked as joint, those of the coalitions it belongs to. */
export function ContributionsTable({ donorId, coalitionIds }: { donorId: string; coalitionIds: readonly string[] }) {
  const joint = coalitionIds.length > 0;
  const { currency } = useCurrency();
  const own = useApi<Contribution[]>('/contributions', { donor: donorId, currency });
  const coalitionRows = useApiAnswers<Contribution[]>(
    coalitionIds.map((id) => ({ path: '/contributions', params: { donor: id, currency } })),
  );
  return (
    <QueryState query={own}>
      {(rows) => <Table donorId={donorId} withCoalitions={joint} rows={[...rows, ...coalitionRows.data.flat()]} />}
    </QueryState>
  );
}

function Table({
  donorId,
  withCoalitions,
  rows,
}: {
  donorId: string;
  withCoalitions: boolean;
  rows: readonly Contribution[];
}) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  const categoryName = useCategoryNames();
  const { currency } = useCurrency();
  const columns = useMemo<ColumnDef<Contribution, unknown>[]>(() => {
    const date = (pick: (row: Contribution) => string | null): Partial<ColumnDef<Contribution, unknown>> => ({
      accessorFn: (row) => pick(row) ?? undefined,
      sortUndefined: 'last',
      cell: ({ row }) => {
        const day = pick(row.original);
        return day ? format.date(day) : '—';
      },
    });
    const money = (pick: (row: Contribution) => Contribution['amount']): Partial<ColumnDef<Contribution, unknown>> => ({
      accessorFn: (row) => Number(pick(row).amount),
      cell: ({ row }) => format.money(pick(row.original)),
      meta: { numeric: true },
    });
    return [
      {
        id: 'package',
        header: t('donor.contributions.package'),
        accessorFn: (row) => row.packageId ?? categoryName(row.category),
        cell: ({ row }) =>
          row.original.packageId ? (
            <Link href={`/packages/${encodeURIComponent(row.original.packageId)}`}>{row.original.packageId}</Link>
          ) : (
            t('donor.contributions.general', { category: categoryName(row.original.category) })
          ),
      },
      {
        id: 'donor',
        header: t('donor.contributions.donor'),
        accessorFn: (row) => nameOf(row.donorId),
        cell: ({ row }) =>
          row.original.donorId === donorId ? (
            nameOf(row.original.donorId)
          ) : (
            <Link href={`/donors/${encodeURIComponent(row.original.donorId)}`}>
              {t('donor.contributions.jointly', { coalition: nameOf(row.original.donorId) })}
            </Link>
          ),
      },
      {
        id: 'status',
        header: t('donor.contributions.status'),
        accessorFn: (row) => t(`common.contribution.${row.status}`),
        cell: ({ getValue }) => <span className="status">{String(getValue())}</span>,
      },
      { id: 'amount', header: t('donor.contributions.amount'), ...money((row) => row.amount) },
      {
        id: 'promised',
        header: t('donor.contributions.promised', { currency }),
        ...money((row) => row.reporting.amount),
      },
      { id: 'paid', header: t('donor.stage.paid'), ...money((row) => row.reporting.paid) },
      { id: 'delivered', header: t('donor.stage.delivered'), ...money((row) => row.reporting.delivered) },
      { id: 'pledgedOn', header: t('donor.contributions.pledgedOn'), ...date((row) => row.dates.pledged) },
      { id: 'committedOn', header: t('donor.contributions.committedOn'), ...date((row) => row.dates.committed) },
      { id: 'lastPaidOn', header: t('donor.contributions.lastPaidOn'), ...date((row) => row.dates.lastPaid) },
    ];
  }, [t, format, nameOf, categoryName, currency, donorId]);
  const exportColumns = useMemo<ExportColumn<Contribution>[]>(
    () => [
      { name: 'id', value: (row) => row.id },
      { name: 'donorId', value: (row) => row.donorId },
      { name: 'joint', value: (row) => row.donorId !== donorId },
      { name: 'packageId', value: (row) => row.packageId },
      { name: 'category', value: (row) => row.category },
      { name: 'status', value: (row) => row.status },
      { name: 'amount', value: (row) => row.amount.amount },
      { name: 'amountCurrency', value: (row) => row.amount.currency },
      { name: 'reportingCurrency', value: () => currency },
      { name: 'promised', value: (row) => row.reporting.amount.amount },
      { name: 'paid', value: (row) => row.reporting.paid.amount },
      { name: 'delivered', value: (row) => row.reporting.delivered.amount },
      { name: 'rateDate', value: (row) => row.rate.date },
      { name: 'pledgedOn', value: (row) => row.dates.pledged },
      { name: 'committedOn', value: (row) => row.dates.committed },
      { name: 'lastPaidOn', value: (row) => row.dates.lastPaid },
      { name: 'withdrawnOn', value: (row) => row.dates.withdrawn },
    ],
    [currency, donorId],
  );
  if (rows.length === 0) return <p>{t('donor.contributions.none')}</p>;
  return (
    <DataTable
      caption={t(withCoalitions ? 'donor.contributions.caption' : 'donor.contributions.captionOwn', {
        name: nameOf(donorId),
        currency,
      })}
      rows={rows}
      columns={columns}
      exportAs={{ name: `contributions-${donorId}-${currency}`, columns: exportColumns }}
      initialSort={[{ id: 'pledgedOn', desc: true }]}
    />
  );
}
