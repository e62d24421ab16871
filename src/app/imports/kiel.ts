/**
 * The Kiel Ukraine Support Tracker's `data_explorer.csv` (one row per donor and month; EUR billions) as flows:
 * allocations by type (military, financial, humanitarian) and commitments, each a flow with basis `estimate` and the
 * tracker's release as its source. Donor states the ledger does not hold yet are registered with their CLDR names.
 * The file is read by `readKiel` (src/ingest/formats/kiel.ts); this is the mapping onto the ledger.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FlowCategory, FlowOrigin, FlowRecord, FlowStage } from '../../domain/flow/flow.ts';
import type { Ratio } from '../../domain/money.ts';
import { centsOf, type KielRelease, type KielRow, readKielRelease, readKielRows } from '../../ingest/formats/kiel.ts';
import { decimalOf, eurCentsToUsd, type ImportContext, monthEnd, type SmallRatio, smallRatio } from './context.ts';
import type { ImportFormat, NewOrganisation, ReadRow } from './engine.ts';
import { type NamedOrganisation, stateOrganisation } from './organisations.ts';

/** The tracker's release, from `release_info.csv` beside the data file, when it is there. */
async function readRelease(file: string): Promise<KielRelease | null> {
  const text = await readFile(join(dirname(file), 'release_info.csv'), 'utf8').catch(() => null);
  return text === null ? null : readKielRelease(text);
}

/** What every flow of a file shares. */
interface FileOf {
  readonly recipientId: string | null;
  readonly name: string;
  readonly release: string | null;
}

/** A donor as its rows name it, with the start of their keys and the organisations a row of it gives. */
interface Donor extends NamedOrganisation {
  /** `kiel-r29:de:`, to which a row's period is added. */
  readonly keyStart: string;
  readonly organisations: readonly NewOrganisation[];
}

/** A month of the tracker: its period and the ECB's USD rate at its end. */
interface Month {
  readonly period: string;
  readonly rate: { readonly rate: Ratio; readonly small: SmallRatio | null; readonly source: string } | null;
}

/** Months whose period and rate are kept while a file is read. */
const MONTHS_KEPT = 1200;

/** Exact euro cents: a safe integer, or a bigint when they are not one. */
type Cents = number | bigint;

/** The flows a row gives, in this order: an allocation per type of aid, and the commitments. */
const KINDS = [
  { field: 'military', stage: 'allocated', category: 'military', ending: ':allocated:military' },
  { field: 'financial', stage: 'allocated', category: 'financial', ending: ':allocated:financial' },
  { field: 'humanitarian', stage: 'allocated', category: 'humanitarian', ending: ':allocated:humanitarian' },
  { field: 'commitments', stage: 'committed', category: 'total', ending: ':committed:total' },
] as const satisfies readonly {
  field: keyof KielRow;
  stage: FlowStage;
  category: FlowCategory;
  ending: string;
}[];

type Kind = (typeof KINDS)[number];

/** The cents of a row's KINDS, while its flows are made (one array for every row). */
const AMOUNTS: Cents[] = KINDS.map(() => 0);

function flowOf(file: FileOf, origin: FlowOrigin, donor: Donor, month: Month, kind: Kind, cents: Cents) {
  const eur = decimalOf(cents, 2);
  const rate = month.rate;
  const flow: FlowRecord = {
    // Joined from flat strings, not added: a flat id, which checkFlow's test does not have to copy first.
    id: [donor.keyStart, month.period, kind.ending].join(''),
    donorId: donor.id,
    recipientId: file.recipientId,
    stage: kind.stage,
    category: kind.category,
    period: month.period,
    amount: eur,
    currency: 'EUR',
    eur,
    usd: rate ? eurCentsToUsd(cents, rate.rate, rate.small) : null,
    rateSource: rate ? rate.source : 'stated',
    statedRate: null,
    description: null,
    origin,
  };
  return flow;
}

/** A record's flows: those of KINDS whose amount is above zero (they share the row's origin). */
function readOf(file: FileOf, row: number, record: KielRow, donor: Donor, month: Month): ReadRow {
  const key = donor.keyStart + month.period;
  const origin: FlowOrigin = { file: file.name, row, release: file.release };
  // The cents of each kind first, so that the array is made to size (a pushed-to array reserves room for 16).
  let count = 0;
  for (let at = 0; at < KINDS.length; at += 1) {
    const billions = record[(KINDS[at] as Kind).field];
    const cents = billions === '0' ? 0 : centsOf(billions);
    AMOUNTS[at] = cents;
    if (cents > 0) count += 1;
  }
  const flows = new Array<FlowRecord>(count);
  let next = 0;
  for (let at = 0; at < KINDS.length; at += 1) {
    const cents = AMOUNTS[at] ?? 0;
    if (cents > 0) flows[next++] = flowOf(file, origin, donor, month, KINDS[at] as Kind, cents);
  }
  return { row, key, flows, organisations: donor.organisations };
}

export async function kielFormat(file: string, context: ImportContext): Promise<ImportFormat> {
  const release = await readRelease(file);
  const sourceId = release ? `kiel-r${release.release}` : 'kiel';
  const donors = new Map<string, Donor>();
  const donor = (code: string): Donor => {
    let known = donors.get(code);
    if (!known) {
      const found = stateOrganisation(code, context);
      const organisations = found.organisation ? [found.organisation] : [];
      known = { ...found, keyStart: [sourceId, ':', found.id, ':'].join(''), organisations };
      donors.set(code, known);
    }
    return known;
  };
  const label = release?.label ?? 'Kiel Ukraine Support Tracker';
  const recipientId = context.organisationByCode.get('UA') ?? null;
  const months = new Map<number, Month>();
  const monthOf = ({ year, month }: KielRow): Month => {
    let known = months.get(year * 100 + month);
    if (!known) {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const usd = context.usdPerEur(monthEnd(period));
      const rate = usd && { rate: usd.rate, small: smallRatio(usd.rate), source: `ecb:${usd.date}` };
      known = { period, rate };
      // A tracker spans a few years of months; a file of many more is not kept whole.
      if (months.size >= MONTHS_KEPT) months.clear();
      months.set(year * 100 + month, known);
    }
    return known;
  };
  return {
    name: 'kiel',
    basis: 'estimate',
    release: release?.label ?? null,
    source: {
      id: sourceId,
      data: {
        id: sourceId,
        url: 'https://www.ifw-kiel.de/topics/war-against-ukraine/ukraine-support-tracker/',
        publisher: 'Kiel Institute for the World Economy',
        author: null,
        publishedOn: release?.date ?? null,
        language: 'en',
        title: label,
        text: `${label}: government aid to Ukraine per donor and month, in EUR billions: allocations by type (military, financial, humanitarian) and commitments.`,
        storyId: null,
        visibility: 'public',
      },
    },
    async *read(input: Readable, name: string): AsyncIterable<readonly ReadRow[]> {
      const file = { recipientId, name, release: release?.label ?? null };
      for await (const results of readKielRows(input)) {
        const reads: ReadRow[] = [];
        try {
          for (const result of results) {
            if ('error' in result) reads.push({ row: result.row, error: { row: result.row, ...result.error } });
            else reads.push(readOf(file, result.row, result.record, donor(result.record.code), monthOf(result.record)));
          }
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
