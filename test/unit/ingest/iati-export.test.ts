import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { checkIatiFile, IatiExportInvalidError } from '../../../src/app/iati-export.ts';
import { iatiActivities, iatiActivity } from '../../../src/ingest/exporters/iati.ts';
import { DEFAULT_IATI_PUBLISHER } from '../../../src/ingest/exporters/iati-publisher.ts';
import { validateIatiActivities } from '../../../src/ingest/formats/iati-schema.ts';
import { writeIati } from '../../../src/ingest/formats/iati-write.ts';
import type {
  IatiContributionRow,
  IatiOrganisationRow,
  IatiPackageRow,
  IatiPage,
} from '../../../src/projections/queries/iati.ts';

const org = (id: string, kind: string, en: string, iso3166: string | null = null): IatiOrganisationRow => ({
  id,
  kind,
  iso3166,
  names: { uk: `${en} (uk)`, en, ru: `${en} (ru)` },
});

const organisations = new Map(
  [
    org('ua', 'state', 'Ukraine', 'UA'),
    org('nl', 'state', 'Netherlands', 'NL'),
    org('nb8', 'coalition', 'Nordic-Baltic Eight'),
    org('nsatu', 'coordinating-command', 'NSATU'),
    org('acme', 'supplier', 'Acme Defence'),
    org('eu', 'eu-body', 'European Union', 'EU'),
  ].map((row) => [row.id, row]),
);

const pledge: IatiContributionRow = {
  id: 'nb8-1',
  donorId: 'nb8',
  status: 'pledged',
  currency: 'USD',
  amount: '500000000.0000000000',
  paidAmount: '0.0000000000',
  rateDate: '2025-08-01',
  pledgedOn: '2025-08-03',
  committedOn: null,
  payments: [],
};

const paid: IatiContributionRow = {
  id: 'nl-1',
  donorId: 'nl',
  status: 'committed',
  currency: 'EUR',
  amount: '300000000.0000000000',
  paidAmount: '120000000.5000000000',
  rateDate: '2025-08-04',
  pledgedOn: '2025-08-04',
  committedOn: '2025-08-06',
  payments: [
    { paymentId: 'p1', amount: '100000000', paidOn: '2025-08-11', rateDate: '2025-08-04' },
    { paymentId: 'p2', amount: '20000000.50', paidOn: '2025-08-20', rateDate: '2025-08-04' },
  ],
};

const pkg: IatiPackageRow = {
  id: 'pkg-1',
  title: { en: 'PURL package 1', uk: 'Пакет PURL 1', ru: 'Пакет PURL 1 (ru)' },
  status: 'contracted',
  category: 'air-defence',
  recipientId: 'ua',
  coordinatorId: 'nsatu',
  supplierId: 'acme',
  targetCurrency: 'EUR',
  dates: {
    proposed: '2025-08-01',
    funded: '2025-08-06',
    contracted: '2025-08-07',
    firstShipped: null,
    delivered: null,
    closed: null,
    cancelled: null,
  },
  lines: [
    { description: 'Patriot missiles', quantity: '10', unit: 'missiles' },
    { description: 'Spare parts', quantity: null, unit: null },
  ],
  contributions: [paid, pledge],
};

const page: IatiPage = { packages: [pkg], organisations };
const activity = (changes: Partial<IatiPackageRow>) =>
  iatiActivity(page, { ...pkg, ...changes }, DEFAULT_IATI_PUBLISHER);
const noDates = { ...pkg.dates, funded: null, contracted: null };

describe('iatiActivity', () => {
  it('names the activity after the publisher and the package, reported as a secondary reporter', () => {
    const out = iatiActivity(page, pkg, { ref: 'GB-CHC-1234567', name: 'Aid Watch', type: '21' });
    expect(out).toMatchObject({
      identifier: 'GB-CHC-1234567-pkg-1',
      defaultLanguage: 'en',
      defaultCurrency: 'EUR',
      reportingOrg: { ref: 'GB-CHC-1234567', type: '21', names: { en: 'Aid Watch' }, secondaryReporter: true },
      title: { uk: 'Пакет PURL 1', en: 'PURL package 1', ru: 'Пакет PURL 1 (ru)' },
      recipientCountries: [{ code: 'UA' }],
      sectors: [{ vocabulary: '1', code: '15250' }],
    });
    expect(out.description).toEqual({
      uk: 'Протиповітряна оборона: Patriot missiles (10 missiles); Spare parts',
      en: 'Air defence: Patriot missiles (10 missiles); Spare parts',
      ru: 'Противовоздушная оборона: Patriot missiles (10 missiles); Spare parts',
    });
  });

  it('maps every package status to an IATI activity status', () => {
    const statuses = Object.fromEntries(
      [
        'proposed',
        'validated',
        'funded',
        'contracted',
        'in-transit',
        'partially-delivered',
        'delivered',
        'closed',
        'cancelled',
      ].map((status) => [status, activity({ status }).status]),
    );
    expect(statuses).toEqual({
      proposed: 'pipeline',
      validated: 'pipeline',
      funded: 'implementation',
      contracted: 'implementation',
      'in-transit': 'implementation',
      'partially-delivered': 'implementation',
      delivered: 'finalisation',
      closed: 'closed',
      cancelled: 'cancelled',
    });
    expect(() => activity({ status: 'lost' })).toThrow('package pkg-1 has a status no IATI status stands for: lost');
  });

  it('dates: planned start at the proposal, actual start at funding, actual end at delivery or cancellation', () => {
    expect(activity({ status: 'proposed', dates: noDates }).dates).toEqual([
      { type: 'planned-start', date: '2025-08-01' },
    ]);
    expect(activity({}).dates).toEqual([
      { type: 'planned-start', date: '2025-08-01' },
      { type: 'actual-start', date: '2025-08-06' },
    ]);
    expect(activity({ dates: { ...pkg.dates, delivered: '2025-09-10', closed: '2025-09-30' } }).dates).toContainEqual({
      type: 'actual-end',
      date: '2025-09-10',
    });
    expect(activity({ status: 'cancelled', dates: { ...noDates, cancelled: '2025-08-09' } }).dates).toEqual([
      { type: 'planned-start', date: '2025-08-01' },
      { type: 'actual-end', date: '2025-08-09' },
    ]);
  });

  it('donors fund, the coordinator is accountable, the supplier implements', () => {
    const roles = activity({}).participatingOrgs.map((participant) => [
      participant.names.en,
      participant.role,
      participant.type,
    ]);
    expect(roles).toEqual([
      ['Netherlands', 'funding', '10'],
      ['Nordic-Baltic Eight', 'funding', null],
      ['NSATU', 'accountable', '40'],
      ['Acme Defence', 'implementing', '70'],
    ]);
    expect(activity({ supplierId: null }).participatingOrgs.map((participant) => participant.role)).toEqual([
      'funding',
      'funding',
      'accountable',
    ]);
    expect(activity({ recipientId: 'eu' }).recipientCountries).toEqual([]);
    expect(() => activity({ supplierId: 'nobody' })).toThrow('package pkg-1 names organisation nobody');
  });

  it('a contribution is a pledge, a commitment once committed, and a disbursement per payment', () => {
    const [first, second] = activity({}).contributions;
    expect(first?.donor.names.en).toBe('Netherlands');
    expect(first?.recipient?.names.en).toBe('NSATU');
    expect(first?.stages).toEqual([
      {
        type: 'outgoing-pledge',
        date: '2025-08-04',
        value: { currency: 'EUR', minor: 30_000_000_000n },
        valueDate: '2025-08-04',
      },
      {
        type: 'outgoing-commitment',
        date: '2025-08-06',
        value: { currency: 'EUR', minor: 30_000_000_000n },
        valueDate: '2025-08-04',
      },
      {
        type: 'disbursement',
        date: '2025-08-11',
        value: { currency: 'EUR', minor: 10_000_000_000n },
        valueDate: '2025-08-04',
      },
      {
        type: 'disbursement',
        date: '2025-08-20',
        value: { currency: 'EUR', minor: 2_000_000_050n },
        valueDate: '2025-08-04',
      },
    ]);
    expect(second?.stages.map((stage) => stage.type)).toEqual(['outgoing-pledge']);
    const short = { ...paid, paidAmount: '120000001.0000000000' };
    expect(() => activity({ contributions: [short] })).toThrow(
      "contribution nl-1's payments in the ledger do not add up to its paid amount 120000001.0000000000",
    );
  });

  it('writes activities that the IATI 2.03 schema accepts', async () => {
    async function* pages(): AsyncGenerator<IatiPage> {
      yield page;
      yield { organisations, packages: [{ ...pkg, id: 'pkg-2', title: { uk: 'Лише українською' }, lines: [] }] };
    }
    const xml = await text(Readable.from(writeIati(iatiActivities(pages(), DEFAULT_IATI_PUBLISHER))));
    expect(await validateIatiActivities(Buffer.from(xml))).toEqual([]);
    expect(xml).toContain('<reporting-org ref="XI-TRANCHE" type="90" secondary-reporter="1">');
    expect(xml).toContain('<narrative xml:lang="uk">Протиповітряна оборона</narrative>');
    expect(xml.match(/<transaction /g)).toHaveLength(10);
  }, 30_000);
});

describe('checkIatiFile', () => {
  it('fails loudly with the first schema message and its line', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tranche-iati-check-'));
    try {
      const file = path.join(folder, 'iati.xml');
      const xml = await text(Readable.from(writeIati(iatiActivities(once(page), DEFAULT_IATI_PUBLISHER))));
      await writeFile(file, xml);
      await expect(checkIatiFile(file)).resolves.toBeUndefined();
      await writeFile(file, xml.replace('<activity-status code="2"/>', ''));
      const line = xml.split('\n').findIndex((content) => content.includes('<activity-date')) + 1;
      const failure = await checkIatiFile(file).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(IatiExportInvalidError);
      expect((failure as Error).message).toBe(
        `the IATI export does not validate against the IATI 2.03 schema: line ${line}: Schemas validity error : Element 'activity-date': This element is not expected. Expected is one of ( participating-org, other-identifier, activity-status ).`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 30_000);
});

async function* once(value: IatiPage): AsyncGenerator<IatiPage> {
  yield value;
}
