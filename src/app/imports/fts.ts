/**
 * OCHA's Financial Tracking Service: incoming funding flows (`fts_incoming_funding_global.csv`) as flows. Each FTS
 * flow is one humanitarian flow at its stage (pledged, committed, paid) on its date, in the currency the donor
 * reported and in US dollars as FTS states them, with basis `reported` and the FTS as its source. The file is read by
 * `readFts` (src/ingest/formats/fts.ts); this is the mapping onto the ledger.
 */
import type { Readable } from 'node:stream';
import type { FlowRecord, FlowStage } from '../../domain/flow/flow.ts';
import { formatMoney, type Money } from '../../domain/money.ts';
import { readFts } from '../../ingest/formats/fts.ts';
import type { FtsRecord, FtsStatus } from '../../ingest/formats/fts-record.ts';
import { type ImportContext, usdToEur } from './context.ts';
import type { ImportFormat, NewOrganisation, ReadRow } from './engine.ts';
import { ftsOrganisations } from './fts-organisations.ts';

const SOURCE_ID = 'ocha-fts';

const STAGES: Readonly<Record<FtsStatus, FlowStage>> = {
  pledge: 'pledged',
  commitment: 'committed',
  paid: 'paid',
};

const positive = (amount: Money | null): amount is Money => amount !== null && amount.minor > 0n;

/**
 * The flow's amount: the original amount and currency when FTS gives both (and the amount is above zero), else the
 * amount in US dollars. Null when both are zero: FTS lists flows without money (most of them "Parked"), which give
 * no flow, as a Kiel month of zero gives none.
 */
function amountOf(record: FtsRecord): Money | null {
  if (positive(record.originalAmount)) return record.originalAmount;
  return positive(record.amountUSD) ? record.amountUSD : null;
}

export async function ftsFormat(_file: string, context: ImportContext): Promise<ImportFormat> {
  const organisation = ftsOrganisations(context);
  const rates = new Map<string, ReturnType<ImportContext['usdPerEur']>>();
  const usdRate = (date: string) => {
    if (!rates.has(date)) rates.set(date, context.usdPerEur(date));
    return rates.get(date) ?? null;
  };
  return {
    name: 'fts',
    basis: 'reported',
    // FTS is a live database, not a numbered release: a file is a snapshot of it, named by its origin's file.
    release: null,
    source: {
      id: SOURCE_ID,
      data: {
        id: SOURCE_ID,
        url: 'https://fts.unocha.org/',
        publisher: 'UN OCHA Financial Tracking Service',
        author: null,
        publishedOn: null,
        language: 'en',
        title: 'OCHA FTS incoming funding flows',
        text:
          'OCHA FTS incoming funding flows: humanitarian funding as donors and recipients report it to the UN OCHA ' +
          'Financial Tracking Service, one flow a row (pledges, commitments, payments), in the currency reported ' +
          'and in US dollars.',
        storyId: null,
        visibility: 'public',
      },
    },
    async *read(input: Readable, name: string): AsyncIterable<ReadRow> {
      for await (const result of readFts(input)) {
        const { row } = result;
        if ('error' in result) {
          yield { row, error: { row, ...result.error } };
          continue;
        }
        const record = result.record;
        const amount = amountOf(record);
        if (amount === null) {
          yield { row, flows: [] };
          continue;
        }
        const donor = organisation(record.source);
        if (donor === null) {
          const reason = 'the source organisation is missing: a flow needs its donor';
          yield { row, error: { row, column: 'srcOrganization', reason } };
          continue;
        }
        const recipient = organisation(record.destination);
        const { amount: decimal, currency } = formatMoney(amount);
        const usd = positive(record.amountUSD) ? formatMoney(record.amountUSD).amount : null;
        const rate = usdRate(record.date);
        const flow: FlowRecord = {
          id: `fts:${record.id}`,
          donorId: donor.id,
          recipientId: recipient?.id ?? null,
          stage: STAGES[record.status],
          category: 'humanitarian',
          period: record.date,
          amount: decimal,
          currency,
          eur: currency === 'EUR' ? decimal : usd !== null && rate ? usdToEur(usd, rate.rate) : null,
          usd,
          rateSource: 'stated',
          statedRate: currency === record.originalCurrency ? record.exchangeRate : null,
          description: record.description.trim() === '' ? null : record.description,
          origin: { file: name, row, release: null },
        };
        const organisations: NewOrganisation[] = [];
        for (const party of [donor, recipient]) if (party?.organisation) organisations.push(party.organisation);
        yield { row, flows: [flow], organisations };
      }
    },
  };
}
