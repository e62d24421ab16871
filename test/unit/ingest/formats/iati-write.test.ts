import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { money } from '../../../../src/domain/money.ts';
import { readIati } from '../../../../src/ingest/formats/iati.ts';
import { validateIatiActivities } from '../../../../src/ingest/formats/iati-schema.ts';
import { type IatiPackageOut, writeIati } from '../../../../src/ingest/formats/iati-write.ts';
import { requireFile, sharedFile } from './shared-data.ts';
import { collect } from './streams.ts';

const netherlands = { ref: 'XM-DAC-7', type: '10', names: { en: 'Netherlands', uk: 'Нідерланди' } };

const purlNl1: IatiPackageOut = {
  identifier: 'XI-TRANCHE-purl-nl-1',
  defaultLanguage: 'en',
  defaultCurrency: 'USD',
  lastUpdated: '2025-09-01T08:00:00Z',
  reportingOrg: { ref: 'XI-TRANCHE', type: '90', names: { en: 'Tranche', uk: 'Транш' } },
  title: { uk: 'Пакет PURL 1 (Нідерланди)', en: 'PURL package 1 (Netherlands)', ru: 'Пакет PURL 1 (Нидерланды)' },
  description: { en: 'Air defence & ammunition "from US stocks" <PURL>' },
  participatingOrgs: [
    { ...netherlands, role: 'funding' },
    { names: { en: 'NSATU' }, role: 'implementing' },
  ],
  status: 'implementation',
  dates: [{ type: 'actual-start', date: '2025-08-04' }],
  recipientCountries: [{ code: 'UA' }],
  sectors: [{ code: '15250', percentage: '100' }],
  contributions: [
    {
      id: 'nl-purl-nl-1',
      donor: netherlands,
      recipient: { names: { en: 'Ukraine', uk: 'Україна' } },
      stages: [
        { type: 'outgoing-pledge', date: '2025-08-04', value: money('500000000', 'USD'), valueDate: '2025-08-04' },
        { type: 'outgoing-commitment', date: '2025-08-11', value: money('500000000', 'USD'), valueDate: '2025-08-11' },
        {
          type: 'disbursement',
          date: '2025-08-20',
          value: money('430000000.25', 'EUR'),
          valueDate: '2025-08-20',
          description: { en: 'First payment', uk: 'Перший платіж' },
        },
      ],
    },
  ],
};

const nordic: IatiPackageOut = {
  ...purlNl1,
  identifier: 'XI-TRANCHE-purl-nordic-1',
  defaultCurrency: null,
  title: { en: 'PURL package (Denmark, Norway, Sweden)' },
  status: 'pipeline',
  contributions: [
    {
      id: 'se-purl-nordic-1',
      donor: { ref: 'XM-DAC-10', type: '10', names: { en: 'Sweden' } },
      stages: [
        { type: 'outgoing-pledge', date: '2025-08-13', value: money('2600000000', 'SEK'), valueDate: '2025-08-13' },
      ],
    },
  ],
};

async function written(packages: IatiPackageOut[]): Promise<string> {
  return text(Readable.from(writeIati(packages, { generatedAt: '2025-09-01T12:00:00Z' })));
}

describe('writeIati', () => {
  it('writes packages and contributions that the official IATI 2.03 schema accepts', async () => {
    const xml = await written([purlNl1, nordic]);
    expect(await validateIatiActivities(xml)).toEqual([]);
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2025-09-01T12:00:00Z">');
    expect(xml).toContain('<value currency="EUR" value-date="2025-08-20">430000000.25</value>');
    expect(xml).toContain('<narrative>Air defence &amp; ammunition "from US stocks" &lt;PURL&gt;</narrative>');
  }, 30_000);

  it('reads back as written: titles per language, transaction types, exact values', async () => {
    const results = await collect(readIati(Readable.from([await written([purlNl1, nordic])])));
    const [first, second] = results.map((result) => ('activity' in result ? result.activity : null));
    expect(first?.title).toEqual([
      { lang: 'en', text: 'PURL package 1 (Netherlands)' },
      { lang: 'uk', text: 'Пакет PURL 1 (Нідерланди)' },
      { lang: 'ru', text: 'Пакет PURL 1 (Нидерланды)' },
    ]);
    expect(first?.participatingOrgs.map((org) => [org.ref, org.role.name])).toEqual([
      ['XM-DAC-7', 'funding'],
      [null, 'implementing'],
    ]);
    expect(
      first?.transactions.map((transaction) => [
        transaction.ref,
        transaction.type.name,
        transaction.date,
        transaction.value.money,
        transaction.provider?.ref,
      ]),
    ).toEqual([
      ['nl-purl-nl-1', 'outgoing-pledge', '2025-08-04', { currency: 'USD', minor: 50_000_000_000n }, 'XM-DAC-7'],
      ['nl-purl-nl-1', 'outgoing-commitment', '2025-08-11', { currency: 'USD', minor: 50_000_000_000n }, 'XM-DAC-7'],
      ['nl-purl-nl-1', 'disbursement', '2025-08-20', { currency: 'EUR', minor: 43_000_000_025n }, 'XM-DAC-7'],
    ]);
    expect(first?.transactions[2]?.description).toEqual([
      { lang: 'en', text: 'First payment' },
      { lang: 'uk', text: 'Перший платіж' },
    ]);
    expect(second).toMatchObject({
      identifier: 'XI-TRANCHE-purl-nordic-1',
      defaultCurrency: null,
      status: { name: 'pipeline' },
      transactions: [{ value: { money: { currency: 'SEK', minor: 260_000_000_000n }, defaultCurrency: false } }],
    });
  });

  it('refuses to write what the schema would refuse', async () => {
    await expect(written([{ ...purlNl1, description: {} }])).rejects.toThrow(
      'activity XI-TRANCHE-purl-nl-1 needs a description',
    );
    await expect(written([{ ...purlNl1, title: { en: 'bell \u0007' } }])).rejects.toThrow(/XML cannot carry/);
  });
});

describe('validateIatiActivities', () => {
  it('reports a broken document with the line and libxml2 message', async () => {
    const xml = (await written([purlNl1])).replace('iso-date="2025-08-11"', 'iso-date="2025-08-32"');
    const line = xml.split('\n').findIndex((content) => content.includes('2025-08-32')) + 1;
    expect(await validateIatiActivities(xml)).toEqual([
      {
        line,
        message:
          "Schemas validity error : Element 'transaction-date', attribute 'iso-date': '2025-08-32' is not a valid value of the atomic type 'xs:date'.",
      },
    ]);
    const missing = (await written([purlNl1])).replace(/ {2}<activity-status code="2"\/>\n/, '');
    expect(await validateIatiActivities(missing)).toEqual([
      {
        line: missing.split('\n').findIndex((content) => content.includes('<activity-date')) + 1,
        message:
          "Schemas validity error : Element 'activity-date': This element is not expected. Expected is one of ( participating-org, other-identifier, activity-status ).",
      },
    ]);
    expect(await validateIatiActivities('<iati-activities version="2.03">')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('parser error') }),
    ]);
  }, 30_000);
});

const example = sharedFile('iati/activity-standard-example-annotated.xml');

describe.runIf(example.run)('the vendored IATI 2.03 schema', () => {
  it('accepts the official annotated 2.03 example', async () => {
    requireFile(example.file);
    expect(await validateIatiActivities(readFileSync(example.file, 'utf8'))).toEqual([]);
  }, 30_000);
});
