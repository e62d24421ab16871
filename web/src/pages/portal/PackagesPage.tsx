import type { ColumnDef } from '@tanstack/react-table';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useApi } from '../../api/hooks.ts';
import type { PackageDates, PipelineRow } from '../../api/packages.ts';
import { useOrganisationNames } from '../../api/reference.ts';
import { type Money, PACKAGE_STATUSES, type PackageStatus } from '../../api/types.ts';
import { useCurrency } from '../../app/currency.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import type { ExportColumn } from '../../components/ExportButtons.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/useT.ts';
import { useLabels } from './package/keys.ts';
import { ShareBar } from './package/ShareBar.tsx';

/** The dates shown in the list; the downloads carry every date. */
const KEY_DATES: readonly (keyof PackageDates)[] = [
  'proposed',
  'funded',
  'firstShipped',
  'delivered',
  'closed',
  'cancelled',
];
const ALL_DATES: readonly (keyof PackageDates)[] = [
  'proposed',
  'validated',
  'funded',
  'contracted',
  'firstShipped',
  'firstReceived',
  'delivered',
  'closed',
  'cancelled',
];

/** The pipeline: every package, its funding and delivery, filtered by `?status=` and `?donor=` from the address. */
export function PackagesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const { currency } = useCurrency();
  const status = PACKAGE_STATUSES.find((known) => known === params.get('status'));
  const donor = params.get('donor') || undefined;
  const query = useApi<PipelineRow[]>('/packages', { currency, status, donor });
  const setFilter = (name: 'status' | 'donor', value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  return (
    <Page title={t('package.title')} lead={t('package.list.lead')}>
      <Filters status={status} donor={donor} setFilter={setFilter} />
      <QueryState query={query}>
        {(rows) => (
          <>
            <h2>{t('package.count', { count: rows.length })}</h2>
            {rows.length === 0 ? <p>{t('package.list.empty')}</p> : <PackagesTable rows={rows} />}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function Filters({
  status,
  donor,
  setFilter,
}: {
  status: PackageStatus | undefined;
  donor: string | undefined;
  setFilter: (name: 'status' | 'donor', value: string | undefined) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const nameOf = useOrganisationNames();
  const statusId = useId();
  const active = [
    ...(status
      ? [{ name: 'status' as const, text: t('package.list.filterStatus', { status: labels.status(status) }) }]
      : []),
    ...(donor ? [{ name: 'donor' as const, text: t('package.list.filterDonor', { donor: nameOf(donor) }) }] : []),
  ];
  return (
    <section className="pkg-filters" aria-label={t('package.list.filters')}>
      <label htmlFor={statusId}>{t('package.list.status')}</label>
      <select
        id={statusId}
        value={status ?? ''}
        onChange={(event) => setFilter('status', event.target.value || undefined)}
      >
        <option value="">{t('package.list.allStatuses')}</option>
        {PACKAGE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {labels.status(value)}
          </option>
        ))}
      </select>
      {active.length > 0 ? (
        <ul className="pkg-chips">
          {active.map((filter) => (
            <li key={filter.name}>
              <span>{filter.text}</span>
              <button
                type="button"
                aria-label={t('package.list.removeFilter', { filter: filter.text })}
                onClick={() => setFilter(filter.name, undefined)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function PackagesTable({ rows }: { rows: readonly PipelineRow[] }) {
  const t = useT();
  const format = useFormat();
  const labels = useLabels();
  const nameOf = useOrganisationNames();
  const { currency } = useCurrency();
  const columns = useMemo<ColumnDef<PipelineRow, unknown>[]>(() => {
    const money = (key: 'pledged' | 'committed' | 'paid'): ColumnDef<PipelineRow, unknown> => ({
      id: key,
      header: t(`package.column.${key}`, { currency }),
      accessorFn: (row) => Number(row[key].amount),
      cell: ({ row }) => <Amount money={row.original[key]} />,
      meta: { numeric: true },
    });
    const share = (key: 'fundedShare' | 'paidShare' | 'deliveredShare'): ColumnDef<PipelineRow, unknown> => ({
      id: key,
      header: t(`package.column.${key}`),
      accessorFn: (row) => row[key],
      cell: ({ row }) => <ShareBar value={row.original[key]} />,
    });
    return [
      {
        id: 'title',
        header: t('package.column.title'),
        accessorFn: (row) => format.name(row.title),
        cell: ({ row }) => (
          <Link href={`/packages/${encodeURIComponent(row.original.id)}`}>{format.name(row.original.title)}</Link>
        ),
      },
      {
        id: 'status',
        header: t('package.column.status'),
        accessorFn: (row) => labels.status(row.status),
        cell: ({ getValue }) => <span className="status">{String(getValue())}</span>,
      },
      {
        id: 'donors',
        header: t('package.column.donors'),
        accessorFn: (row) => row.donorIds.map(nameOf).join(', '),
      },
      {
        id: 'target',
        header: t('package.column.target'),
        accessorFn: (row) => Number(row.targetReporting.amount),
        cell: ({ row }) => <Amount money={row.original.target} />,
      },
      money('pledged'),
      money('committed'),
      money('paid'),
      share('fundedShare'),
      share('paidShare'),
      share('deliveredShare'),
      {
        id: 'dates',
        header: t('package.column.dates'),
        accessorFn: (row) => row.dates.proposed,
        cell: ({ row }) => <KeyDates dates={row.original.dates} />,
      },
    ];
  }, [t, format, labels, nameOf, currency]);
  const exportColumns = useMemo<ExportColumn<PipelineRow>[]>(
    () => [
      { name: 'id', value: (row) => row.id },
      { name: 'title', value: (row) => format.name(row.title) },
      { name: 'status', value: (row) => row.status },
      { name: 'donorIds', value: (row) => row.donorIds.join(';') },
      { name: 'targetAmount', value: (row) => row.target.amount },
      { name: 'targetCurrency', value: (row) => row.target.currency },
      { name: 'targetReporting', value: (row) => row.targetReporting.amount },
      { name: 'pledged', value: (row) => row.pledged.amount },
      { name: 'committed', value: (row) => row.committed.amount },
      { name: 'paid', value: (row) => row.paid.amount },
      { name: 'currency', value: (row) => row.paid.currency },
      { name: 'fundedShare', value: (row) => row.fundedShare },
      { name: 'paidShare', value: (row) => row.paidShare },
      { name: 'deliveredShare', value: (row) => row.deliveredShare },
      ...ALL_DATES.map((key) => ({ name: key, value: (row: PipelineRow) => row.dates[key] })),
    ],
    [format],
  );
  return (
    <DataTable
      caption={t('package.list.caption')}
      rows={rows}
      columns={columns}
      exportAs={{ name: `packages-${currency.toLowerCase()}`, columns: exportColumns }}
    />
  );
}

/** Short ("€433.1M"), with the exact amount as its tooltip; the exports carry the exact amounts. */
function Amount({ money }: { money: Money }) {
  const format = useFormat();
  return (
    <span className="pkg-amount" title={format.money(money)}>
      {format.moneyShort(money)}
    </span>
  );
}

function KeyDates({ dates }: { dates: PackageDates }) {
  const t = useT();
  const format = useFormat();
  return (
    <dl className="pkg-dates">
      {KEY_DATES.map((key) => {
        const day = dates[key];
        if (!day) return null;
        return (
          <div key={key}>
            <dt>{t(`package.date.${key}`)}</dt>
            <dd>
              <time dateTime={day}>{format.date(day)}</time>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
