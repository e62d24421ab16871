/**
 * IATI 2.03 activity files through `importIati`: the official annotated example (../shared/data/iati), and small
 * files written here for the rules (all or nothing, --skip-invalid, dry run, overlapping files).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIati } from '../../src/app/imports/iati.ts';
import { importEcbRates } from '../../src/app/rates.ts';
import { type AppFixture, dumpProjections, ledgerState, openAppFixture, TODAY } from '../support/app-fixtures.ts';
import { isCi } from '../support/env.ts';
import { BAD_ACTIVITIES, GOOD_ACTIVITIES, iatiFile } from '../support/iati-files.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../../../shared/data/iati/activity-standard-example-annotated.xml');
const present = existsSync(EXAMPLE);
/** The 1-based line of the first line holding `text`, after `from`. */
const lineOf = (xml: string, text: string, from = ''): number => {
  const lines = xml.split('\n');
  const start = from ? lines.findIndex((line) => line.includes(from)) : 0;
  return lines.findIndex((line, index) => index >= start && line.includes(text)) + 1;
};
if (!present && !isCi()) console.warn(`IATI example import not run: ${EXAMPLE} is missing (the shared public data)`);

describe('importing IATI 2.03 activities', () => {
  let f: AppFixture;
  let dir: string;
  const write = async (name: string, xml: string) => {
    const file = path.join(dir, name);
    await writeFile(file, xml);
    return file;
  };
  const snapshot = async () => ({ ledger: await ledgerState(f.db), projections: await dumpProjections(f.db) });

  beforeAll(async () => {
    f = await openAppFixture();
    dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-iati-'));
    // The ECB's USD rate on the last publishing day of 2011, for the example's transaction of 2012-01-01.
    const rates = path.join(dir, 'eurofxref-hist.csv');
    await writeFile(rates, 'Date,USD,\n2011-12-30,1.2939,\n');
    await importEcbRates(f.db, rates);
  });
  afterAll(async () => {
    await f?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe.runIf(present || isCi())('the official annotated example', () => {
    it('imports its activity as a package, its organisations, and its incoming funds as a paid contribution', async () => {
      if (!present) throw new Error(`the IATI example import needs ${EXAMPLE} (required under CI=true)`);
      const sha = createHash('sha256')
        .update(await readFile(EXAMPLE))
        .digest('hex');
      const report = await importIati(f.deps, f.request, EXAMPLE);
      expect(report).toMatchObject({
        importId: `iati-${sha.slice(0, 16)}`,
        written: true,
        refused: false,
        rowsRead: 1,
        errors: [],
        packages: ['iati:aa-aaa-123456789-abc123'],
        contributions: ['iati:aa-aaa-123456789-abc123:bb-bbb-123456789'],
        newOrganisations: ['iati:aa-aaa-123456789', 'iati:bb-bbb-123456789', 'cc', 'af'],
        skippedTransactions: 0,
        sourceId: `iati-${sha.slice(0, 16)}`,
      });
      const pkg = await f.db
        .selectFrom('rm_packages')
        .select(['title', 'status', 'recipient_id', 'coordinator_id', 'category', 'target_amount', 'target_currency'])
        .select(['proposed_on'])
        .where('id', '=', 'iati:aa-aaa-123456789-abc123')
        .executeTakeFirstOrThrow();
      // Title: en only (fr and es have no place in a package's title; the source keeps them). Sectors 111 and 112
      // (DAC 3-digit, education) match no category, and the activity is humanitarian. Target: its budget, in EUR.
      // Status 2 (implementation): validated by its coordinator, and funded, since its contribution is committed.
      expect(pkg).toEqual({
        title: { en: 'Activity title' },
        status: 'funded',
        recipient_id: 'af',
        coordinator_id: 'iati:aa-aaa-123456789',
        category: 'humanitarian',
        target_amount: '3000.0000000000',
        target_currency: 'EUR',
        proposed_on: '2012-01-01',
      });
      const organisations = await f.db
        .selectFrom('rm_organisations')
        .select(['id', 'kind', 'iso3166', 'name_en', 'name_uk', 'name_ru'])
        .where('id', 'in', report.newOrganisations)
        .orderBy('id')
        .execute();
      expect(organisations).toEqual([
        {
          id: 'af',
          kind: 'state',
          iso3166: 'AF',
          name_en: 'Afghanistan',
          name_uk: 'Афганістан',
          name_ru: 'Афганистан',
        },
        // CC-CCC-123456789 is a government (type 10) registered in CC: the Cocos (Keeling) Islands, by its code.
        expect.objectContaining({ id: 'cc', kind: 'state', iso3166: 'CC' }),
        {
          id: 'iati:aa-aaa-123456789',
          kind: 'international-organisation',
          iso3166: null,
          name_en: 'Organisation name',
          name_uk: 'Organisation name',
          name_ru: 'Organisation name',
        },
        {
          id: 'iati:bb-bbb-123456789',
          kind: 'international-organisation',
          iso3166: null,
          name_en: 'Name of Agency B',
          name_uk: 'Name of Agency B',
          name_ru: 'Name of Agency B',
        },
      ]);
      const contribution = await f.db
        .selectFrom('rm_contributions')
        .select(['donor_id', 'package_id', 'category', 'status', 'currency', 'amount', 'paid_amount'])
        .select(['pledged_on', 'committed_on', 'last_paid_on'])
        .executeTakeFirstOrThrow();
      expect(contribution).toEqual({
        donor_id: 'iati:bb-bbb-123456789',
        package_id: 'iati:aa-aaa-123456789-abc123',
        category: 'humanitarian',
        status: 'committed',
        currency: 'EUR',
        amount: '1000.0000000000',
        paid_amount: '1000.0000000000',
        pledged_on: '2012-01-01',
        committed_on: '2012-01-01',
        last_paid_on: '2012-01-01',
      });
      const source = await f.db
        .selectFrom('rm_sources')
        .select(['publisher', 'title', 'body'])
        .where('id', '=', report.sourceId ?? '')
        .executeTakeFirstOrThrow();
      expect(source).toEqual({
        publisher: 'Organisation name',
        title: 'IATI activity file activity-standard-example-annotated.xml',
        body: (await readFile(EXAMPLE, 'utf8')).trim(),
      });
      const events = await f.db
        .selectFrom('events')
        .select(['type', 'meta'])
        .where('stream_id', 'like', 'contribution-iati:%')
        .orderBy('seq')
        .execute();
      expect(events.map((event) => event.type)).toEqual([
        'ContributionPledged',
        'ContributionCommitted',
        'ContributionPaid',
      ]);
      for (const event of events) expect(event.meta).toMatchObject({ basis: 'official', evidence: [report.sourceId] });
    });

    it('creates nothing when the same file is imported again', async () => {
      const before = await ledgerState(f.db);
      expect(await importIati(f.deps, f.request, EXAMPLE)).toMatchObject({ alreadyImported: true, written: false });
      expect(await ledgerState(f.db)).toEqual(before);
    });
  });

  describe('the rules', () => {
    const good = iatiFile(GOOD_ACTIVITIES);
    const bad = iatiFile(GOOD_ACTIVITIES, BAD_ACTIVITIES);

    it('decides everything in a dry run and writes nothing', async () => {
      const before = await snapshot();
      const report = await importIati(f.deps, f.request, await write('good.xml', good), { dryRun: true });
      expect(report).toMatchObject({
        dryRun: true,
        written: false,
        refused: false,
        rowsRead: 2,
        packages: ['iati:nl-gov-1-ua-0001', 'iati:xm-dac-41114-ukr-77'],
        contributions: ['iati:nl-gov-1-ua-0001:nl', 'iati:xm-dac-41114-ukr-77:de'],
        newOrganisations: ['iati:xm-dac-41114'],
        skippedTransactions: 1,
      });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a file with a bad activity as a whole, naming its line, element and reason', async () => {
      const before = await snapshot();
      const report = await importIati(f.deps, f.request, await write('bad.xml', bad));
      expect(report).toMatchObject({ written: false, refused: true, rowsRead: 4, errorCount: 2 });
      expect(report.errors).toEqual([
        {
          row: lineOf(bad, '<transaction-type code="3"/>', 'NL-GOV-1-UA-0002'),
          column: 'transaction/value',
          reason: 'payment-exceeds-commitment: payments would reach 200.00 EUR, beyond the 100.00 committed',
        },
        {
          row: lineOf(bad, 'currency="XYZ"'),
          column: 'value/@currency',
          reason: '"XYZ" is not an ISO 4217 currency code',
        },
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it('with skipInvalid imports the good activities, each stage exact, and lists the bad ones', async () => {
      const report = await importIati(f.deps, f.request, path.join(dir, 'bad.xml'), { skipInvalid: true });
      expect(report).toMatchObject({ written: true, refused: false, errorCount: 2, rowsRead: 4 });
      expect(report.packages).toEqual(['iati:nl-gov-1-ua-0001', 'iati:xm-dac-41114-ukr-77']);
      const packages = await f.db
        .selectFrom('rm_packages')
        .select(['id', 'title', 'recipient_id', 'coordinator_id', 'category', 'target_amount', 'target_currency'])
        .select('proposed_on')
        .where('id', 'like', 'iati:%')
        .where('id', '!=', 'iati:aa-aaa-123456789-abc123')
        .orderBy('id')
        .execute();
      expect(packages).toEqual([
        {
          id: 'iati:nl-gov-1-ua-0001',
          title: { en: 'Air defence radars', uk: 'Радари протиповітряної оборони' },
          recipient_id: 'ua',
          coordinator_id: 'nl',
          category: 'other-equipment',
          target_amount: '1000000.0000000000',
          target_currency: 'EUR',
          proposed_on: '2025-08-04',
        },
        {
          id: 'iati:xm-dac-41114-ukr-77',
          title: { en: 'Winter shelter repairs' },
          recipient_id: 'ua',
          coordinator_id: 'iati:xm-dac-41114',
          category: 'humanitarian',
          target_amount: '500000.0000000000',
          target_currency: 'USD',
          proposed_on: '2025-08-08',
        },
      ]);
      const undp = await f.db
        .selectFrom('rm_organisations')
        .select(['kind', 'name_en', 'name_uk', 'name_ru'])
        .where('id', '=', 'iati:xm-dac-41114')
        .executeTakeFirstOrThrow();
      expect(undp).toEqual({
        kind: 'international-organisation',
        name_en: 'United Nations Development Programme',
        name_uk: 'United Nations Development Programme',
        name_ru: 'Программа развития ООН',
      });
      const contributions = await f.db
        .selectFrom('rm_contributions')
        .select(['id', 'donor_id', 'currency', 'amount', 'paid_amount', 'pledged_on', 'committed_on', 'last_paid_on'])
        .where('id', 'in', ['iati:nl-gov-1-ua-0001:nl', 'iati:xm-dac-41114-ukr-77:de'])
        .orderBy('id')
        .execute();
      expect(contributions).toEqual([
        {
          id: 'iati:nl-gov-1-ua-0001:nl',
          donor_id: 'nl',
          currency: 'EUR',
          amount: '1000000.0000000000',
          paid_amount: '1000000.0000000000',
          pledged_on: '2025-08-04',
          committed_on: '2025-08-05',
          last_paid_on: '2025-08-07',
        },
        {
          id: 'iati:xm-dac-41114-ukr-77:de',
          donor_id: 'de',
          currency: 'USD',
          amount: '300000.0000000000',
          paid_amount: '300000.0000000000',
          pledged_on: '2025-08-08',
          committed_on: '2025-08-08',
          last_paid_on: '2025-08-08',
        },
      ]);
      const payments = await f.db
        .selectFrom('events')
        .select(sql<string>`data->>'paymentId'`.as('paymentId'))
        .where('stream_id', '=', 'contribution-iati:nl-gov-1-ua-0001:nl')
        .where('type', '=', 'ContributionPaid')
        .orderBy('seq')
        .execute();
      expect(payments).toEqual([{ paymentId: 't3' }, { paymentId: 't4' }]);
      expect(
        await f.db.selectFrom('rm_packages').select('id').where('id', '=', 'iati:nl-gov-1-ua-0002').execute(),
      ).toEqual([]);
    });

    it('skips the activities another file already imported, and the same file again creates nothing', async () => {
      const file = path.join(dir, 'good.xml');
      const report = await importIati(f.deps, f.request, file);
      expect(report).toMatchObject({
        written: true,
        packages: [],
        existingActivities: ['iati:nl-gov-1-ua-0001', 'iati:xm-dac-41114-ukr-77'],
      });
      const before = await ledgerState(f.db);
      expect(await importIati(f.deps, f.request, file)).toMatchObject({ alreadyImported: true, written: false });
      expect(await ledgerState(f.db)).toEqual(before);
    });

    it('refuses a file that is not an IATI activity file, and a transaction dated after today', async () => {
      const before = await snapshot();
      const notIati = await importIati(f.deps, f.request, await write('x.xml', '<?xml version="1.0"?>\n<html/>\n'));
      expect(notIati).toMatchObject({ refused: true, errors: [{ row: 2, column: null }] });
      const future = GOOD_ACTIVITIES.replace('NL-GOV-1-UA-0001', 'NL-GOV-1-UA-0009').replace(
        '2025-08-07"',
        `${TODAY.slice(0, 4)}-12-31"`,
      );
      const late = await importIati(f.deps, f.request, await write('late.xml', iatiFile(future)));
      expect(late.errors).toEqual([
        expect.objectContaining({
          column: 'transaction/transaction-date',
          reason: expect.stringMatching(/^date-in-future: /),
        }),
      ]);
      expect(await snapshot()).toEqual(before);
    });
  });
});
