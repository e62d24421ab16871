import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type RowData,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { ExportButtons, type ExportColumn } from './ExportButtons.tsx';

export interface DataTableProps<Row> {
  readonly caption: string;
  readonly rows: readonly Row[];
  readonly columns: ColumnDef<Row, unknown>[];
  /** What the download buttons write: the rows as filtered and sorted on the page, these fields. */
  readonly exportAs?: { readonly name: string; readonly columns: readonly ExportColumn<Row>[] };
  readonly initialSort?: SortingState;
}

declare module '@tanstack/react-table' {
  // TanStack Table's own ColumnMeta, merged with what Tranche puts there; the type parameters are its own.
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, with figures of one width, so amounts line up by their digits. */
    numeric?: boolean;
  }
}

/** A column's heading as text, for the label each cell shows when a phone lays the rows out as cards. */
const headerText = (header: unknown): string | undefined => (typeof header === 'string' ? header : undefined);

/**
 * A table that sorts by any column (click or Enter on its header) and filters on any text in a row, and downloads
 * exactly the rows it shows as CSV or JSON. TanStack Table does the sorting and filtering. On a phone each row
 * becomes a card of labelled values, so nothing scrolls sideways.
 */
export function DataTable<Row>({ caption, rows, columns, exportAs, initialSort = [] }: DataTableProps<Row>) {
  const t = useT();
  const filterId = useId();
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [filter, setFilter] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: TanStack Table keeps each row's accessor values until its data changes; a new array when the columns change (the catalogs arrived, another language or currency) keeps no value computed with the old ones.
  const data = useMemo(() => [...rows], [rows, columns]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const shown = table.getRowModel().rows;
  return (
    <div className="data-table">
      <div className="table-tools">
        <label htmlFor={filterId}>{t('common.table.filter')}</label>
        <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <span className="count" aria-live="polite">
          {t('common.table.rows', { shown: shown.length, count: rows.length })}
        </span>
        {exportAs ? (
          <ExportButtons name={exportAs.name} columns={exportAs.columns} rows={shown.map((row) => row.original)} />
        ) : null}
      </div>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={header.column.columnDef.meta?.numeric ? 'number' : undefined}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()}>
                          {label}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-label={headerText(cell.column.columnDef.header)}
                    className={cell.column.columnDef.meta?.numeric ? 'number' : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
