import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { useCategoryNames } from '../../../api/reference.ts';
import type { RequirementCoverage } from '../../../api/requirements.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';

interface Row extends RequirementCoverage {
  readonly name: string;
  readonly categoryName: string;
}

/** The requirements as a table to sort, filter and download, in rank order to begin with. */
export function RequirementsTable({ requirements }: { requirements: readonly RequirementCoverage[] }) {
  const t = useT();
  const format = useFormat();
  const categoryName = useCategoryNames();
  // Names are part of the rows, so the table reads them again once the categories have loaded.
  const rows = useMemo<Row[]>(
    () =>
      requirements.map((row) => ({ ...row, name: format.name(row.title), categoryName: categoryName(row.category) })),
    [requirements, format, categoryName],
  );
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      { id: 'rank', header: t('priorities.column.rank'), accessorFn: (row) => row.priorityRank },
      { id: 'title', header: t('priorities.column.requirement'), accessorFn: (row) => row.name },
      { id: 'category', header: t('priorities.column.category'), accessorFn: (row) => row.categoryName },
      {
        id: 'need',
        header: t('priorities.column.need'),
        accessorFn: (row) => row.quantity ?? undefined,
        sortUndefined: 'last',
        cell: ({ row }) =>
          row.original.quantity === null
            ? t('priorities.column.needUnknown')
            : `${format.number(row.original.quantity)} ${row.original.unit ?? ''}`.trim(),
      },
      { id: 'covered', header: t('priorities.column.covered'), accessorFn: (row) => row.covered },
      { id: 'funded', header: t('priorities.column.funded'), accessorFn: (row) => row.funded },
      { id: 'delivered', header: t('priorities.column.delivered'), accessorFn: (row) => row.delivered },
      {
        id: 'packages',
        header: t('priorities.column.packages'),
        accessorFn: (row) => row.packageIds.join(' '),
        enableSorting: false,
        cell: ({ row }) =>
          row.original.packageIds.map((id, index) => (
            <span key={id}>
              {index > 0 ? ', ' : null}
              <Link href={`/packages/${encodeURIComponent(id)}`}>{id}</Link>
            </span>
          )),
      },
    ],
    [t, format],
  );
  const exportColumns = useMemo<ExportColumn<Row>[]>(
    () => [
      { name: 'id', value: (row) => row.id },
      { name: 'recipientId', value: (row) => row.recipientId },
      { name: 'priorityRank', value: (row) => row.priorityRank },
      { name: 'title', value: (row) => row.name },
      { name: 'category', value: (row) => row.category },
      { name: 'quantity', value: (row) => row.quantity },
      { name: 'unit', value: (row) => row.unit },
      { name: 'estimatedValue', value: (row) => row.estimatedValue?.amount ?? null },
      { name: 'estimatedCurrency', value: (row) => row.estimatedValue?.currency ?? null },
      { name: 'covered', value: (row) => row.covered },
      { name: 'funded', value: (row) => row.funded },
      { name: 'delivered', value: (row) => row.delivered },
      { name: 'packageIds', value: (row) => row.packageIds.join(' ') },
    ],
    [],
  );
  return (
    <DataTable
      caption={t('priorities.table.caption')}
      rows={rows}
      columns={columns}
      exportAs={{ name: 'requirements', columns: exportColumns }}
      initialSort={[{ id: 'rank', desc: false }]}
    />
  );
}
