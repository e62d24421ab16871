/** Everyone who can sign in, with each role they hold and where (`GET /api/people`). */
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { Person } from '../../../api/people.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { ROLE_TITLES } from '../titles.ts';
import { useGrantPlace } from './admin-fields.tsx';

const EXPORT_COLUMNS: readonly ExportColumn<Person>[] = [
  { name: 'id', value: (row) => row.id },
  { name: 'name', value: (row) => row.name },
  { name: 'addedAt', value: (row) => row.addedAt },
  { name: 'grants', value: (row) => row.grants.map((grant) => `${grant.organisationId}:${grant.role}`).join(';') },
];

export function PeopleTable({ rows }: { rows: readonly Person[] }) {
  const t = useT();
  const format = useFormat();
  const place = useGrantPlace();
  const columns = useMemo<ColumnDef<Person, unknown>[]>(() => {
    const roles = (person: Person) =>
      person.grants.map((grant) =>
        t('workspace.roleIn', { role: t(ROLE_TITLES[grant.role]), organisations: place(grant.organisationId) }),
      );
    return [
      { id: 'id', header: t('people.column.id'), accessorFn: (row) => row.id },
      { id: 'name', header: t('people.column.name'), accessorFn: (row) => row.name },
      {
        id: 'roles',
        header: t('people.column.roles'),
        accessorFn: (row) => roles(row).join('; '),
        cell: ({ row }) => {
          const held = roles(row.original);
          return held.length === 0 ? (
            t('people.noRoles')
          ) : (
            <ul className="grants">
              {held.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          );
        },
      },
      {
        id: 'addedAt',
        header: t('people.column.addedAt'),
        accessorFn: (row) => row.addedAt,
        cell: ({ row }) => <time dateTime={row.original.addedAt}>{format.date(row.original.addedAt)}</time>,
      },
    ];
  }, [t, format, place]);
  return (
    <DataTable
      caption={t('people.caption')}
      rows={rows}
      columns={columns}
      exportAs={{ name: 'people', columns: EXPORT_COLUMNS }}
    />
  );
}
