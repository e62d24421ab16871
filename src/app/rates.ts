import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export interface RatesImport {
  readonly days: number;
  readonly rates: number;
  readonly currencies: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
}

const BATCH = 5000;

/**
 * Loads the ECB's historical reference rates (eurofxref-hist.csv: `Date,USD,JPY,…`, one row a day, `N/A` where a
 * currency had no rate) into `fx_rates`. Streams the file; importing it again replaces the same rows.
 */
export async function importEcbRates(db: Db, file: string): Promise<RatesImport> {
  const parser = parse({ columns: false, skip_empty_lines: true, trim: true, relax_column_count: true });
  const input = createReadStream(file);
  // pipe() does not pass a read error on: end the parse with it, so a missing file is an error, not a crash.
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[] | undefined;
  let days = 0;
  let rates = 0;
  let from: string | null = null;
  let to: string | null = null;
  const currencies = new Set<string>();
  let batch: { date: string; currency: string; rate: string }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await sql`
      INSERT INTO fx_rates (rate_date, currency, per_eur)
      SELECT d::date, c, r::numeric FROM unnest(${rows.map((r) => r.date)}::text[], ${rows.map((r) => r.currency)}::text[], ${rows.map((r) => r.rate)}::text[]) AS t(d, c, r)
      ON CONFLICT (currency, rate_date) DO UPDATE SET per_eur = excluded.per_eur
    `.execute(db);
  };
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line += 1;
    if (!header) {
      header = record.map((cell) => cell.trim());
      if (header[0] !== 'Date')
        throw new Error(`${file}: line 1 should start with "Date" (the ECB eurofxref-hist.csv format)`);
      continue;
    }
    const date = record[0] ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${file}: line ${line}: "${date}" is not a date YYYY-MM-DD`);
    days += 1;
    if (from === null || date < from) from = date;
    if (to === null || date > to) to = date;
    for (let column = 1; column < record.length; column += 1) {
      const currency = header[column];
      const value = record[column];
      if (!currency || !value || value === 'N/A') continue;
      if (!/^\d+(\.\d+)?$/.test(value))
        throw new Error(`${file}: line ${line}, column ${currency}: "${value}" is not a rate`);
      batch.push({ date, currency, rate: value });
      currencies.add(currency);
      rates += 1;
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { days, rates, currencies: [...currencies].sort(), from, to };
}
