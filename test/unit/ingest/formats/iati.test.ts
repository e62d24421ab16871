import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { readIati } from '../../../../src/ingest/formats/iati.ts';
import type { IatiActivity, IatiResult } from '../../../../src/ingest/formats/iati-types.ts';
import { FormatError } from '../../../../src/ingest/formats/types.ts';
import { requireFile, sharedFile } from './shared-data.ts';
import { collect, heapAfterGc, textStream } from './streams.ts';

const activities = (results: IatiResult[]) => results.flatMap((result) => ('activity' in result ? [result] : []));
const errors = (results: IatiResult[]) =>
  results.flatMap((result) => ('error' in result ? [{ line: result.line, ...result.error }] : []));

const example = sharedFile('iati/activity-standard-example-annotated.xml');

describe.runIf(example.run)('readIati on the official IATI 2.03 annotated example', () => {
  let activity: IatiActivity;

  beforeAll(async () => {
    requireFile(example.file);
    // Small chunks, so tags and narratives fall across chunk boundaries.
    const results = await collect(readIati(createReadStream(example.file, { highWaterMark: 61 })));
    expect(errors(results)).toEqual([]);
    expect(results).toHaveLength(1);
    const [first] = activities(results);
    if (!first) throw new Error('no activity read');
    expect(first.line).toBe(8);
    activity = first.activity;
  });

  it('reads the identifier, defaults and the reporting organisation with its names per language', () => {
    expect(activity).toMatchObject({
      identifier: 'AA-AAA-123456789-ABC123',
      defaultLanguage: 'en',
      defaultCurrency: 'USD',
      lastUpdated: '2014-09-10T07:15:37Z',
      humanitarian: true,
      reportingOrg: {
        ref: 'AA-AAA-123456789',
        type: '40',
        secondaryReporter: false,
        narratives: [
          { lang: 'en', text: 'Organisation name' },
          { lang: 'fr', text: "Nom de l'organisme" },
        ],
      },
    });
  });

  it('gives title and descriptions per language, the unmarked ones in the activity language', () => {
    expect(activity.title).toEqual([
      { lang: 'en', text: 'Activity title' },
      { lang: 'fr', text: "Titre de l'activité" },
      { lang: 'es', text: 'Título de la actividad' },
    ]);
    expect(activity.descriptions.map((description) => [description.type, description.narratives.length])).toEqual([
      ['1', 2],
      ['2', 2],
      ['3', 2],
    ]);
    expect(activity.descriptions[1]?.narratives[1]).toEqual({
      lang: 'fr',
      text: "Objectifs de l'activité, par exemple à partir d'un cadre logique.",
    });
  });

  it('reads participating organisations with their roles, the status, dates and sectors', () => {
    expect(activity.participatingOrgs.map((org) => [org.ref, org.role.name, org.type, org.activityId])).toEqual([
      ['BB-BBB-123456789', 'funding', '40', 'BB-BBB-123456789-1234'],
      ['CC-CCC-123456789', 'accountable', '10', 'CC-CCC-123456789-1234'],
      ['AA-AAA-123456789', 'extending', '21', 'AA-AAA-123456789-1234'],
    ]);
    expect(activity.participatingOrgs[2]?.narratives).toEqual([
      { lang: 'en', text: 'Name of Agency A' },
      { lang: 'fr', text: "Nom de l'agence A" },
    ]);
    expect(activity.status).toEqual({ code: '2', name: 'implementation' });
    expect(activity.dates.map((date) => [date.type.name, date.date, date.narratives.length])).toEqual([
      ['planned-start', '2012-04-15', 2],
      ['actual-start', '2012-04-28', 0],
      ['planned-end', '2015-12-31', 0],
    ]);
    expect(activity.sectors.map((sector) => [sector.vocabulary, sector.code, sector.percentage])).toEqual([
      ['2', '111', '50'],
      ['2', '112', '50'],
      ['99', 'A1', '100'],
    ]);
    expect(activity.recipientCountries).toEqual([
      { code: 'AF', percentage: '25' },
      { code: 'AG', percentage: '25' },
    ]);
  });

  it('reads the transaction: its type and meaning, date, exact value in its own currency, the two organisations', () => {
    expect(activity.transactions).toEqual([
      {
        line: 265,
        ref: '1234',
        type: { code: '1', name: 'incoming-funds' },
        date: '2012-01-01',
        value: { money: { currency: 'EUR', minor: 100_000n }, valueDate: '2012-01-01', defaultCurrency: false },
        description: [{ lang: 'en', text: 'Transaction description text' }],
        provider: {
          ref: 'BB-BBB-123456789',
          type: '10',
          activityId: 'BB-BBB-123456789-1234AA',
          narratives: [{ lang: 'en', text: 'Agency B' }],
        },
        receiver: {
          ref: 'AA-AAA-123456789',
          type: '23',
          activityId: 'AA-AAA-123456789-1234',
          narratives: [{ lang: 'en', text: 'Agency A' }],
        },
        humanitarian: true,
      },
    ]);
  });
});

/** An activity with what the reader needs, and `inner` before its end. */
function activityXml(identifier: string, inner: string, attributes = 'default-currency="EUR"'): string {
  return `<iati-activity ${attributes}>
  <iati-identifier>${identifier}</iati-identifier>
  <reporting-org ref="XM-DAC-7" type="10"><narrative>Netherlands</narrative></reporting-org>
  <title><narrative>Package</narrative></title>
${inner}
 </iati-activity>`;
}

const file = (body: string, root = '<iati-activities version="2.03">') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n ${body}\n</iati-activities>\n`;

describe('readIati on hand-made files', () => {
  it("defaults narrative languages to the activity's, then the file's, and values to the default currency", async () => {
    const xml = file(
      [
        activityXml(
          'XM-DAC-7-1',
          `  <transaction><transaction-type code="12"/><transaction-date iso-date="2025-08-04"/>
   <value value-date="2025-08-04">500000000</value></transaction>
  <transaction><transaction-type code="13"/><transaction-date iso-date="2025-08-05"/>
   <value currency="JPY" value-date="2025-08-05">+1500</value>
   <description><narrative xml:lang="uk">Пакет</narrative><narrative>Package</narrative></description></transaction>`,
        ),
        activityXml('XM-DAC-7-2', '', 'xml:lang="uk" default-currency="EUR"'),
      ].join('\n '),
      '<iati-activities version="2.03" xml:lang="en">',
    );
    const results = activities(await collect(readIati(textStream(xml, 13))));
    expect(results.map((result) => [result.activity.identifier, result.activity.title])).toEqual([
      ['XM-DAC-7-1', [{ lang: 'en', text: 'Package' }]],
      ['XM-DAC-7-2', [{ lang: 'uk', text: 'Package' }]],
    ]);
    expect(
      results[0]?.activity.transactions.map((transaction) => [
        transaction.type.name,
        transaction.value,
        transaction.description,
      ]),
    ).toEqual([
      [
        'outgoing-pledge',
        { money: { currency: 'EUR', minor: 50_000_000_000n }, valueDate: '2025-08-04', defaultCurrency: true },
        [],
      ],
      [
        'incoming-pledge',
        { money: { currency: 'JPY', minor: 1500n }, valueDate: '2025-08-05', defaultCurrency: false },
        [
          { lang: 'uk', text: 'Пакет' },
          { lang: 'en', text: 'Package' },
        ],
      ],
    ]);
  });

  it('reports each problem of an activity with its line, element, attribute and reason, and reads on', async () => {
    const bad = `<iati-activity>
  <iati-identifier>XM-DAC-7-BAD</iati-identifier>
  <participating-org ref="XM-DAC-7"><narrative>Netherlands</narrative></participating-org>
  <activity-status code="9"/>
  <activity-date type="1" iso-date="2025-13-01"/>
  <transaction>
   <transaction-type code="99"/>
   <transaction-date iso-date="2025-02-30"/>
   <value currency="EUR">1,000</value>
  </transaction>
  <transaction>
   <transaction-type code="3"/>
   <transaction-date iso-date="2025-02-03"/>
   <value currency="ZZZ" value-date="2025-02-03">10</value>
  </transaction>
  <transaction>
   <transaction-type code="3"/>
   <transaction-date iso-date="2025-02-03"/>
   <value value-date="2025-02-03">10</value>
  </transaction>
  <transaction>
   <transaction-type code="2"/>
   <value currency="EUR" value-date="2025-02-03">12.345</value>
  </transaction>
 </iati-activity>
 <iati-activity default-currency="EUR"><title><narrative>no identifier</narrative></title></iati-activity>`;
    const good = activityXml('XM-DAC-7-GOOD', '  <activity-status code="2"/>');
    const results = await collect(readIati(textStream(file(`${bad}\n ${good}`))));
    expect(errors(results)).toEqual([
      { line: 5, element: 'participating-org', attribute: 'role', reason: 'role is missing' },
      { line: 6, element: 'activity-status', attribute: 'code', reason: '"9" is not one of 1, 2, 3, 4, 5, 6' },
      {
        line: 7,
        element: 'activity-date',
        attribute: 'iso-date',
        reason: 'iso-date "2025-13-01" is not a date written YYYY-MM-DD',
      },
      {
        line: 9,
        element: 'transaction-type',
        attribute: 'code',
        reason: '"99" is not one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13',
      },
      {
        line: 10,
        element: 'transaction-date',
        attribute: 'iso-date',
        reason: 'iso-date "2025-02-30" is not a date written YYYY-MM-DD',
      },
      {
        line: 11,
        element: 'value',
        attribute: null,
        reason: '"1,000" is not a decimal number (no thousands separators)',
      },
      { line: 16, element: 'value', attribute: 'currency', reason: '"ZZZ" is not an ISO 4217 currency code' },
      {
        line: 21,
        element: 'value',
        attribute: 'currency',
        reason: 'currency is missing and the activity has no default-currency',
      },
      { line: 23, element: 'transaction', attribute: null, reason: 'the transaction has no transaction-date' },
      { line: 25, element: 'value', attribute: null, reason: 'EUR has 2 decimal places; "12.345" has more' },
      { line: 28, element: 'iati-identifier', attribute: null, reason: 'the activity has no iati-identifier' },
    ]);
    expect(activities(results).map((result) => [result.line, result.activity.identifier])).toEqual([
      [29, 'XM-DAC-7-GOOD'],
    ]);
  });

  it('refuses XML that is not well-formed, another root, another version or encoding', async () => {
    const broken = await collect(readIati(textStream(file('<iati-activity>\n<title>\n</iati-activity>')))).catch(
      (caught: unknown) => caught,
    );
    expect(broken).toBeInstanceOf(FormatError);
    expect(broken).toMatchObject({ line: 5, message: expect.stringContaining('not well-formed') });
    await expect(collect(readIati(textStream('<iati-organisations version="2.03"/>')))).rejects.toThrow(
      /root element is <iati-organisations>/,
    );
    await expect(collect(readIati(textStream(file('', '<iati-activities version="1.05">'))))).rejects.toThrow(
      /version "1.05"; IATI 2.01 to 2.03/,
    );
    const latin = '<?xml version="1.0" encoding="ISO-8859-1"?><iati-activities version="2.03"/>';
    await expect(collect(readIati(textStream(latin)))).rejects.toThrow(/encoding ISO-8859-1/);
    await expect(collect(readIati(textStream('')))).rejects.toBeInstanceOf(FormatError);
  });
});

describe('readIati streams', () => {
  it('yields each activity while the file is still arriving, in bounded memory', async () => {
    const COUNT = 20_000;
    let written = 0;
    async function* generated() {
      yield '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n';
      for (let index = 0; index < COUNT; index++) {
        written = index + 1;
        yield activityXml(
          `XM-DAC-7-${index}`,
          `  <transaction><transaction-type code="3"/><transaction-date iso-date="2025-01-01"/>
   <value value-date="2025-01-01">${index}.50</value></transaction>`,
        );
      }
      yield '</iati-activities>\n';
    }
    const before = heapAfterGc();
    let count = 0;
    let firstSeenAfter = -1;
    let peak = 0;
    let total = 0n;
    for await (const result of readIati(Readable.from(generated()))) {
      if (!('activity' in result)) throw new Error(`line ${result.line}: ${result.error.reason}`);
      if (count === 0) firstSeenAfter = written;
      count++;
      total += result.activity.transactions[0]?.value.money.minor ?? 0n;
      if (count % 5_000 === 0) peak = Math.max(peak, heapAfterGc() - before);
    }
    expect(count).toBe(COUNT);
    expect(firstSeenAfter).toBeLessThan(10);
    expect(total).toBe(BigInt(COUNT) * BigInt(COUNT - 1) * 50n + BigInt(COUNT) * 50n);
    expect(peak).toBeLessThan(50 * 1024 * 1024);
  }, 60_000);
});
