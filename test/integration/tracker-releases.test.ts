/**
 * Two releases of one tracker: a later Kiel release supersedes the earlier one in the tracker's sums (it is listed,
 * marked, and not counted), whichever order they were imported in; FTS snapshots are one release, each adding the
 * flows the ones before it lacked. The sums are the same after the read models are rebuilt from the ledger.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/imports/engine.ts';
import { importFormat } from '../../src/app/imports/formats.ts';
import { FTS_COLUMNS } from '../../src/ingest/formats/fts-record.ts';
import { rebuildProjections } from '../../src/projections/rebuild.ts';
import { appSuite } from '../support/app-server.ts';
import { ftsRow } from '../support/flows.ts';

const HEADER = 'country,iso,year,month,total,financial,humanitarian,military,commitments,to_be_allocated,gdp,pct_gdp';

interface Release {
  importId: string;
  current: boolean;
  release: string | null;
}
interface Totals {
  trackers: {
    basis: string;
    donorCount: number;
    releases: Release[];
    totals: { stage: string; category: string; flows: number; amount: { amount: string } }[];
  }[];
}

describe('releases of one tracker', () => {
  const suite = appSuite('tranche-releases-');

  /** A Kiel download: data_explorer.csv and release_info.csv, in a folder of its own. */
  const kielRelease = async (
    release: number,
    published: string,
    rows: readonly string[],
    folderName = `r${release}`,
  ): Promise<string> => {
    const folder = path.join(suite.dir, folderName);
    await mkdir(folder);
    await writeFile(
      path.join(folder, 'release_info.csv'),
      `"release","period","date","label"\n"${release}","04/2026","${published}","Ukraine Support Tracker, Release ${release} (04/2026)"\n`,
    );
    const file = path.join(folder, 'data_explorer.csv');
    await writeFile(file, [HEADER, ...rows].join('\n'));
    return file;
  };
  const importFile = async (format: string, file: string) => {
    const report = await runImport(suite.f.deps, suite.f.request, await importFormat(suite.f.db, format, file), file);
    expect(report).toMatchObject({ written: true, errorCount: 0 });
    return report;
  };
  const totals = async (): Promise<Totals['trackers']> =>
    (await suite.app.inject({ method: 'GET', url: '/api/flows/totals?currency=EUR' })).json<Totals>().trackers;
  const sum = (tracker: Totals['trackers'][number] | undefined, stage: string, category: string) =>
    tracker?.totals.find((total) => total.stage === stage && total.category === category)?.amount.amount;

  it('answers with no trackers before anything is imported', async () => {
    expect(await totals()).toEqual([]);
    const trackers = await suite.app.inject({ method: 'GET', url: '/api/flows/trackers' });
    expect(trackers.json()).toEqual([]);
  });

  it('counts the release published last, listing the one it supersedes, in whichever order they came', async () => {
    // Release 29 revises Norway's March and adds Germany's April; Release 28, published before it, comes second.
    const r29 = await kielRelease(29, '2026-08-04', [
      '"Norway","NOR",2025,3,0.25,0,0,0.25,0,0,500,0.1',
      '"Germany","DEU",2025,4,0.1,0,0,0.1,0,0,4000,0.0001',
    ]);
    const r28 = await kielRelease(28, '2026-02-01', ['"Norway","NOR",2025,3,0.2,0,0,0.2,0,0,500,0.1']);
    const latest = await importFile('kiel', r29);
    const earlier = await importFile('kiel', r28);
    const [kiel] = await totals();
    const releases = kiel?.releases.map(({ importId, current }) => ({ importId, current }));
    expect(releases).toHaveLength(2);
    expect(releases).toEqual(
      expect.arrayContaining([
        { importId: latest.importId, current: true },
        { importId: earlier.importId, current: false },
      ]),
    );
    expect(kiel?.donorCount).toBe(2);
    expect(sum(kiel, 'allocated', 'military')).toBe('350000000');
    const page = await suite.app.inject({ method: 'GET', url: '/api/flows/totals?currency=EUR&donor=no' });
    expect(sum(page.json<Totals>().trackers[0], 'allocated', 'military')).toBe('250000000');
  });

  it('gives the same sums once the read models are rebuilt from the ledger', async () => {
    const before = await totals();
    await rebuildProjections(suite.f.db);
    expect(await totals()).toEqual(before);
  });

  it('adds every FTS snapshot: one release, whose later files add only the flows it lacked', async () => {
    const row = (id: number, usd: number) => ftsRow(id, 'paid', usd, `2024-03-0${id}`);
    const first = path.join(suite.dir, 'fts-1.csv');
    const second = path.join(suite.dir, 'fts-2.csv');
    await writeFile(first, stringify([[...FTS_COLUMNS], row(1, 1000), row(2, 2000)]));
    await writeFile(second, stringify([[...FTS_COLUMNS], row(1, 1000), row(2, 2000), row(3, 4000)]));
    const one = await importFile('fts', first);
    const two = await importFile('fts', second);
    expect(two).toMatchObject({ flows: 3, existingFlows: 2 });
    const fts = (await totals()).find((tracker) => tracker.basis === 'reported');
    expect(fts?.releases.map(({ importId, current }) => ({ importId, current }))).toEqual(
      expect.arrayContaining([
        { importId: one.importId, current: true },
        { importId: two.importId, current: true },
      ]),
    );
    expect(fts?.totals.map((total) => total.flows)).toEqual([3]);
  });

  it('amends the rows a corrected download of the same release changes, and adds nothing for the rest', async () => {
    // Release 29 again, downloaded after Kiel corrected Norway's March (0.25 → 0.3 billion); Germany's April as before.
    const corrected = await kielRelease(
      29,
      '2026-08-04',
      ['"Norway","NOR",2025,3,0.3,0,0,0.3,0,0,500,0.1', '"Germany","DEU",2025,4,0.1,0,0,0.1,0,0,4000,0.0001'],
      'r29-corrected',
    );
    const report = await importFile('kiel', corrected);
    expect(report).toMatchObject({ flows: 2, existingFlows: 1, amendedFlows: 1 });
    const [kiel] = await totals();
    expect(sum(kiel, 'allocated', 'military')).toBe('400000000');
    const norway = await suite.app.inject({ method: 'GET', url: '/api/flows/totals?currency=EUR&donor=no' });
    expect(sum(norway.json<Totals>().trackers[0], 'allocated', 'military')).toBe('300000000');
    expect(norway.json<Totals>().trackers[0]?.totals.map((total) => total.flows)).toEqual([1]);
  });
});
