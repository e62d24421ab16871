import type { ReactNode } from 'react';

export interface FitRow {
  readonly key: string;
  /** The row's header cell (`<th scope="row">`). */
  readonly head: ReactNode;
  readonly cells: readonly ReactNode[];
}

/**
 * A small table that fits a phone: on a narrow screen each row becomes a card, every cell labelled by its column
 * (package.css), so nothing scrolls sideways; on a wide one it is a plain table.
 */
export function FitTable({
  caption,
  columns,
  numeric = [],
  rows,
}: {
  caption: string;
  /** The column headings, the row header's first. */
  columns: readonly string[];
  /** Which columns (by index) hold numbers, aligned right on a wide screen. */
  numeric?: readonly number[];
  rows: readonly FitRow[];
}) {
  const [headColumn, ...cellColumns] = columns;
  return (
    <table className="pkg-fit">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headColumn}</th>
          {cellColumns.map((column, index) => (
            <th key={column} scope="col" className={numeric.includes(index + 1) ? 'number' : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.head}</th>
            {row.cells.map((cell, index) => (
              <td
                key={cellColumns[index] ?? `cell-${row.key}-${cellColumns.length + index}`}
                data-label={cellColumns[index]}
                className={numeric.includes(index + 1) ? 'number' : undefined}
              >
                <div>{cell}</div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
