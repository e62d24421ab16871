/**
 * The PURL 2025 demo that `npm start` loads into an empty ledger: recorded through the use cases from the shared
 * public data (ECB rates, the seed article, the Kiel Ukraine Support Tracker's release). Without ../shared the suite says so and does not run, except under
 * CI=true, where the missing data is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { rebuild, verify } from '../../src/app/ledger.ts';
import { isEmpty, loadDemo } from '../../src/demo/purl-2025.ts';
import { FULL_SCOPE, PUBLIC_SCOPE } from '../../src/domain/access.ts';
import { flowTotals, flowTrackers } from '../../src/projections/queries/flows.ts';
import { getPackage, listPackages } from '../../src/projections/queries/packages.ts';
import { timeline } from '../../src/projections/queries/timeline.ts';
import { donorTotals, pipelineSummary } from '../../src/projections/queries/totals.ts';
import { dumpProjections, sequentialIdsByPrefix } from '../support/app-fixtures.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { isCi } from '../support/env.ts';
import { fixedClock } from '../support/fixtures.ts';

const sharedDataDir = path.resolve(import.meta.dirname, '../../../shared/data');
const present = existsSync(path.join(sharedDataDir, 'ecb', 'eurofxref-hist.csv'));
if (!present && !isCi()) console.warn(`demo suite not run: ${sharedDataDir} is missing (the shared public data)`);

describe.runIf(present || isCi())('the PURL 2025 demo', () => {
  let t: TestDatabase;
  let deps: AppDeps;

  beforeAll(async () => {
    if (!present) throw new Error(`the demo needs the shared public data at ${sharedDataDir} (required under CI=true)`);
    t = await openTestDatabase();
    deps = { db: t.database.db, clock: fixedClock('2026-11-28T09:00:00Z').now, newId: sequentialIdsByPrefix() };
    await loadDemo(deps, { sharedDataDir });
  }, 120_000);
  afterAll(() => t?.cleanup());

  it('records every package through the use cases on a ledger that verifies', async () => {
    expect(await isEmpty(deps)).toBe(false);
    const result = await verify(deps.db);
    expect(result).toMatchObject({ ok: true });
    const packages = await listPackages(deps.db, FULL_SCOPE, { currency: 'USD' });
    expect(packages.map((row) => [row.id, row.status, row.donorIds])).toEqual([
      ['purl-nl-1', 'delivered', ['nl']],
      ['purl-nordic-1', 'delivered', ['dk', 'no', 'se']],
      ['purl-de-1', 'partially-delivered', ['de']],
      ['purl-ca-1', 'partially-delivered', ['ca']],
      ['purl-nb8-1', 'in-transit', ['nb8']],
      ['purl-nl-2', 'validated', ['nl']],
      ['purl-ca-2', 'proposed', ['ca']],
      ['purl-no-pl-de-1', 'proposed', ['no-pl-de']],
    ]);
  });

  it('keeps original amounts and currencies, with the Nordic package split as reported', async () => {
    const nordic = await getPackage(deps.db, FULL_SCOPE, 'purl-nordic-1', 'USD');
    expect(nordic?.contributions.map((c) => [c.donorId, c.amount])).toEqual(
      expect.arrayContaining([
        ['se', { amount: '275000000', currency: 'USD' }],
        ['no', { amount: '135000000', currency: 'USD' }],
        ['dk', { amount: '90000000', currency: 'USD' }],
      ]),
    );
    expect(nordic?.committed).toEqual({ amount: '500000000.00', currency: 'USD' });
    expect(nordic?.fundedShare).toBe(1);
    const canada = await getPackage(deps.db, FULL_SCOPE, 'purl-ca-2', 'EUR');
    expect(canada?.contributions[0]?.amount).toEqual({ amount: '200000000', currency: 'CAD' });
    expect(canada?.contributions[0]?.rate).toEqual({ date: '2025-12-03', source: 'ecb' });
  });

  it('shows the Nordic package as $486M, $495M, $500M and $585M side by side, with $500M adopted', async () => {
    const nordic = await getPackage(deps.db, FULL_SCOPE, 'purl-nordic-1', 'USD');
    const pledged = nordic?.figures.find((figure) => figure.stage === 'pledged');
    expect(pledged?.claims.map((claim) => claim.amount?.amount)).toEqual([
      '486000000',
      '495000000',
      '500000000',
      '585000000',
    ]);
    expect(pledged?.adopted).toMatchObject({
      claimId: 'nordic-usd-500m-nato',
      low: { amount: '500000000', currency: 'USD' },
    });
  });

  it('links the seed article\'s "already arrived" to the Dutch and Nordic receipts', async () => {
    for (const id of ['purl-nl-1', 'purl-nordic-1']) {
      const receipt = (await timeline(deps.db, FULL_SCOPE, `package:${id}`)).find(
        (entry) => entry.type === 'DeliveryReceived',
      );
      expect(receipt?.basis).toBe('reported');
      expect(receipt?.evidence).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            publisher: 'RBC-Ukraine',
            claimId: `seed-${id}-delivered`,
            sentence: expect.stringContaining('have already arrived'),
          }),
        ]),
      );
    }
  });

  it('keeps a joint figure with the coalition instead of dividing it among the members', async () => {
    const nb8 = await getPackage(deps.db, FULL_SCOPE, 'purl-nb8-1', 'USD');
    expect(nb8?.contributions.map((c) => c.donorId)).toEqual(['nb8']);
    const summary = await pipelineSummary(deps.db, FULL_SCOPE, 'USD');
    expect(summary.packagesByStatus).toEqual({
      delivered: 2,
      'partially-delivered': 2,
      'in-transit': 1,
      validated: 1,
      proposed: 2,
    });
  });

  it('gives the same totals from every rollup as from the finest grain', async () => {
    const fine = await donorTotals(deps.db, FULL_SCOPE, { currency: 'USD' });
    const sumBy = (key: (row: (typeof fine)[number]) => string) => {
      const out = new Map<string, bigint>();
      for (const row of fine) {
        const cents = BigInt(row.amount.amount.replace('.', ''));
        out.set(key(row), (out.get(key(row)) ?? 0n) + cents);
      }
      return [...out].filter(([, cents]) => cents !== 0n).sort(([a], [b]) => a.localeCompare(b));
    };
    const rolled = async (by: ('donor' | 'category' | 'month')[], key: (row: (typeof fine)[number]) => string) =>
      (await donorTotals(deps.db, FULL_SCOPE, { currency: 'USD', by }))
        .map((row): [string, bigint] => [key(row), BigInt(row.amount.amount.replace('.', ''))])
        .sort(([a], [b]) => a.localeCompare(b));
    expect(await rolled([], (r) => r.stage)).toEqual(sumBy((r) => r.stage));
    expect(await rolled(['donor'], (r) => `${r.donorId}/${r.stage}`)).toEqual(sumBy((r) => `${r.donorId}/${r.stage}`));
    expect(await rolled(['month'], (r) => `${r.month}/${r.stage}`)).toEqual(sumBy((r) => `${r.month}/${r.stage}`));
    expect(await rolled(['category'], (r) => `${r.category}/${r.stage}`)).toEqual(
      sumBy((r) => `${r.category}/${r.stage}`),
    );
    expect(await rolled(['donor', 'month'], (r) => `${r.donorId}/${r.month}/${r.stage}`)).toEqual(
      sumBy((r) => `${r.donorId}/${r.month}/${r.stage}`),
    );
    const summary = await pipelineSummary(deps.db, FULL_SCOPE, 'USD');
    expect(summary.totals.delivered).toEqual({ amount: '1703250000.00', currency: 'USD' });
  });

  it("imports the Kiel tracker's 42 donors over 2022-01 to 2026-04, beside the packages and not in their totals", async () => {
    const trackers = await flowTrackers(deps.db, PUBLIC_SCOPE);
    expect(trackers).toEqual([
      {
        basis: 'estimate',
        flows: expect.any(Number),
        donorCount: 42,
        period: { from: '2022-01', to: '2026-04' },
        releases: [
          expect.objectContaining({
            format: 'kiel',
            release: 'Ukraine Support Tracker, Release 29 (04/2026)',
            rowsRead: 1079,
            skippedRows: 0,
            source: expect.objectContaining({ id: 'kiel-r29', publisher: 'Kiel Institute for the World Economy' }),
          }),
        ],
      },
    ]);
    // The demo's donors keep their ids: Sweden's estimates are on Sweden's page.
    const sweden = await flowTotals(deps.db, PUBLIC_SCOPE, { currency: 'EUR', donorId: 'se' });
    expect(sweden.trackers[0]?.donors.map((donor) => [donor.donorId, donor.names?.en])).toEqual([['se', 'Sweden']]);
    const summary = await pipelineSummary(deps.db, FULL_SCOPE, 'USD');
    expect(summary.totals.delivered).toEqual({ amount: '1703250000.00', currency: 'USD' });
  });

  it('rebuilds its read models to the same rows, and loads only into an empty ledger', async () => {
    const before = await dumpProjections(deps.db);
    await rebuild(deps.db);
    expect(await dumpProjections(deps.db)).toEqual(before);
    await expect(loadDemo(deps, { sharedDataDir })).rejects.toThrow('only into an empty ledger');
  });
});
