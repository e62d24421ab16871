/**
 * The FTS format's mapping, without a database: FTS rows to flows (amounts, stages, rows of no money) and FTS names
 * to organisations (states by ISO code, the others by a stable id).
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { importContextOf } from '../../../src/app/imports/context.ts';
import type { ReadRow } from '../../../src/app/imports/engine.ts';
import { ftsFormat } from '../../../src/app/imports/fts.ts';
import { ftsOrganisationId, ftsOrganisations, governmentCountry } from '../../../src/app/imports/fts-organisations.ts';
import { assertId } from '../../../src/domain/facts.ts';
import { FTS_COLUMNS, type FtsParty } from '../../../src/ingest/formats/fts-record.ts';

const context = importContextOf({ organisations: [['CA', 'canada']], usdRates: [['2021-02-18', '1.2084']] });

const party = (name: string | null, types: string[]): FtsParty => ({ name, types });

describe('FTS organisations', () => {
  it('gives other organisations a stable id from their name, always a valid id', () => {
    expect(ftsOrganisationId('Médecins sans Frontières')).toBe('fts-medecins-sans-frontieres');
    expect(ftsOrganisationId("United Nations Children's Fund")).toBe('fts-united-nations-childrens-fund');
    expect(ftsOrganisationId('Kandil Kalkınma ve Yardımlaşma Derneği')).toBe(
      'fts-kandil-kalkinma-ve-yardimlasma-dernegi',
    );
    expect(ftsOrganisationId('Food & Agriculture Organization')).toBe('fts-food-agriculture-organization');
    const arabic = ftsOrganisationId('الهلال الأحمر');
    expect(arabic).toMatch(/^fts-[0-9a-f]{8}$/);
    expect(ftsOrganisationId('الهلال الأحمر')).toBe(arabic);
    const long = ftsOrganisationId(`${'Very Long Organisation Name '.repeat(6)}A`);
    expect(long).toHaveLength(100);
    expect(long).toMatch(/^fts-very-long-organisation-name-.*-[0-9a-f]{8}$/);
    for (const id of [arabic, long, ftsOrganisationId('  -- Odd -- ')]) expect(assertId(id, 'id')).toBe(id);
  });

  it('finds a government’s country from its English name', () => {
    expect(governmentCountry('Luxembourg, Government of')).toBe('LU');
    expect(governmentCountry('Korea, Republic of, Government of')).toBe('KR');
    expect(governmentCountry('Saudi Arabia (Kingdom of), Government of')).toBe('SA');
    expect(governmentCountry('United States of America, Government of')).toBe('US');
    expect(governmentCountry('Palestinian territory, occupied')).toBeUndefined();
    expect(governmentCountry('Expertise France')).toBeUndefined();
  });

  it('maps states by ISO code (reusing the ledger’s) and kinds from FTS types', () => {
    const organisation = ftsOrganisations(context);
    expect(organisation(party('Canada, Government of', ['Government']))).toEqual({ id: 'canada', organisation: null });
    expect(organisation(party('Japan, Government of', ['Government']))?.organisation?.data).toEqual({
      id: 'jp',
      kind: 'state',
      names: { en: 'Japan', uk: 'Японія', ru: 'Япония' },
      iso3166: 'JP',
      members: [],
      visibility: 'public',
    });
    const kind = (name: string, types: string[]) => organisation(party(name, types))?.organisation?.data.kind;
    expect(kind('Expertise France', ['Government'])).toBe('other');
    expect(kind('World Food Programme', ['UN agency'])).toBe('international-organisation');
    expect(kind('German Red Cross', ['Red Cross/Red Crescent'])).toBe('international-organisation');
    expect(kind('World Bank', ['Inter-governmental'])).toBe('international-organisation');
    expect(kind('Multiple', ['NGO', 'NGO'])).toBe('ngo');
    expect(kind('Several', ['NGO', 'UN agency'])).toBe('other');
    expect(kind('Central Emergency Response Fund', ['Pooled fund'])).toBe('other');
    expect(kind('Ford Foundation', ['Private organization/foundation'])).toBe('other');
    expect(organisation(party('Oxfam', ['NGO']))?.organisation?.data.names).toEqual({
      uk: 'Oxfam',
      en: 'Oxfam',
      ru: 'Oxfam',
    });
    expect(organisation(party(null, []))).toBeNull();
  });
});

type Row = Partial<Record<(typeof FTS_COLUMNS)[number], string>>;

async function read(rows: Row[]): Promise<ReadRow[]> {
  const base: Row = {
    id: '1',
    status: 'paid',
    date: '2021-02-18',
    description: 'Food',
    amountUSD: '120.84',
    srcOrganization: 'Canada, Government of',
    srcOrganizationTypes: 'Government',
    destOrganization: 'World Food Programme',
    destOrganizationTypes: 'UN agency',
  };
  const text = stringify([
    [...FTS_COLUMNS],
    ...rows.map((row) => FTS_COLUMNS.map((column) => ({ ...base, ...row })[column] ?? '')),
  ]);
  const format = await ftsFormat('fts.csv', context);
  const result: ReadRow[] = [];
  for await (const rows of format.read(Readable.from([text]), 'fts.csv')) result.push(...rows);
  return result;
}

describe('FTS flows', () => {
  it('takes the original amount when FTS gives it, else US dollars, with EUR exact or at the ECB rate', async () => {
    const [eur, cad, usd, zeroOriginal] = await read([
      { id: '1', status: 'commitment', originalAmount: '100', originalCurrency: 'EUR', exchangeRate: '0.8' },
      { id: '2', status: 'pledge', originalAmount: '150', originalCurrency: 'CAD' },
      { id: '3', originalCurrency: 'CAD' },
      { id: '4', originalAmount: '0', originalCurrency: 'EUR' },
    ]);
    const flow = (row: ReadRow | undefined) => (row && 'flows' in row ? row.flows[0] : undefined);
    expect(flow(eur)).toMatchObject({
      id: 'fts:1',
      stage: 'committed',
      amount: '100.00',
      currency: 'EUR',
      eur: '100.00',
      usd: '120.84',
    });
    expect(flow(cad)).toMatchObject({
      stage: 'pledged',
      amount: '150.00',
      currency: 'CAD',
      eur: '100.00',
      usd: '120.84',
    });
    expect(flow(usd)).toMatchObject({ stage: 'paid', amount: '120.84', currency: 'USD', eur: '100.00' });
    expect(flow(zeroOriginal)).toMatchObject({ amount: '120.84', currency: 'USD', rateSource: 'stated' });
    expect(flow(usd)).toMatchObject({
      donorId: 'canada',
      recipientId: 'fts-world-food-programme',
      category: 'humanitarian',
      period: '2021-02-18',
      description: 'Food',
      origin: { file: 'fts.csv', row: 4, release: null },
    });
  });

  it('gives no flow for a row of no money, no EUR without a rate, no recipient without one', async () => {
    const [zero, old, alone] = await read([
      { amountUSD: '0', originalAmount: '0', originalCurrency: 'EUR' },
      { id: '2', date: '2017-05-01', description: '' },
      { id: '3', destOrganization: '', destOrganizationTypes: '' },
    ]);
    expect(zero).toEqual({ row: 2, key: 'fts:1', flows: [] });
    expect(old && 'flows' in old ? old.flows[0] : undefined).toMatchObject({
      eur: null,
      usd: '120.84',
      description: null,
    });
    expect(alone && 'flows' in alone ? alone.flows[0]?.recipientId : undefined).toBeNull();
  });

  it('refuses a row without a source organisation, and passes on the reader’s refusals', async () => {
    const rows = await read([{ srcOrganization: '' }, { status: 'planned' }]);
    expect(rows).toEqual([
      {
        row: 2,
        error: {
          row: 2,
          column: 'srcOrganization',
          reason: 'the source organisation is missing: a flow needs its donor',
        },
      },
      { row: 3, error: { row: 3, column: 'status', reason: '"planned" is not one of pledge, commitment, paid' } },
    ]);
  });
});
