/** The imported flows one by one, as the `flows` export reads them from the ledger, collected for assertions. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AppDeps, RequestContext } from '../../src/app/deps.ts';
import { runImport } from '../../src/app/imports/engine.ts';
import { importFormat } from '../../src/app/imports/formats.ts';
import type { Schema } from '../../src/db/schema.ts';
import { FULL_SCOPE, type ReadScope } from '../../src/domain/access.ts';
import type { FlowRecord } from '../../src/domain/flow/flow.ts';
import { FTS_COLUMNS, type FtsColumn } from '../../src/ingest/formats/fts-record.ts';
import { type ImportedFlow, importedFlows } from '../../src/projections/queries/imported-flows.ts';

export async function flowRows(db: Kysely<Schema>, scope: ReadScope = FULL_SCOPE): Promise<ImportedFlow[]> {
  const rows: ImportedFlow[] = [];
  for await (const page of importedFlows(db, scope)) rows.push(...page);
  return rows;
}

/** The batches staged by runs that have not completed. */
export async function stagedBatches(db: Kysely<Schema>): Promise<number[]> {
  const rows = await db
    .selectFrom('flow_batches')
    .innerJoin('import_runs', 'import_runs.import_id', 'flow_batches.import_id')
    .select('flow_batches.batch')
    .where('import_runs.status', '=', 'staging')
    .orderBy('flow_batches.batch')
    .execute();
  return rows.map((row) => row.batch);
}

/** Two rows of the Kiel tracker (Norway, Germany): six flows in one batch. */
const KIEL_SAMPLE = [
  '"Norway","NOR",2025,3,0.5,0.1,0.15,0.25,0.6,0,500,0.1',
  '"Germany","DEU",2025,4,0.002645,0,0,0.002645,0.002645,0,4000,0.0001',
];

/** Rows of a Kiel `data_explorer.csv` (the header is added), imported as they would be from the file. */
export async function importKielSample(
  deps: AppDeps,
  rq: RequestContext,
  rows: readonly string[] = KIEL_SAMPLE,
): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-kiel-sample-'));
  try {
    const file = path.join(dir, 'data_explorer.csv');
    await writeFile(
      file,
      [
        'country,iso,year,month,total,financial,humanitarian,military,commitments,to_be_allocated,gdp,pct_gdp',
        ...rows,
      ].join('\n'),
    );
    const report = await runImport(deps, rq, await importFormat(deps.db, 'kiel', file), file);
    if (!report.written) throw new Error(`the Kiel rows were not imported: ${report.errors[0]?.reason ?? '?'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A flow as the Kiel import gives it (Germany's military aid of March 2025), with the fields a test changes. */
export const sampleFlow = (overrides: Partial<FlowRecord> = {}): FlowRecord => ({
  id: 'kiel-r29:de:2025-03:allocated:military',
  donorId: 'de',
  recipientId: 'ua',
  stage: 'allocated',
  category: 'military',
  period: '2025-03',
  amount: '2645000.00',
  currency: 'EUR',
  eur: '2645000.00',
  usd: '2861003.52',
  rateSource: 'ecb:2025-03-31',
  statedRate: null,
  description: null,
  origin: { file: 'data_explorer.csv', row: 2, release: 'Ukraine Support Tracker, Release 29 (04/2026)' },
  ...overrides,
});

/** A row of an FTS file: a flow of Norway's to the World Food Programme, with its id, status, US dollars and date. */
export function ftsRow(id: number, status: string, usd: number, date = '2024-03-05'): string[] {
  const cells: Partial<Record<FtsColumn, string>> = {
    id: String(id),
    status,
    date,
    amountUSD: String(usd),
    srcOrganization: 'Norway, Government of',
    srcOrganizationTypes: 'Government',
    destOrganization: 'World Food Programme',
  };
  return FTS_COLUMNS.map((column) => cells[column] ?? '');
}
