/**
 * IATI activity statuses onto the package lifecycle, and a publisher's next file: what changed is applied through the
 * use cases, the same content again creates nothing, and an older file changes nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIati } from '../../src/app/imports/iati.ts';
import { confirmReceipt, contractPackage, dispatchShipment } from '../../src/app/packages.ts';
import { type AppFixture, dumpProjections, ledgerState, openAppFixture } from '../support/app-fixtures.ts';
import { iatiFile, versionedActivity } from '../support/iati-files.ts';

describe('IATI activity statuses and updates', () => {
  let f: AppFixture;
  let dir: string;
  let files = 0;
  const write = async (...activities: string[]) => {
    files += 1;
    const file = path.join(dir, `file-${files}.xml`);
    await writeFile(file, iatiFile(...activities));
    return file;
  };
  const status = async (id: string) =>
    (await f.db.selectFrom('rm_packages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  /** The events of a package and its contributions: type, day, and the paymentId or reason when there is one. */
  const eventsOf = async (id: string) =>
    (
      await sql<{ type: string; on: string; detail: string | null }>`
        select type, meta->>'occurredOn' as on, coalesce(data->>'paymentId', data->>'reason') as detail from events
        where stream_id = ${`package-${id}`} or stream_id like ${`contribution-${id}:%`} order by seq`.execute(f.db)
    ).rows.map((row) => [row.type, row.on, ...(row.detail ? [row.detail] : [])]);

  beforeAll(async () => {
    f = await openAppFixture();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-iati-updates-'));
  });
  afterAll(async () => {
    await f?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const updated = '2025-09-02T10:00:00Z';
  const statuses = () => [
    versionedActivity({ id: 'S2', updated, status: '2' }),
    versionedActivity({
      id: 'S5',
      updated,
      status: '5',
      dates: [
        ['1', '2025-08-01'],
        ['4', '2025-09-01'],
      ],
    }),
    versionedActivity({
      id: 'S4',
      updated,
      status: '4',
      dates: [
        ['2', '2025-08-04'],
        ['3', '2025-08-30'],
      ],
    }),
    versionedActivity({ id: 'P2', updated, status: '2', transactions: 1 }),
  ];

  it('reports in a dry run the steps it would take, and writes nothing', async () => {
    const before = { ledger: await ledgerState(f.db), projections: await dumpProjections(f.db) };
    const report = await importIati(f.deps, f.request, await write(...statuses()), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, written: false, refused: false, errors: [] });
    expect(report.lifecycle).toEqual([
      {
        packageId: 'iati:nl-gov-1-ua-s2',
        iatiStatus: '2 implementation',
        steps: ['validated', 'funded'],
        packageStatus: 'funded',
      },
      { packageId: 'iati:nl-gov-1-ua-s5', iatiStatus: '5 cancelled', steps: ['cancelled'], packageStatus: 'cancelled' },
      {
        packageId: 'iati:nl-gov-1-ua-s4',
        iatiStatus: '4 closed',
        steps: ['validated', 'funded'],
        packageStatus: 'funded',
      },
      {
        packageId: 'iati:nl-gov-1-ua-p2',
        iatiStatus: '2 implementation',
        steps: ['validated'],
        packageStatus: 'validated',
      },
    ]);
    expect({ ledger: await ledgerState(f.db), projections: await dumpProjections(f.db) }).toEqual(before);
  });

  it('takes status 2, 5 and 4 as far as the rules allow, dated by the activity, and reports what it could not do', async () => {
    const report = await importIati(f.deps, f.request, await write(...statuses()));
    expect(report).toMatchObject({ written: true, refused: false, errors: [] });
    expect(await status('iati:nl-gov-1-ua-s2')).toBe('funded');
    // Validated on the actual start; funded on the day of the first commitment.
    expect((await eventsOf('iati:nl-gov-1-ua-s2')).filter(([type]) => type?.startsWith('Package'))).toEqual([
      ['PackageProposed', '2025-08-04'],
      ['PackageValidated', '2025-08-04'],
      ['PackageFunded', '2025-08-05'],
    ]);
    expect(await status('iati:nl-gov-1-ua-s5')).toBe('cancelled');
    expect((await eventsOf('iati:nl-gov-1-ua-s5')).at(-1)).toEqual([
      'PackageCancelled',
      '2025-09-01',
      `IATI activity status 5 (cancelled), file of ${updated}`,
    ]);
    // Closed in IATI, but a package closes once delivered: it is funded, and the report says why it stays so.
    expect(await status('iati:nl-gov-1-ua-s4')).toBe('funded');
    expect(await status('iati:nl-gov-1-ua-p2')).toBe('validated');
    expect(report.notes).toEqual([
      {
        row: expect.any(Number),
        packageId: 'iati:nl-gov-1-ua-s4',
        note: expect.stringMatching(
          /^IATI status 4 closed: not closed: a package closes once delivered, and this one is funded/,
        ),
      },
      {
        row: expect.any(Number),
        packageId: 'iati:nl-gov-1-ua-p2',
        note: 'IATI status 2 implementation: not funded: no contribution to the package is committed; left validated',
      },
    ]);
  });

  it('closes a package of status 4 once it is delivered, when the publisher’s next file comes', async () => {
    const id = 'iati:nl-gov-1-ua-s4';
    await contractPackage(f.deps, f.request, id, { supplierId: 'de', occurredOn: '2025-08-10' });
    await dispatchShipment(f.deps, f.request, id, {
      shipmentId: 's1',
      lines: [{ lineId: '1' }],
      occurredOn: '2025-08-11',
    });
    await confirmReceipt(f.deps, f.request, id, {
      shipmentId: 's1',
      lines: [{ lineId: '1' }],
      full: true,
      occurredOn: '2025-08-20',
    });
    const next = versionedActivity({
      id: 'S4',
      updated: '2025-10-01T00:00:00Z',
      status: '4',
      dates: [['4', '2025-09-30']],
    });
    const report = await importIati(f.deps, f.request, await write(next));
    expect(report).toMatchObject({ updatedActivities: [id], notes: [] });
    expect(report.lifecycle).toEqual([
      { packageId: id, iatiStatus: '4 closed', steps: ['closed'], packageStatus: 'closed' },
    ]);
    expect((await eventsOf(id)).at(-1)).toEqual(['PackageClosed', '2025-09-30']);
  });

  it('applies from a next file only the new transactions and the status change; the same content again adds nothing', async () => {
    const id = 'iati:nl-gov-1-ua-u1';
    const v1 = versionedActivity({ id: 'U1', updated: '2025-08-10T00:00:00Z', status: '1', transactions: 2 });
    const v2 = versionedActivity({ id: 'U1', updated: '2025-09-01T00:00:00Z', status: '2', title: 'Radars' });
    expect(await importIati(f.deps, f.request, await write(v1))).toMatchObject({
      packages: [id],
      lifecycle: [{ packageId: id, iatiStatus: '1 pipeline', steps: [], packageStatus: 'proposed' }],
    });
    expect(await status(id)).toBe('proposed');
    const v1Events = await eventsOf(id);

    const file = await write(v2);
    const report = await importIati(f.deps, f.request, file);
    expect(report).toMatchObject({
      written: true,
      packages: [],
      existingActivities: [id],
      updatedActivities: [id],
      olderActivities: [],
      contributions: [`${id}:nl`],
      lifecycle: [{ packageId: id, iatiStatus: '2 implementation', steps: ['validated', 'funded'] }],
      notes: [{ packageId: id, note: expect.stringMatching(/^the title differs/) }],
    });
    expect(await eventsOf(id)).toEqual([
      ...v1Events,
      ['ContributionPaid', '2025-08-06', 't3'],
      ['ContributionPaid', '2025-08-07', 't4'],
      ['PackageValidated', '2025-08-04'],
      ['PackageFunded', '2025-08-05'],
    ]);
    const contribution = await f.db
      .selectFrom('rm_contributions')
      .select(['amount', 'paid_amount', 'status'])
      .where('id', '=', `${id}:nl`)
      .executeTakeFirstOrThrow();
    expect(contribution).toEqual({
      amount: '1000000.0000000000',
      paid_amount: '1000000.0000000000',
      status: 'committed',
    });

    const before = await ledgerState(f.db);
    expect(await importIati(f.deps, f.request, file)).toMatchObject({ alreadyImported: true, written: false });
    expect(await ledgerState(f.db)).toEqual(before);
    // The same activity in another file (another digest): recorded as an import, but nothing of the package changes.
    const again = await importIati(f.deps, f.request, await write(v2, ' '));
    expect(again).toMatchObject({ written: true, existingActivities: [id], updatedActivities: [], contributions: [] });
    expect(again.lifecycle).toEqual([
      { packageId: id, iatiStatus: '2 implementation', steps: [], packageStatus: 'funded' },
    ]);
    expect(await eventsOf(id)).toHaveLength(v1Events.length + 4);
  });

  it('ignores an activity of an older file than the one the ledger holds, and says so', async () => {
    const id = 'iati:nl-gov-1-ua-w1';
    const v2 = versionedActivity({ id: 'W1', updated: '2025-09-01T00:00:00Z', status: '2' });
    const v1 = versionedActivity({ id: 'W1', updated: '2025-08-10T00:00:00Z', status: '5', transactions: 2 });
    await importIati(f.deps, f.request, await write(v2));
    const events = await eventsOf(id);
    const report = await importIati(f.deps, f.request, await write(v1));
    expect(report).toMatchObject({
      written: true,
      existingActivities: [id],
      olderActivities: [id],
      updatedActivities: [],
      lifecycle: [],
      notes: [{ packageId: id, note: expect.stringMatching(/this older version is ignored$/) }],
    });
    expect(await eventsOf(id)).toEqual(events);
    expect(await status(id)).toBe('funded');
  });

  it('remembers the activities of a file too large to keep whole, and ignores an older one after it', async () => {
    const id = 'iati:nl-gov-1-ua-l1';
    const v2 = versionedActivity({ id: 'L1', updated: '2025-09-01T00:00:00Z', status: '2' });
    const v1 = versionedActivity({ id: 'L1', updated: '2025-08-10T00:00:00Z', status: '5', transactions: 2 });
    // Over the 1,000,000 characters a source keeps: the file is recorded as a note listing its activities' versions.
    const large = path.join(dir, 'large.xml');
    await writeFile(
      large,
      iatiFile(v2).replace('</iati-activities>', `<!-- ${'x'.repeat(1_000_001)} -->\n</iati-activities>`),
    );
    const first = await importIati(f.deps, f.request, large);
    const note = await f.db
      .selectFrom('rm_sources')
      .select('body')
      .where('id', '=', first.sourceId ?? '')
      .executeTakeFirstOrThrow();
    expect(note.body).toMatch(
      /too large to keep as text\.\nactivity NL-GOV-1-UA-L1 last-updated 2025-09-01T00:00:00Z$/,
    );
    const events = await eventsOf(id);
    const report = await importIati(f.deps, f.request, await write(v1));
    expect(report).toMatchObject({ olderActivities: [id], updatedActivities: [] });
    expect(await eventsOf(id)).toEqual(events);
  });

  it('refuses an activity whose recorded payment the next file changed, rather than pay twice', async () => {
    const id = 'iati:nl-gov-1-ua-x1';
    await importIati(f.deps, f.request, await write(versionedActivity({ id: 'X1', updated: '2025-08-10T00:00:00Z' })));
    const changed = versionedActivity({ id: 'X1', updated: '2025-09-01T00:00:00Z' }).replace('>400000<', '>300000<');
    const report = await importIati(f.deps, f.request, await write(changed));
    expect(report).toMatchObject({ refused: true, written: false });
    expect(report.errors).toEqual([
      expect.objectContaining({
        column: 'transaction',
        reason: expect.stringMatching(/^iati-transaction-changed: payment t3/),
      }),
    ]);
    expect(await status(id)).toBe('proposed');
  });
});
