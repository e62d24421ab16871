/**
 * OCHA's Financial Tracking Service: incoming funding flows (`fts_incoming_funding_global.csv`) as flows. Each FTS
 * flow is one humanitarian flow at its stage (pledged, committed, paid) on its date, in the currency the donor
 * reported and in US dollars as FTS states them, with basis `reported` and the FTS as its source. The file is read by
 * `readFts` (src/ingest/formats/fts.ts); this is the mapping onto the ledger.
 */
import type { Readable } from 'node:stream';
import type { FlowRecord, FlowStage } from '../../domain/flow/flow.ts';
import { currencyDigits, type Money, type Ratio } from '../../domain/money.ts';
import { readFts } from '../../ingest/formats/fts.ts';
import type { FtsRecord, FtsStatus } from '../../ingest/formats/fts-record.ts';
import type { RowResult } from '../../ingest/formats/types.ts';
import { decimalOf, type ImportContext, type SmallRatio, smallRatio, usdCentsToEur } from './context.ts';
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

/** The amount as a decimal string in its currency: formatMoney's. */
const decimalText = (amount: Money): string => decimalOf(amount.minor, currencyDigits(amount.currency) ?? 2);

/** An ECB rate as flows use it. */
interface UsdRate {
  readonly rate: Ratio;
  readonly small: SmallRatio | null;
}

export async function ftsFormat(_file: string, context: ImportContext): Promise<ImportFormat> {
  const organisation = ftsOrganisations(context);
  const rates = new Map<string, UsdRate | null>();
  const usdRate = (date: string): UsdRate | null => {
    let rate = rates.get(date);
    if (rate === undefined) {
      const usd = context.usdPerEur(date);
      rate = usd && { rate: usd.rate, small: smallRatio(usd.rate) };
      rates.set(date, rate);
    }
    return rate;
  };
  /** A row as the engine takes it: its flow (none when it has no money), or why it is refused. */
  const readOf = (result: RowResult<FtsRecord>, name: string): ReadRow => {
    const { row } = result;
    if ('error' in result) return { row, error: { row, ...result.error } };
    const record = result.record;
    const amount = amountOf(record);
    if (amount === null) return { row, key: `fts:${record.id}`, flows: [] };
    const donor = organisation(record.source);
    if (donor === null) {
      const reason = 'the source organisation is missing: a flow needs its donor';
      return { row, error: { row, column: 'srcOrganization', reason } };
    }
    const recipient = organisation(record.destination);
    const decimal = decimalText(amount);
    const currency = amount.currency;
    const usd = positive(record.amountUSD) ? decimalText(record.amountUSD) : null;
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
      eur:
        currency === 'EUR'
          ? decimal
          : usd !== null && rate
            ? usdCentsToEur(record.amountUSD.minor, rate.rate, rate.small)
            : null,
      usd,
      rateSource: 'stated',
      statedRate: currency === record.originalCurrency ? record.exchangeRate : null,
      description: record.description.trim() === '' ? null : record.description,
      origin: { file: name, row, release: null },
    };
    const organisations: NewOrganisation[] = [];
    if (donor.organisation) organisations.push(donor.organisation);
    if (recipient?.organisation) organisations.push(recipient.organisation);
    return { row, key: flow.id, flows: [flow], organisations };
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
    async *read(input: Readable, name: string): AsyncIterable<readonly ReadRow[]> {
      for await (const results of readFts(input)) {
        const reads: ReadRow[] = [];
        try {
          for (const result of results) reads.push(readOf(result, name));
        } catch (error) {
          // A row that cannot be mapped at all ends the import, after the rows before it, as when rows came one by one.
          if (reads.length > 0) yield reads;
          throw error;
        }
        yield reads;
      }
    },
  };
}
