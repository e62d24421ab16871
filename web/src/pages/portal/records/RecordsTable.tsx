import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'wouter';
import type { FigureRecord } from '../../../api/records.ts';
import { useCategoryNames, useOrganisationNames } from '../../../api/reference.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { useFormat } from '../../../i18n/format.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';
import { SourceList } from './SourceList.tsx';

const BASES = ['official', 'reported', 'estimate'] as const;
const PART_TYPES = [
  'ContributionPledged',
  'ContributionCommitted',
  'ContributionPaid',
  'ContributionAmended',
  'ContributionWithdrawn',
  'DeliveryReceived',
] as const;
const basisKey = (basis: string): MessageKey | null => {
  const known = BASES.find((candidate) => candidate === basis);
  return known ? `common.basis.${known}` : null;
};
const partKey = (type: string): MessageKey | null => {
  const known = PART_TYPES.find((candidate) => candidate === type);
  return known ? `records.part.${known}` : null;
};

/** The records, one row per contribution: who, what for, when, how much, on what basis, and the sources. */
export function RecordsTable({ records, currency }: { records: readonly FigureRecord[]; currency: string }) {
  const t = useT();
  const format = useFormat();
  const nameOf = useOrganisationNames();
  const categoryName = useCategoryNames();
  const columns = useMemo<ColumnDef<FigureRecord, unknown>[]>(() => {
    const packageName = (record: FigureRecord) =>
      record.packageTitle ? format.name(record.packageTitle) : (record.packageId ?? t('records.generalSupport'));
    const basisName = (basis: string) => {
      const key = basisKey(basis);
      return key ? t(key) : basis;
    };
    return [
      {
        id: 'donor',
        header: t('records.column.donor'),
        accessorFn: (record) => nameOf(record.donorId),
        cell: ({ row }) => (
          <Link href={`/donors/${encodeURIComponent(row.original.donorId)}`}>{nameOf(row.original.donorId)}</Link>
        ),
      },
      {
        id: 'package',
        header: t('records.column.package'),
        accessorFn: packageName,
        cell: ({ row }) =>
          row.original.packageId ? (
            <Link href={`/packages/${encodeURIComponent(row.original.packageId)}`}>{packageName(row.original)}</Link>
          ) : (
            t('records.generalSupport')
          ),
      },
      { id: 'category', header: t('records.column.category'), accessorFn: (record) => categoryName(record.category) },
      {
        id: 'date',
        header: t('records.column.date'),
        accessorFn: (record) => record.on,
        cell: ({ row }) => {
          const { parts, on } = row.original;
          if (parts.length <= 1) return <time dateTime={on}>{format.date(on)}</time>;
          return (
            <ul className="records-parts">
              {parts.map((part) => {
                const key = partKey(part.type);
                return (
                  <li key={`${part.eventId}-${part.on}`}>
                    {t('records.part', {
                      date: format.date(part.on),
                      amount: format.money(part.amount),
                      event: key ? t(key) : part.type,
                    })}
                  </li>
                );
              })}
            </ul>
          );
        },
      },
      {
        id: 'amount',
        header: t('records.column.amount', { currency }),
        accessorFn: (record) => Number(record.amount.amount),
        cell: ({ row }) => {
          const { amount, original } = row.original;
          return (
            <>
              <span className="records-number">{format.money(amount)}</span>
              {original.currency === amount.currency ? null : (
                <span className="records-original">{t('records.original', { amount: format.money(original) })}</span>
              )}
            </>
          );
        },
      },
      { id: 'basis', header: t('records.column.basis'), accessorFn: (record) => basisName(record.basis) },
      {
        id: 'sources',
        header: t('records.column.sources'),
        accessorFn: (record) =>
          record.sources.flatMap((source) => [source.title, ...source.claims.map((c) => c.sentence)]).join(' '),
        cell: ({ row }) => <SourceList sources={row.original.sources} />,
        enableSorting: false,
      },
    ];
  }, [t, format, nameOf, categoryName, currency]);

  const exportColumns: readonly ExportColumn<FigureRecord>[] = [
    { name: 'contributionId', value: (r) => r.contributionId },
    { name: 'donorId', value: (r) => r.donorId },
    { name: 'donor', value: (r) => nameOf(r.donorId) },
    { name: 'packageId', value: (r) => r.packageId },
    { name: 'package', value: (r) => (r.packageTitle ? format.name(r.packageTitle) : null) },
    { name: 'category', value: (r) => r.category },
    { name: 'date', value: (r) => r.on },
    { name: 'amount', value: (r) => r.amount.amount },
    { name: 'currency', value: (r) => r.amount.currency },
    { name: 'originalAmount', value: (r) => r.original.amount },
    { name: 'originalCurrency', value: (r) => r.original.currency },
    { name: 'basis', value: (r) => r.basis },
    { name: 'sources', value: (r) => r.sources.map((s) => s.title).join('; ') },
    { name: 'sourceUrls', value: (r) => r.sources.flatMap((s) => s.url ?? []).join(' ') },
  ];

  return (
    <div className="records-table">
      <DataTable
        caption={t('records.table.caption')}
        rows={records}
        columns={columns}
        exportAs={{ name: 'records', columns: exportColumns }}
        initialSort={[{ id: 'amount', desc: true }]}
      />
    </div>
  );
}
