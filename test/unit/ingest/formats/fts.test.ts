import { createReadStream } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFts } from '../../../../src/ingest/formats/fts.ts';
import type { FtsRecord } from '../../../../src/ingest/formats/fts-record.ts';
import type { RowResult } from '../../../../src/ingest/formats/types.ts';
import { requireFile, sharedFile } from './shared-data.ts';
import { collectRows, textStream } from './streams.ts';

const HEADER =
  'date,budgetYear,description,amountUSD,srcOrganization,srcOrganizationTypes,srcLocations,srcUsageYearStart,srcUsageYearEnd,destPlan,destPlanCode,destPlanId,destOrganization,destOrganizationTypes,destGlobalClusters,destLocations,destProject,destProjectCode,destEmergency,destUsageYearStart,destUsageYearEnd,contributionType,flowType,method,boundary,onBoundary,status,firstReportedDate,decisionDate,keywords,originalAmount,originalCurrency,exchangeRate,id,refCode,createdAt,updatedAt';
const HXL =
  '#date,#date+budget,#description,#value+funding+total+usd,#org+funder,#org+funder+type,#country+code+funder,,,#activity+appeal+name,#activity+appeal+code,#activity+appeal+id,#org+impl,#org+impl+type,#sector+cluster,#country+code,#activity+project+name,#activity+project+code,#crisis+name,,,#x_contribution+type,#x_flow+type,#x_method,#x_boundary,#x_boundary+on,#status,#date+reported,#date+decided,#meta+keywords,#value+original,#currency+original,#x_rate,#x_id,#x_code,#date+created,#date+updated';

/** A data row from a few fields; the rest as in flow 228238. */
function row(fields: Partial<Record<string, string>>): string {
  const base: Record<string, string> = {
    date: '2021-02-25',
    budgetYear: '2020',
    description: 'Contribution to ICRC',
    amountUSD: '606796',
    srcOrganization: '"Luxembourg, Government of"',
    srcOrganizationTypes: 'Government',
    srcLocations: '',
    srcUsageYearStart: '2020',
    srcUsageYearEnd: '2020',
    destOrganization: 'International Committee of the Red Cross',
    destOrganizationTypes: 'Red Cross/Red Crescent',
    destGlobalClusters: 'Protection',
    destLocations: 'AFG',
    destUsageYearStart: '2020',
    destUsageYearEnd: '2020',
    contributionType: 'financial',
    flowType: 'Standard',
    method: 'Traditional aid',
    boundary: 'incoming',
    onBoundary: 'single',
    status: 'commitment',
    firstReportedDate: '2021-02-26',
    decisionDate: '2021-02-25',
    originalAmount: '500000',
    originalCurrency: 'EUR',
    exchangeRate: '0.824',
    id: '228238',
    createdAt: '2021-02-27',
    updatedAt: '2021-03-01',
  };
  const values = { ...base, ...fields };
  return HEADER.split(',')
    .map((column) => values[column] ?? '')
    .join(',');
}

const errors = (results: RowResult<FtsRecord>[]) =>
  results.flatMap((result) => ('error' in result ? [{ row: result.row, ...result.error }] : []));

const data = sharedFile('fts/fts_incoming_funding_global.csv');

describe.runIf(data.run)('readFts on the real fts_incoming_funding_global.csv', () => {
  let results: RowResult<FtsRecord>[];
  let byId: Map<string, { row: number; record: FtsRecord }>;

  beforeAll(async () => {
    requireFile(data.file);
    results = await collectRows(readFts(createReadStream(data.file)));
    byId = new Map(results.flatMap((result) => ('record' in result ? [[result.record.id, result]] : [])));
  });

  it('reads all 1106 flows with no error; the file has no HXL row, so data starts on line 2', () => {
    expect(results).toHaveLength(1106);
    expect(errors(results)).toEqual([]);
    expect(results[0]?.row).toBe(2);
    expect(results.at(-1)?.row).toBe(1139);
    const statuses = new Map<string, number>();
    for (const result of results) {
      if ('record' in result) statuses.set(result.record.status, (statuses.get(result.record.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ paid: 690, commitment: 414, pledge: 2 });
  });

  it('reads flow 228238 exactly: EUR 500 000 at 0.824 per dollar, USD 606 796', () => {
    expect(byId.get('228238')).toEqual({
      row: 2,
      record: {
        id: '228238',
        status: 'commitment',
        date: '2021-02-25',
        description: "Contribution to support ICRC's humanitarian assistance and protection activities in Afghanistan",
        amountUSD: { currency: 'USD', minor: 60_679_600n },
        originalAmount: { currency: 'EUR', minor: 50_000_000n },
        originalCurrency: 'EUR',
        exchangeRate: '0.824',
        source: { name: 'Luxembourg, Government of', types: ['Government'] },
        destination: { name: 'International Committee of the Red Cross', types: ['Red Cross/Red Crescent'] },
      },
    });
  });

  it('gives the line a record starts on when a description runs over two lines', () => {
    const flow = byId.get('210970');
    expect(flow?.row).toBe(119);
    expect(flow?.record.description).toContain('Protection\n (USAID/OF');
  });

  it('keeps several destination organisations under one name, with their types as FTS gives them', () => {
    expect(byId.get('223897')).toMatchObject({
      row: 854,
      record: {
        amountUSD: { currency: 'USD', minor: 8_252_400n },
        originalAmount: { currency: 'EUR', minor: 7_022_800n },
        exchangeRate: '0.851',
        destination: { name: 'Multiple', types: ['NGO', 'NGO'] },
      },
    });
  });

  it('keeps a currency FTS names without an original amount or rate', () => {
    expect(byId.get('207176')).toMatchObject({
      row: 260,
      record: {
        amountUSD: { currency: 'USD', minor: 234_589_000n },
        originalAmount: null,
        originalCurrency: 'JPY',
        exchangeRate: null,
      },
    });
  });
});

describe('readFts on hand-made rows', () => {
  it('skips the HXL hashtag row under the header and numbers rows by physical line', async () => {
    const text = [HEADER, HXL, row({}), row({ id: '228239', status: 'paid' })].join('\r\n');
    const results = await collectRows(readFts(textStream(text)));
    expect(results.map((result) => [result.row, 'record' in result && result.record.status])).toEqual([
      [3, 'commitment'],
      [4, 'paid'],
    ]);
  });

  it('reports each bad row with its line, column and reason', async () => {
    const text = [
      HEADER,
      row({ amountUSD: '' }),
      row({ originalCurrency: 'XYZ' }),
      row({ date: '2021-02-30' }),
      row({ originalCurrency: '' }),
      row({ status: 'promised' }),
      row({ exchangeRate: '0' }),
      row({ originalAmount: '100.5', originalCurrency: 'JPY' }),
      row({ amountUSD: '"1,000"' }),
      row({ id: '' }),
      '2021-02-25,2020,short row',
      row({ date: '2021-02-25T00:00:00Z' }),
    ].join('\n');
    const results = await collectRows(readFts(textStream(text)));
    expect(errors(results)).toEqual([
      { row: 2, column: 'amountUSD', reason: 'the amount in US dollars is missing' },
      { row: 3, column: 'originalCurrency', reason: '"XYZ" is not an ISO 4217 currency code' },
      { row: 4, column: 'date', reason: '"2021-02-30" is not a date written YYYY-MM-DD' },
      { row: 5, column: 'originalCurrency', reason: 'the original amount is given without its currency' },
      { row: 6, column: 'status', reason: '"promised" is not one of pledge, commitment, paid' },
      { row: 7, column: 'exchangeRate', reason: 'an exchange rate must be greater than zero' },
      {
        row: 8,
        column: 'originalAmount',
        reason: '"100.5" is not an exact amount of JPY: JPY has 0 decimal places; "100.5" has more',
      },
      {
        row: 9,
        column: 'amountUSD',
        reason: '"1,000" is not an exact amount of USD: "1,000" is not a decimal number such as 500000000 or 1250.50',
      },
      { row: 10, column: 'id', reason: 'the flow id is missing' },
      { row: 11, column: null, reason: 'the row has 3 cells where the header has 37' },
    ]);
    expect(results.at(-1)).toMatchObject({ row: 12, record: { date: '2021-02-25' } });
  });

  it('reads a row whatever the columns it does not read hold, and a header without them', async () => {
    const odd = { decisionDate: '25/02/2021', destLocations: 'Afghanistan', budgetYear: '20', keywords: '"a,,b"' };
    const text = [HEADER, row(odd)].join('\n');
    const results = await collectRows(readFts(textStream(text)));
    expect(results).toMatchObject([{ row: 2, record: { id: '228238', date: '2021-02-25', status: 'commitment' } }]);
    const narrow =
      'id,status,date,description,amountUSD,originalAmount,originalCurrency,exchangeRate,srcOrganization,srcOrganizationTypes,destOrganization,destOrganizationTypes';
    const flow =
      '228238,paid,2021-02-25,Food,606796,500000,EUR,0.824,"Luxembourg, Government of",Government,WFP,UN agency';
    expect(await collectRows(readFts(textStream(`${narrow}\n${flow}`)))).toMatchObject([
      { row: 2, record: { id: '228238', originalAmount: { currency: 'EUR', minor: 50_000_000n } } },
    ]);
  });

  it('refuses a file that is not FTS flows', async () => {
    await expect(collectRows(readFts(textStream('date,amount\n2021-01-01,5')))).rejects.toMatchObject({
      name: 'FormatError',
      line: 1,
      message: expect.stringContaining('lacks id, status, description, amountUSD'),
    });
  });
});
