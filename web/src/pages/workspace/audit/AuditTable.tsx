/**
 * The audit view's events: when each was recorded (in the reader's language and time zone), by whom, what, on which
 * record (linked to its page on the portal when it has one) and how visible it is. Downloads carry the API's fields.
 */
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useMemo } from 'react';
import { Link } from 'wouter';
import { useApi } from '../../../api/hooks.ts';
import type { AuditEntry, Person } from '../../../api/people.ts';
import type { Contribution } from '../../../api/types.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import type { ExportColumn } from '../../../components/ExportButtons.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { type ContributionPlace, recordOf, recordPath } from './audit-filters.ts';

const VISIBILITIES = ['public', 'partners', 'restricted'] as const;

const EXPORT_COLUMNS: readonly ExportColumn<AuditEntry>[] = [
  { name: 'seq', value: (row) => row.seq },
  { name: 'recordedAt', value: (row) => row.recordedAt },
  { name: 'occurredOn', value: (row) => row.occurredOn },
  { name: 'actor', value: (row) => row.actor },
  { name: 'type', value: (row) => row.type },
  { name: 'streamId', value: (row) => row.streamId },
  { name: 'visibility', value: (row) => row.visibility },
];

/** Where contributions are shown on the portal, read only when the page lists an event of one. */
function useContributionPlaces(rows: readonly AuditEntry[]): (id: string) => ContributionPlace | undefined {
  const needed = rows.some((row) => recordOf(row.streamId)?.kind === 'contribution');
  const { data } = useApi<Contribution[]>(needed ? '/contributions' : null, { limit: 1000 });
  return useCallback((id: string) => data?.find((contribution) => contribution.id === id), [data]);
}

/** "Olena Koval (person:olena)" for a person the API lists; the actor as recorded otherwise. */
function useActorName(): (actor: string) => string {
  const { data } = useApi<Person[]>('/people');
  return useCallback(
    (actor: string) => {
      const person = actor.startsWith('person:') ? data?.find((each) => `person:${each.id}` === actor) : undefined;
      return person && person.name !== person.id ? `${person.name} (${actor})` : actor;
    },
    [data],
  );
}

export function AuditTable({ rows }: { rows: readonly AuditEntry[] }) {
  const t = useT();
  const format = useFormat();
  const place = useContributionPlaces(rows);
  const actorName = useActorName();
  const columns = useMemo<ColumnDef<AuditEntry, unknown>[]>(() => {
    const visibility = (value: string) => {
      const known = VISIBILITIES.find((each) => each === value);
      return known ? t(`common.visibility.${known}`) : value;
    };
    return [
      {
        id: 'recordedAt',
        header: t('audit.column.time'),
        accessorFn: (row) => row.recordedAt,
        cell: ({ row }) => (
          <time dateTime={row.original.recordedAt} title={row.original.recordedAt}>
            {format.instant(row.original.recordedAt)}
          </time>
        ),
      },
      { id: 'actor', header: t('audit.column.actor'), accessorFn: (row) => actorName(row.actor) },
      { id: 'type', header: t('audit.column.type'), accessorFn: (row) => row.type },
      {
        id: 'record',
        header: t('audit.column.record'),
        accessorFn: (row) => row.streamId,
        cell: ({ row }) => {
          const path = recordPath(row.original.streamId, place);
          return path ? <Link href={path}>{row.original.streamId}</Link> : row.original.streamId;
        },
      },
      { id: 'visibility', header: t('audit.column.visibility'), accessorFn: (row) => visibility(row.visibility) },
      { id: 'seq', header: t('audit.column.seq'), accessorFn: (row) => row.seq, meta: { numeric: true } },
    ];
  }, [t, format, place, actorName]);
  const first = rows[0]?.seq ?? 0;
  return (
    <DataTable
      caption={t('audit.caption')}
      rows={rows}
      columns={columns}
      exportAs={{ name: `audit-${first}`, columns: EXPORT_COLUMNS }}
    />
  );
}
