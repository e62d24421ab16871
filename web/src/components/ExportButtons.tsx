import { useT } from '../i18n/useT.ts';
import { toCsv, toJson } from './export-rows.ts';

export interface ExportColumn<Row> {
  /** The column's name in the file: stable, English, like the API's fields. */
  readonly name: string;
  readonly value: (row: Row) => string | number | boolean | null;
}

/** Downloads of what the page shows, as CSV and JSON, written in the browser from the same rows. */
export function ExportButtons<Row>({
  name,
  columns,
  rows,
}: {
  name: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}) {
  const t = useT();
  const download = (format: 'csv' | 'json') => {
    const text = format === 'csv' ? toCsv(columns, rows) : toJson(columns, rows);
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${name}.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <span className="export-buttons">
      <button type="button" onClick={() => download('csv')}>
        {t('common.export.csv')}
      </button>
      <button type="button" onClick={() => download('json')}>
        {t('common.export.json')}
      </button>
    </span>
  );
}
