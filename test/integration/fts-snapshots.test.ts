/**
 * FTS snapshots taken at different times: a later snapshot gives a flow's later status or amount under the same id,
 * and that version replaces the one recorded before, in the tracker's sums and in the flows listed; a flow given
 * again unchanged adds nothing. The sums and the list are the same once the read models are rebuilt.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/imports/engine.ts';
import { importFormat } from '../../src/app/imports/formats.ts';
import type { Visibility } from '../../src/domain/facts.ts';
import { FTS_COLUMNS } from '../../src/ingest/formats/fts-record.ts';
import { rebuildProjections } from '../../src/projections/rebuild.ts';
import { appSuite } from '../support/app-server.ts';
import { ftsRow } from '../support/flows.ts';

interface Sum {
  stage: string;
  flows: number;
  amount: { amount: string };
}
interface Totals {
  trackers: { basis: string; flows: number; totals: Sum[]; months: (Sum & { month: string })[] }[];
}
interface ListedFlow {
  id: string;
  stage: string;
  amount: string;
  origin_file: string;
}

describe('FTS snapshots: a later status or amount replaces the earlier one', () => {
  const suite = appSuite('tranche-fts-snapshots-');

  const importSnapshot = async (name: string, rows: readonly string[][], visibility: Visibility = 'public') => {
    const file = path.join(suite.dir, name);
    await writeFile(file, stringify([[...FTS_COLUMNS], ...rows]));
    const format = await importFormat(suite.f.db, 'fts', file);
    const report = await runImport(suite.f.deps, suite.f.request, format, file, { batchSize: 2, visibility });
    expect(report).toMatchObject({ written: true, errorCount: 0 });
    return report;
  };
  const tracker = async () =>
    (await suite.app.inject({ method: 'GET', url: '/api/flows/totals?currency=USD' }))
      .json<Totals>()
      .trackers.find((one) => one.basis === 'reported');
  const byStage = (sums: readonly Sum[] | undefined) =>
    Object.fromEntries((sums ?? []).map((sum) => [sum.stage, [sum.flows, sum.amount.amount]]));
  const listed = async () =>
    (await suite.app.inject({ method: 'GET', url: '/api/exports/flows.json' }))
      .json<ListedFlow[]>()
      .map(({ id, stage, amount, origin_file }) => ({ id, stage, amount: Number(amount), file: origin_file }))
      .sort((a, b) => a.id.localeCompare(b.id));

  it('a pledge since paid moves from pledged to paid; a flow given again unchanged adds nothing', async () => {
    await importSnapshot('march.csv', [
      ftsRow(1, 'pledge', 1000),
      ftsRow(2, 'paid', 2000),
      ftsRow(3, 'commitment', 500),
    ]);
    expect(byStage((await tracker())?.totals)).toEqual({
      pledged: [1, '1000'],
      committed: [1, '500'],
      paid: [1, '2000'],
    });

    const april = await importSnapshot('april.csv', [
      ftsRow(1, 'paid', 1000),
      ftsRow(2, 'paid', 2000),
      ftsRow(3, 'commitment', 500),
      ftsRow(4, 'paid', 4000),
    ]);
    expect(april).toMatchObject({ flows: 4, existingFlows: 2, amendedFlows: 1 });
    const sums = await tracker();
    // No flow is pledged any more: the group is gone, not left at zero.
    expect(byStage(sums?.totals)).toEqual({ committed: [1, '500'], paid: [3, '7000'] });
    expect(sums?.flows).toBe(4);
    expect(await listed()).toEqual([
      { id: 'fts:1', stage: 'paid', amount: 1000, file: 'april.csv' },
      { id: 'fts:2', stage: 'paid', amount: 2000, file: 'march.csv' },
      { id: 'fts:3', stage: 'committed', amount: 500, file: 'march.csv' },
      { id: 'fts:4', stage: 'paid', amount: 4000, file: 'april.csv' },
    ]);
  });

  it('a third snapshot, in another order, amends the version the second recorded, in its month too', async () => {
    // Its rows in reverse: each batch of two is compared with versions in other batches of other imports.
    const may = await importSnapshot('may.csv', [
      ftsRow(4, 'paid', 4000),
      ftsRow(3, 'commitment', 500),
      ftsRow(1, 'paid', 1500, '2024-04-20'),
    ]);
    expect(may).toMatchObject({ flows: 3, existingFlows: 2, amendedFlows: 1 });
    const sums = await tracker();
    expect(byStage(sums?.totals)).toEqual({ committed: [1, '500'], paid: [3, '7500'] });
    expect(
      sums?.months.filter((sum) => sum.stage === 'paid').map((sum) => [sum.month, sum.flows, sum.amount.amount]),
    ).toEqual([
      ['2024-03', 2, '6000'],
      ['2024-04', 1, '1500'],
    ]);
    expect((await listed()).filter((flow) => flow.id === 'fts:1')).toEqual([
      { id: 'fts:1', stage: 'paid', amount: 1500, file: 'may.csv' },
    ]);
  });

  it('gives the same sums and the same flows once the read models are rebuilt from the ledger', async () => {
    const [sums, flows] = [await tracker(), await listed()];
    await rebuildProjections(suite.f.db);
    expect(await tracker()).toEqual(sums);
    expect(await listed()).toEqual(flows);
  });

  it('a snapshot under another visibility neither amends nor adds again what the other recorded', async () => {
    const before = await tracker();
    const hidden = await importSnapshot('restricted.csv', [ftsRow(6, 'pledge', 300)], 'restricted');
    expect(hidden).toMatchObject({ flows: 1, existingFlows: 0, amendedFlows: 0 });
    // A public snapshot with that flow since paid: taking the restricted version out of public sums would make them
    // negative, so the row adds nothing, as before amendments.
    const open = await importSnapshot('public.csv', [ftsRow(6, 'paid', 300), ftsRow(4, 'paid', 4000)]);
    expect(open).toMatchObject({ flows: 2, existingFlows: 2, amendedFlows: 0 });
    expect((await tracker())?.totals).toEqual(before?.totals);
  });

  it('compares with batches recorded before rows carried digests, and keeps the digests it finds', async () => {
    // As a ledger recorded before migration 0009 holds them.
    await sql`UPDATE flow_batches SET digests = NULL`.execute(suite.f.db);
    const june = await importSnapshot('june.csv', [
      ftsRow(2, 'paid', 2000),
      ftsRow(3, 'paid', 500),
      ftsRow(7, 'pledge', 100),
    ]);
    expect(june).toMatchObject({ flows: 3, existingFlows: 1, amendedFlows: 1 });
    expect(byStage((await tracker())?.totals)).toEqual({ pledged: [1, '100'], paid: [4, '8000'] });
    // The batches compared carry a digest a row now, for the next snapshot.
    const { rows } = await sql<{ import_id: string; rows: number; digests: number }>`
      SELECT import_id, cardinality(lines) AS rows, cardinality(digests) AS digests
      FROM flow_batches WHERE digests IS NOT NULL`.execute(suite.f.db);
    expect(rows.map((row) => row.import_id)).toContain(june.importId);
    expect(new Set(rows.map((row) => row.import_id)).size).toBeGreaterThan(1);
    for (const row of rows) expect(row.digests).toBe(row.rows);
  });

  it('a flow the file gives twice is compared once: its first row amends the recorded version, the second adds nothing', async () => {
    const july = await importSnapshot('july.csv', [ftsRow(2, 'commitment', 2000), ftsRow(2, 'paid', 9999)]);
    expect(july).toMatchObject({ flows: 2, existingFlows: 1, amendedFlows: 1 });
    expect(byStage((await tracker())?.totals)).toEqual({
      pledged: [1, '100'],
      committed: [1, '2000'],
      paid: [3, '6000'],
    });
    expect((await listed()).filter((flow) => flow.id === 'fts:2')).toEqual([
      { id: 'fts:2', stage: 'committed', amount: 2000, file: 'july.csv' },
    ]);
  });
});
