/**
 * The API tokens issued, newest first, each with what it may do and whether it works today: active, revoked, or
 * expired after its last day. An administrator of the token's organisation may revoke an active one.
 */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { type Token, tokenStatus } from '../../../api/people.ts';
import type { Grant } from '../../../api/session.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { manages } from '../sections.ts';
import { ROLE_TITLES } from '../titles.ts';
import { useGrantPlace } from './admin-fields.tsx';

/** Today in the reader's calendar (YYYY-MM-DD), what a token's last day is compared with. */
function localToday(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function TokensTable({
  rows,
  grants,
  onRevoke,
}: {
  rows: readonly Token[];
  /** The reader's grants: the tokens of organisations they administer get a revoke button. */
  grants: readonly Grant[];
  onRevoke: (token: Token) => void;
}) {
  const t = useT();
  const format = useFormat();
  const place = useGrantPlace();
  const today = localToday();
  const columns = useMemo<ColumnDef<Token, unknown>[]>(
    () => [
      { id: 'label', header: t('people.token.column.label'), accessorFn: (row) => row.label },
      { id: 'id', header: t('people.token.column.id'), accessorFn: (row) => row.id },
      {
        id: 'grant',
        header: t('people.token.column.grant'),
        accessorFn: (row) =>
          t('workspace.roleIn', { role: t(ROLE_TITLES[row.role]), organisations: place(row.organisationId) }),
      },
      {
        id: 'status',
        header: t('people.token.column.status'),
        accessorFn: (row) => t(`people.token.status.${tokenStatus(row, today)}`),
        cell: ({ getValue }) => <span className="status">{String(getValue())}</span>,
      },
      { id: 'issuedBy', header: t('people.token.column.issuedBy'), accessorFn: (row) => row.issuedBy },
      {
        id: 'issuedAt',
        header: t('people.token.column.issuedAt'),
        accessorFn: (row) => row.issuedAt,
        cell: ({ row }) => <time dateTime={row.original.issuedAt}>{format.date(row.original.issuedAt)}</time>,
      },
      {
        id: 'expiresOn',
        header: t('people.token.column.expiresOn'),
        accessorFn: (row) => row.expiresOn ?? '',
        cell: ({ row }) =>
          row.original.expiresOn ? (
            <time dateTime={row.original.expiresOn}>{format.date(row.original.expiresOn)}</time>
          ) : (
            t('people.token.untilRevoked')
          ),
      },
      {
        id: 'actions',
        header: t('people.token.column.actions'),
        enableSorting: false,
        cell: ({ row }) =>
          tokenStatus(row.original, today) === 'active' && manages(grants, row.original.organisationId) ? (
            <button
              type="button"
              aria-label={t('people.token.revokeOne', { label: row.original.label })}
              onClick={() => onRevoke(row.original)}
            >
              {t('people.token.revoke')}
            </button>
          ) : null,
      },
    ],
    [t, format, place, today, grants, onRevoke],
  );
  const exportColumns = useMemo<ExportColumn<Token>[]>(
    () => [
      { name: 'id', value: (row) => row.id },
      { name: 'label', value: (row) => row.label },
      { name: 'organisationId', value: (row) => row.organisationId },
      { name: 'role', value: (row) => row.role },
      { name: 'status', value: (row) => tokenStatus(row, today) },
      { name: 'issuedBy', value: (row) => row.issuedBy },
      { name: 'issuedAt', value: (row) => row.issuedAt },
      { name: 'expiresOn', value: (row) => row.expiresOn },
      { name: 'revokedAt', value: (row) => row.revokedAt },
    ],
    [today],
  );
  return (
    <DataTable
      caption={t('people.token.caption')}
      rows={rows}
      columns={columns}
      exportAs={{ name: 'tokens', columns: exportColumns }}
    />
  );
}
