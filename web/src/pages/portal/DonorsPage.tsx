import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { useApi } from '../../api/hooks.ts';
import { useOrganisationNames } from '../../api/reference.ts';
import { type DonorSummary, type Organisation, STAGES, type TotalRow } from '../../api/types.ts';
import { useCurrency } from '../../app/currency.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { ExportColumn } from '../../components/ExportButtons.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { amountOf, type DonorRow, donorRows } from './donor/donor-rows.ts';

/** Every donor with its totals by stage in the chosen currency and its median days from pledge to delivery. */
export function DonorsPage() {
  const t = useT();
  const { currency } = useCurrency();
  const totals = useApi<TotalRow[]>('/totals', { by: 'donor', currency });
  const organisations = useApi<Organisation[]>('/organisations');
  return (
    <Page title={t('donor.title')} lead={t('donor.lead')}>
      <QueryState query={totals}>
        {(rows) => (
          <QueryState query={organisations}>{(list) => <DonorTable rows={donorRows(rows, list)} />}</QueryState>
        )}
      </QueryState>
    </Page>
  );
}

interface ShownRow extends DonorRow {
  readonly name: string;
  /** Undefined while it loads or when nothing was delivered in full. */
  readonly medianLagDays: number | undefined;
}

function DonorTable({ rows }: { rows: readonly DonorRow[] }) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  const { currency } = useCurrency();
  // Every donor's median lag in one read, rather than one read per donor.
  const summaries = useApi<DonorSummary[]>('/donors', { currency }).data;
  const shown: ShownRow[] = rows.map((row) => ({
    ...row,
    name: nameOf(row.id),
    medianLagDays: summaries?.find((summary) => summary.donorId === row.id)?.medianLagDays ?? undefined,
  }));
  const columns = useMemo<ColumnDef<ShownRow, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('donor.column.donor'),
        accessorFn: (row) => row.name,
        cell: ({ row }) => <Link href={`/donors/${encodeURIComponent(row.original.id)}`}>{row.original.name}</Link>,
      },
      { id: 'kind', header: t('donor.column.kind'), accessorFn: (row) => t(`common.kind.${row.kind}`) },
      ...STAGES.map(
        (stage): ColumnDef<ShownRow, unknown> => ({
          id: stage,
          header: t(`donor.stage.${stage}`),
          accessorFn: (row) => amountOf(row.totals[stage]),
          meta: { numeric: true },
          cell: ({ row }) => {
            const money = row.original.totals[stage];
            return money ? format.money(money) : '—';
          },
        }),
      ),
      {
        id: 'medianLag',
        header: t('donor.column.medianLag'),
        accessorFn: (row) => row.medianLagDays,
        sortUndefined: 'last',
        cell: ({ row }) =>
          row.original.medianLagDays === undefined ? '—' : t('common.days', { count: row.original.medianLagDays }),
      },
      {
        id: 'coalitions',
        header: t('donor.column.coalitions'),
        accessorFn: (row) => row.coalitions.map(nameOf).join(', '),
        cell: ({ row }) => <CoalitionLinks ids={row.original.coalitions} />,
      },
    ],
    [t, format, nameOf],
  );
  const exportColumns = useMemo<ExportColumn<ShownRow>[]>(
    () => [
      { name: 'id', value: (row) => row.id },
      { name: 'name', value: (row) => row.name },
      { name: 'kind', value: (row) => row.kind },
      { name: 'currency', value: () => currency },
      ...STAGES.map((stage) => ({ name: stage, value: (row: ShownRow) => row.totals[stage]?.amount ?? '0' })),
      { name: 'medianLagDays', value: (row) => row.medianLagDays ?? null },
      { name: 'coalitions', value: (row) => row.coalitions.join(' ') },
    ],
    [currency],
  );
  return (
    <DataTable
      caption={t('donor.list.caption', { currency })}
      rows={shown}
      columns={columns}
      exportAs={{ name: `donors-${currency}`, columns: exportColumns }}
      initialSort={[{ id: 'pledged', desc: true }]}
    />
  );
}

function CoalitionLinks({ ids }: { ids: readonly string[] }) {
  const nameOf = useOrganisationNames();
  if (ids.length === 0) return null;
  return (
    <>
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 ? ', ' : null}
          <Link href={`/donors/${encodeURIComponent(id)}`}>{nameOf(id)}</Link>
        </span>
      ))}
    </>
  );
}
