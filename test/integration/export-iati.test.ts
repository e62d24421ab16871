/**
 * The IATI 2.03 export of the PURL demo (docs/iati.md, "Export"), with records that must stay out
 * of it beside the demo: a restricted and a partners-only package, a partners-only pledge to a public package, a
 * withdrawn pledge. The file is checked against the vendored schema, read back with Tranche's own IATI reader and
 * compared with the read models. Without ../shared the suite says so and does not run, except under CI=true.
 */

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendContribution, pledgeContribution, withdrawContribution } from '../../src/app/contributions.ts';
import type { AppDeps, RequestContext } from '../../src/app/deps.ts';
import { type IatiExportResult, writeIatiExport } from '../../src/app/iati-export.ts';
import { cancelPackage, closePackage, proposePackage } from '../../src/app/packages.ts';
import { loadDemo } from '../../src/demo/purl-2025.ts';
import { FULL_SCOPE, operator } from '../../src/domain/access.ts';
import { money } from '../../src/domain/money.ts';
import { readIati } from '../../src/ingest/formats/iati.ts';
import { validateIatiActivities } from '../../src/ingest/formats/iati-schema.ts';
import type { IatiActivity } from '../../src/ingest/formats/iati-types.ts';
import { type LedgerState, ledgerState, sequentialIdsByPrefix } from '../support/app-fixtures.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { isCi } from '../support/env.ts';
import { fixedClock } from '../support/fixtures.ts';
import { recordPrivateHistory, SECRETS } from '../support/private-records.ts';

const sharedDataDir = path.resolve(import.meta.dirname, '../../../shared/data');
const present = existsSync(path.join(sharedDataDir, 'ecb', 'eurofxref-hist.csv'));
if (!present && !isCi())
  console.warn(`IATI export suite not run: ${sharedDataDir} is missing (the shared public data)`);

const request: RequestContext = { principal: operator('test') };

/** Beside the demo: what the export must leave out, and a closed, an amended and a cancelled package. */
async function recordMore(deps: AppDeps): Promise<void> {
  await recordPrivateHistory(deps, request);
  await proposePackage(deps, request, {
    id: 'partner-lot-1',
    title: { en: 'Partner-only lot' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    category: 'drones',
    targetValue: { amount: '1000000', currency: 'EUR' },
    lines: [{ lineId: 'l1', description: 'Quiet drones', quantity: 5 }],
    visibility: 'partners',
    occurredOn: '2025-09-01',
  });
  await pledgeContribution(deps, request, {
    id: 'pl-partner-lot-1',
    donorId: 'pl',
    packageId: 'partner-lot-1',
    amount: { amount: '1000000', currency: 'EUR' },
    occurredOn: '2025-09-01',
  });
  await pledgeContribution(deps, request, {
    id: 'de-quiet-nl-2',
    donorId: 'de',
    packageId: 'purl-nl-2',
    amount: { amount: '7000000', currency: 'EUR' },
    visibility: 'partners',
    occurredOn: '2025-10-01',
  });
  await closePackage(deps, request, 'purl-nl-1', { occurredOn: '2025-10-02' });
  await amendContribution(deps, request, 'ca-purl-1', {
    amount: { amount: '400000000', currency: 'USD' },
    reason: 'the second tranche went to another package',
    occurredOn: '2025-10-03',
  });
  await proposePackage(deps, request, {
    id: 'purl-pl-1',
    title: { en: 'Poland PURL package', uk: 'Пакет PURL Польщі', ru: 'Пакет PURL Польши' },
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    category: 'ammunition',
    targetValue: { amount: '100000000', currency: 'EUR' },
    lines: [{ lineId: '1', description: 'Artillery ammunition', quantity: 1, unit: 'consignments' }],
    occurredOn: '2025-10-04',
  });
  await pledgeContribution(deps, request, {
    id: 'pl-purl-pl-1',
    donorId: 'pl',
    packageId: 'purl-pl-1',
    amount: { amount: '100000000', currency: 'EUR' },
    occurredOn: '2025-10-04',
  });
  await withdrawContribution(deps, request, 'pl-purl-pl-1', { reason: 'funds redirected', occurredOn: '2025-10-05' });
  await cancelPackage(deps, request, 'purl-pl-1', { reason: 'no funding', occurredOn: '2025-10-06' });
}

const PUBLIC_PACKAGES = [
  'purl-ca-1',
  'purl-ca-2',
  'purl-de-1',
  'purl-nb8-1',
  'purl-nl-1',
  'purl-nl-2',
  'purl-no-pl-de-1',
  'purl-nordic-1',
  'purl-pl-1',
];

describe.runIf(present || isCi())('the IATI 2.03 export of the PURL demo', () => {
  let t: TestDatabase;
  let tmp: string;
  let xml: string;
  let result: IatiExportResult;
  let head: LedgerState;
  let activities: Map<string, IatiActivity>;

  const activity = (packageId: string): IatiActivity => {
    const found = activities.get(`XI-TRANCHE-${packageId}`);
    if (!found) throw new Error(`no activity for ${packageId}`);
    return found;
  };

  beforeAll(async () => {
    if (!present) throw new Error(`the demo needs the shared public data at ${sharedDataDir} (required under CI=true)`);
    t = await openTestDatabase();
    const deps: AppDeps = {
      db: t.database.db,
      clock: fixedClock('2026-11-28T09:00:00Z').now,
      newId: sequentialIdsByPrefix(),
    };
    await loadDemo(deps, { sharedDataDir });
    await recordMore(deps);
    head = await ledgerState(deps.db);
    tmp = await mkdtemp(path.join(os.tmpdir(), 'tranche-iati-'));
    const file = path.join(tmp, 'iati.xml');
    // Two packages a page, so that the export spans pages.
    result = await writeIatiExport(deps, FULL_SCOPE, file, { pageSize: 2 });
    xml = await readFile(file, 'utf8');
    activities = new Map();
    for await (const item of readIati(Readable.from([xml]))) {
      if ('error' in item) throw new Error(`line ${item.line}: ${JSON.stringify(item.error)}`);
      activities.set(item.activity.identifier, item.activity);
    }
  }, 180_000);
  afterAll(async () => {
    await t?.cleanup();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('is valid against the IATI 2.03 schema, and names the ledger head it reflects', async () => {
    expect(await validateIatiActivities(xml)).toEqual([]);
    expect(result.manifest).toEqual({
      exportedAt: '2026-11-28T09:00:00.000Z',
      ledgerHead: { seq: head.headSeq, hash: head.headHash },
    });
    expect(xml.split('\n').slice(0, 3)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<!-- Tranche export at ledger seq ${head.headSeq}, head ${head.headHash} -->`,
      '<iati-activities version="2.03" generated-datetime="2026-11-28T09:00:00.000Z">',
    ]);
  }, 30_000);

  it('has one activity per public package, in the order of its id, and no more', () => {
    expect([...activities.keys()]).toEqual(PUBLIC_PACKAGES.map((id) => `XI-TRANCHE-${id}`));
    expect(result.activities).toBe(PUBLIC_PACKAGES.length);
    const transactions = [...activities.values()].reduce((sum, item) => sum + item.transactions.length, 0);
    expect(result.transactions).toBe(transactions);
  });

  it('leaves out what is not public: packages, pledges, donors and their words', () => {
    for (const hidden of ['covert-lot-7', 'partner-lot-1', 'Partner-only lot', 'Quiet drones', 'de-quiet-nl-2']) {
      expect(xml).not.toContain(hidden);
    }
    for (const secret of SECRETS) expect(xml).not.toContain(secret);
    expect(activity('purl-nl-2').transactions.map((transaction) => transaction.ref)).toEqual(['nl-purl-2']);
    expect(activity('purl-nl-2').participatingOrgs.map((org) => org.narratives[0]?.text)).not.toContain('Germany');
  });

  it('gives a package its three titles, its status, dates, organisations, country and sector', () => {
    const nl = activity('purl-nl-1');
    expect(nl.title).toEqual([
      { lang: 'en', text: 'Netherlands PURL package 1' },
      { lang: 'uk', text: 'Пакет PURL Нідерландів №1' },
      { lang: 'ru', text: 'Пакет PURL Нидерландов №1' },
    ]);
    expect(nl.reportingOrg).toMatchObject({ ref: 'XI-TRANCHE', type: '90', secondaryReporter: true });
    expect(nl.status?.name).toBe('closed');
    expect(nl.dates.map((date) => [date.type.name, date.date])).toEqual([
      ['planned-start', '2025-08-04'],
      ['actual-start', '2025-08-05'],
      ['actual-end', '2025-08-09'],
    ]);
    expect(nl.participatingOrgs.map((org) => [org.role.name, org.type, org.narratives[0]?.text])).toEqual([
      ['funding', '10', 'Netherlands'],
      ['accountable', '40', 'NATO Security Assistance and Training for Ukraine (NSATU), Wiesbaden'],
      ['implementing', '10', 'United States'],
    ]);
    expect(nl.recipientCountries).toEqual([{ code: 'UA', percentage: null }]);
    expect(nl.sectors.map((sector) => [sector.vocabulary, sector.code])).toEqual([['1', '15250']]);
    expect(activity('purl-nordic-1').participatingOrgs.filter((org) => org.role.name === 'funding')).toHaveLength(3);
  });

  it('maps each package status to its IATI activity status', () => {
    expect(Object.fromEntries(PUBLIC_PACKAGES.map((id) => [id, activity(id).status?.code]))).toEqual({
      'purl-ca-1': '2',
      'purl-ca-2': '1',
      'purl-de-1': '2',
      'purl-nb8-1': '2',
      'purl-nl-1': '4',
      'purl-nl-2': '1',
      'purl-no-pl-de-1': '1',
      'purl-nordic-1': '3',
      'purl-pl-1': '5',
    });
    expect(activity('purl-pl-1').transactions).toEqual([]);
    expect(activity('purl-pl-1').dates.map((date) => [date.type.name, date.date])).toEqual([
      ['planned-start', '2025-10-04'],
      ['actual-end', '2025-10-06'],
    ]);
  });

  it("a contribution's transactions sum to its amount (pledge, commitment) and to what was paid (disbursements)", async () => {
    const contributions = await t.database.db
      .selectFrom('rm_contributions')
      .selectAll()
      .where('visibility', '=', 'public')
      .where('status', '<>', 'withdrawn')
      .where('package_id', 'in', PUBLIC_PACKAGES)
      .execute();
    const written = [...activities.values()].flatMap((item) => item.transactions);
    expect(new Set(written.map((transaction) => transaction.ref))).toEqual(new Set(contributions.map((row) => row.id)));
    for (const row of contributions) {
      const sum = (type: string): bigint =>
        written
          .filter((transaction) => transaction.ref === row.id && transaction.type.name === type)
          .reduce((total, transaction) => {
            expect(transaction.value.money.currency).toBe(row.currency);
            expect(transaction.provider?.narratives[0]?.text).toBeTruthy();
            return total + transaction.value.money.minor;
          }, 0n);
      const amount = money(row.amount, row.currency).minor;
      expect({ id: row.id, pledged: sum('outgoing-pledge') }).toEqual({ id: row.id, pledged: amount });
      expect({ id: row.id, committed: sum('outgoing-commitment') }).toEqual({
        id: row.id,
        committed: row.committed_on ? amount : 0n,
      });
      expect({ id: row.id, paid: sum('disbursement') }).toEqual({
        id: row.id,
        paid: money(row.paid_amount, row.currency).minor,
      });
    }
    const canada = activity('purl-ca-1').transactions.map((transaction) => [
      transaction.type.name,
      transaction.date,
      transaction.value.money.minor,
      transaction.value.valueDate,
    ]);
    expect(canada).toEqual([
      ['outgoing-pledge', '2025-08-24', 40_000_000_000n, '2025-08-22'],
      ['outgoing-commitment', '2025-09-01', 40_000_000_000n, '2025-08-22'],
      ['disbursement', '2025-09-30', 25_000_000_000n, '2025-08-22'],
    ]);
  });
});
