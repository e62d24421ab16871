import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'wouter';
import type { FlowDonor, FlowSum, FlowTrackerTotals } from '../../../api/flows.ts';
import { useOrganisationNames } from '../../../api/reference.ts';
import type { Money } from '../../../api/types.ts';
import { useCurrency } from '../../../app/currency.tsx';
import { type FlowKey, flowKeyId, flowKeys } from '../../../charts/flow-series.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useFlowLabels } from './labels.ts';

interface DonorRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string | null;
  readonly flows: number;
  /** By key id (`allocated:military`); a stage and category without flows is absent. */
  readonly sums: Readonly<Record<string, Money>>;
}

const sumsOf = (totals: readonly FlowSum[]): Record<string, Money> =>
  Object.fromEntries(totals.map((sum) => [flowKeyId(sum), sum.amount]));

/** Each donor of a tracker with its flows over the period, a column per stage and category; sorts, filters, downloads. */
export function TrackerDonorsTable({ tracker, title }: { tracker: FlowTrackerTotals; title: string }) {
  const t = useT();
  const format = useFormat();
  const labels = useFlowLabels();
  const nameOf = useOrganisationNames();
  const { currency } = useCurrency();
  const keys = useMemo(() => flowKeys(tracker.totals), [tracker.totals]);
  const rows = useMemo<DonorRow[]>(
    () =>
      tracker.donors.map((donor: FlowDonor) => ({
        id: donor.donorId,
        name: donor.names ? format.name(donor.names) : nameOf(donor.donorId),
        kind: donor.kind,
        flows: donor.flows,
        sums: sumsOf(donor.totals),
      })),
    [tracker.donors, format, nameOf],
  );
  const columns = useMemo<ColumnDef<DonorRow, unknown>[]>(
    () => [
      {
        id: 'donor',
        header: t('trackers.column.donor'),
        accessorFn: (row) => row.name,
        cell: ({ row }) => <Link href={`/donors/${encodeURIComponent(row.original.id)}`}>{row.original.name}</Link>,
      },
      { id: 'kind', header: t('trackers.column.kind'), accessorFn: (row) => labels.kind(row.kind) },
      ...keys.map(
        (key: FlowKey): ColumnDef<DonorRow, unknown> => ({
          id: key.id,
          header: labels.key(key),
          accessorFn: (row) => Number(row.sums[key.id]?.amount ?? 0),
          meta: { numeric: true },
          cell: ({ row }) => {
            const money = row.original.sums[key.id];
            return money ? format.money(money) : '—';
          },
        }),
      ),
      {
        id: 'flows',
        header: t('trackers.column.flows'),
        accessorFn: (row) => row.flows,
        meta: { numeric: true },
        cell: ({ row }) => format.number(row.original.flows),
      },
    ],
    [t, format, labels, keys],
  );
  const exportColumns = useMemo<ExportColumn<DonorRow>[]>(
    () => [
      { name: 'donorId', value: (row) => row.id },
      { name: 'name', value: (row) => row.name },
      { name: 'kind', value: (row) => row.kind },
      { name: 'basis', value: () => tracker.basis },
      { name: 'from', value: () => tracker.period.from },
      { name: 'to', value: () => tracker.period.to },
      { name: 'currency', value: () => currency },
      ...keys.map((key) => ({ name: key.id, value: (row: DonorRow) => row.sums[key.id]?.amount ?? '0' })),
      { name: 'flows', value: (row) => row.flows },
    ],
    [keys, tracker.basis, tracker.period, currency],
  );
  const first = keys[0];
  return (
    <DataTable
      caption={t('trackers.donors.caption', { title, currency })}
      rows={rows}
      columns={columns}
      exportAs={{ name: `tracker-${tracker.basis}-donors-${currency}`, columns: exportColumns }}
      initialSort={first ? [{ id: first.id, desc: true }] : []}
    />
  );
}
