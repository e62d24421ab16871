/**
 * The import engine with a small tracker-like format (`donor,month,eur`): dry run, all or nothing, skipping invalid
 * rows, idempotency, resuming an interrupted run, totals carried over several events, and equality of live and rebuilt
 * read models.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportFormat, type ReadRow, runImport } from '../../src/app/imports/engine.ts';
import { rebuild, verify } from '../../src/app/ledger.ts';
import type { FlowRecord } from '../../src/domain/flow/flow.ts';
import { type AppFixture, dumpProjections, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { flowRows, stagedBatches } from '../support/flows.ts';

/** `donor,month,eur` rows; a row whose month is "stop" ends the read with an error, as a crash would. */
function tinyFormat(options: { crashAt?: number } = {}): ImportFormat {
  return {
    name: 'tiny',
    basis: 'estimate',
    release: 'r1',
    source: {
      id: 'tiny-r1',
      data: {
        id: 'tiny-r1',
        url: null,
        publisher: 'Tiny Tracker',
        author: null,
        publishedOn: '2025-12-01',
        language: 'en',
        title: 'Tiny Tracker, release 1',
        text: 'Monthly aid per donor, in euros.',
        storyId: null,
        visibility: 'public',
      },
    },
    async *read(input: Readable, file: string): AsyncIterable<readonly ReadRow[]> {
      let row = 1;
      for await (const record of input.pipe(parse({ from_line: 2 })) as AsyncIterable<string[]>) {
        row += 1;
        if (options.crashAt === row) throw new Error('interrupted');
        const [donor = '', month = '', eur = ''] = record;
        const flow: FlowRecord = {
          id: `tiny:${donor}:${month}`,
          donorId: donor,
          recipientId: 'ua',
          stage: 'allocated',
          category: 'military',
          period: month,
          amount: eur,
          currency: 'EUR',
          eur,
          usd: null,
          rateSource: 'stated',
          statedRate: null,
          description: null,
          origin: { file, row, release: 'r1' },
        };
        yield [
          {
            row,
            key: flow.id,
            flows: [flow],
            organisations: [
              {
                id: donor,
                data: {
                  id: donor,
                  kind: 'other',
                  names: { en: donor, uk: donor, ru: donor },
                  iso3166: null,
                  members: [],
                  visibility: 'public',
                },
              },
            ],
          },
        ];
      }
    },
  };
}

describe('the import engine', () => {
  let f: AppFixture;
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const run = (name: string, format = tinyFormat(), options = {}) =>
    runImport(f.deps, f.request, format, file(name), { batchSize: 2, ...options });

  beforeAll(async () => {
    f = await openAppFixture();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-import-'));
    const rows = [
      'donor,month,eur',
      'north,2025-01,100',
      'north,2025-02,200.50',
      'south,2025-01,300',
      'east,2025-03,1',
    ];
    await writeFile(file('good.csv'), `${rows.join('\n')}\n`);
    await writeFile(file('bad.csv'), `${[...rows, 'west,2025-13,5', 'west,2025-04,-1'].join('\n')}\n`);
  });
  afterAll(async () => {
    await f?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('a dry run reads and checks everything, says what it would create, and writes nothing', async () => {
    const before = await ledgerState(f.db);
    const report = await run('good.csv', tinyFormat(), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, written: false, rowsRead: 4, flows: 4, errorCount: 0 });
    expect(report.newOrganisations).toEqual(['north', 'south', 'east']);
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('refuses the whole file when a row is bad, naming each row, column and reason, and writes nothing', async () => {
    const before = await ledgerState(f.db);
    const report = await run('bad.csv');
    expect(report.written).toBe(false);
    expect(report.errors).toEqual([
      { row: 6, column: 'period', reason: '"2025-13" is not YYYY-MM or YYYY-MM-DD' },
      { row: 7, column: 'amount', reason: '"-1" is not a positive amount' },
    ]);
    expect(await ledgerState(f.db)).toEqual(before);
    expect(await stagedBatches(f.db)).toEqual([]);
  });

  it('imports the good rows in batches, each batch one ledger event, with their origin', async () => {
    const report = await run('good.csv');
    expect(report).toMatchObject({ written: true, flows: 4, errorCount: 0, existingFlows: 0 });
    const flows = (await flowRows(f.db))
      .map(({ id, amount, origin_row, source_id, basis }) => ({ id, amount, origin_row, source_id, basis }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(flows).toEqual([
      { id: 'tiny:east:2025-03', amount: '1.0000000000', origin_row: 5, source_id: 'tiny-r1', basis: 'estimate' },
      { id: 'tiny:north:2025-01', amount: '100.0000000000', origin_row: 2, source_id: 'tiny-r1', basis: 'estimate' },
      { id: 'tiny:north:2025-02', amount: '200.5000000000', origin_row: 3, source_id: 'tiny-r1', basis: 'estimate' },
      { id: 'tiny:south:2025-01', amount: '300.0000000000', origin_row: 4, source_id: 'tiny-r1', basis: 'estimate' },
    ]);
    const batches = await f.db.selectFrom('events').select('type').where('stream_type', '=', 'import').execute();
    expect(batches.map((event) => event.type)).toEqual(['FlowsImported', 'FlowsImported', 'ImportCompleted']);
    const totals = await f.db
      .selectFrom('rm_flow_totals')
      .select(['donor_id', 'month', 'eur'])
      .where('donor_id', '=', 'north')
      .orderBy('month')
      .execute();
    expect(totals).toEqual([
      { donor_id: 'north', month: '2025-01', eur: '100.0000000000' },
      { donor_id: 'north', month: '2025-02', eur: '200.5000000000' },
    ]);
  });

  it('creates nothing when the same file is imported again', async () => {
    const before = await ledgerState(f.db);
    const report = await run('good.csv');
    expect(report).toMatchObject({ alreadyImported: true, written: false });
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('with --skip-invalid imports the good rows and lists the bad ones; known flows are not recorded twice', async () => {
    const report = await run('bad.csv', tinyFormat(), { skipInvalid: true });
    expect(report).toMatchObject({ written: true, flows: 4, errorCount: 2, existingFlows: 4 });
    expect(report.newOrganisations).toEqual([]);
    expect(await flowRows(f.db)).toHaveLength(4);
  });

  it('resumes an interrupted run from its staged batches; nothing is visible until it completes', async () => {
    const rows = ['donor,month,eur', ...Array.from({ length: 9 }, (_, i) => `resume,2024-0${i + 1},${i + 1}`)];
    await writeFile(file('resume.csv'), `${rows.join('\n')}\n`);
    const before = await ledgerState(f.db);
    await expect(run('resume.csv', tinyFormat({ crashAt: 8 }))).rejects.toThrow('interrupted');
    expect(await ledgerState(f.db)).toEqual(before);
    expect(await stagedBatches(f.db)).toEqual([0, 1, 2]);
    const report = await run('resume.csv');
    expect(report).toMatchObject({ written: true, resumedBatches: 3, flows: 9 });
    expect((await flowRows(f.db)).filter((flow) => flow.donor_id === 'resume')).toHaveLength(9);
    expect(await stagedBatches(f.db)).toEqual([]);
  });

  it('resumes after the last staged line, whatever size the resumed run cuts its batches', async () => {
    const rows = ['donor,month,eur', ...Array.from({ length: 9 }, (_, i) => `recut,2023-0${i + 1},${i + 1}`)];
    await writeFile(file('recut.csv'), `${rows.join('\n')}\n`);
    await expect(run('recut.csv', tinyFormat({ crashAt: 8 }))).rejects.toThrow('interrupted');
    expect(await stagedBatches(f.db)).toEqual([0, 1, 2]);
    const report = await run('recut.csv', tinyFormat(), { batchSize: 4 });
    expect(report).toMatchObject({ written: true, resumedBatches: 3, flows: 9 });
    const recut = (await flowRows(f.db)).filter((flow) => flow.donor_id === 'recut');
    expect(recut.map((flow) => flow.period).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `2023-0${i + 1}`));
  });

  it('records totals of more groups than an event carries over several events, in batch order, as the read model sums them', async () => {
    // 250 donors × 100 months: 25,000 groups of totals, each its own, in 13 batches of 2,000 flows.
    const month = (index: number) => `${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const rows = Array.from({ length: 25_000 }, (_, i) => `wide${i % 250},${month(Math.floor(i / 250))},1.5`);
    await writeFile(file('wide.csv'), `donor,month,eur\n${rows.join('\n')}\n`);
    const report = await run('wide.csv', tinyFormat(), { batchSize: 2000 });
    expect(report).toMatchObject({ written: true, flows: 25_000 });
    const events = await f.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `import-${report.importId}`)
      .where('type', '=', 'FlowsImported')
      .orderBy('seq')
      .execute();
    const batches = events.map(({ data }) => data as { batch: number; totals: unknown[] });
    expect(batches.map((batch) => batch.batch)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    const carrying = batches.filter((batch) => batch.totals.length > 0);
    expect(carrying.length).toBeGreaterThan(1);
    expect(carrying.reduce((sum, batch) => sum + batch.totals.length, 0)).toBe(25_000);
    expect(carrying.at(-1)?.batch).toBe(12);
    const { groups, eur } = await f.db
      .selectFrom('rm_flow_totals')
      .select(({ fn }) => [fn.countAll<string>().as('groups'), fn.sum<string>('eur').as('eur')])
      .where('donor_id', 'like', 'wide%')
      .executeTakeFirstOrThrow();
    expect({ groups: Number(groups), eur: Number(eur) }).toEqual({ groups: 25_000, eur: 37_500 });
  });

  it('keeps free text exactly, tabs, line breaks, quotes and backslashes included', async () => {
    const description = 'Line one\tcolumn\nline two "quoted" \\N and a backslash \\ and «ünïcode»';
    const tricky: ImportFormat = {
      ...tinyFormat(),
      name: 'tricky',
      async *read(_input: Readable, file: string): AsyncIterable<readonly ReadRow[]> {
        yield [
          {
            row: 2,
            key: 'tricky:1',
            flows: [
              {
                id: 'tricky:1',
                donorId: 'north',
                recipientId: null,
                stage: 'paid',
                category: 'humanitarian',
                period: '2025-05-17',
                amount: '12.34',
                currency: 'USD',
                eur: null,
                usd: '12.34',
                rateSource: 'stated',
                statedRate: '0.8240000001',
                description,
                origin: { file, row: 2, release: null },
              },
            ],
          },
        ];
      },
    };
    const report = await runImport(f.deps, f.request, tricky, file('good.csv'));
    expect(report.written).toBe(true);
    const flow = (await flowRows(f.db)).find((row) => row.id === 'tricky:1');
    expect(flow).toMatchObject({
      description,
      recipient_id: null,
      amount_eur: null,
      amount_usd: '12.3400000000',
      rate_stated: '0.8240000001',
      period: '2025-05-17',
      month: '2025-05',
      origin_release: null,
    });
  });

  it('keeps the chain valid, and rebuilding the read models gives the same rows', async () => {
    expect((await verify(f.db)).ok).toBe(true);
    const live = await dumpProjections(f.db);
    await rebuild(f.db);
    expect(await dumpProjections(f.db)).toEqual(live);
  });
});
