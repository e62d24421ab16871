/**
 * The Kiel Ukraine Support Tracker's `data_explorer.csv` (one row per donor and month; EUR billions) as flows:
 * allocations by type (military, financial, humanitarian) and commitments, each a flow with basis `estimate` and the
 * tracker's release as its source. Donor states the ledger does not hold yet are registered with their CLDR names.
 * The file is read by `readKiel` (src/ingest/formats/kiel.ts); this is the mapping onto the ledger.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FlowCategory, FlowRecord, FlowStage } from '../../domain/flow/flow.ts';
import { minorToDecimal } from '../../domain/money.ts';
import { type KielAmount, type KielRelease, readKiel, readKielRelease } from '../../ingest/formats/kiel.ts';
import { eurToUsd, type ImportContext, monthEnd } from './context.ts';
import type { ImportFormat, ReadRow } from './engine.ts';
import { type NamedOrganisation, stateOrganisation } from './organisations.ts';

/** The tracker's release, from `release_info.csv` beside the data file, when it is there. */
async function readRelease(file: string): Promise<KielRelease | null> {
  const text = await readFile(join(dirname(file), 'release_info.csv'), 'utf8').catch(() => null);
  return text === null ? null : readKielRelease(text);
}

export async function kielFormat(file: string, context: ImportContext): Promise<ImportFormat> {
  const donors = new Map<string, NamedOrganisation>();
  const donor = (code: string) => {
    const known = donors.get(code) ?? stateOrganisation(code, context);
    donors.set(code, known);
    return known;
  };
  const release = await readRelease(file);
  const sourceId = release ? `kiel-r${release.release}` : 'kiel';
  const label = release?.label ?? 'Kiel Ukraine Support Tracker';
  const recipientId = context.organisationByCode.get('UA') ?? null;
  const rates = new Map<string, ReturnType<ImportContext['usdPerEur']>>();
  const usdRate = (period: string) => {
    if (!rates.has(period)) rates.set(period, context.usdPerEur(monthEnd(period)));
    return rates.get(period) ?? null;
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
    async *read(input: Readable, name: string): AsyncIterable<ReadRow> {
      for await (const result of readKiel(input)) {
        const { row } = result;
        if ('error' in result) {
          yield { row, error: { row, ...result.error } };
          continue;
        }
        const record = result.record;
        const found = donor(record.code);
        const period = `${record.year}-${String(record.month).padStart(2, '0')}`;
        const rate = usdRate(period);
        const flow = (stage: FlowStage, category: FlowCategory, amount: KielAmount): FlowRecord => {
          const eur = minorToDecimal(amount.cents, 2);
          return {
            id: `${sourceId}:${found.id}:${period}:${stage}:${category}`,
            donorId: found.id,
            recipientId,
            stage,
            category,
            period,
            amount: eur,
            currency: 'EUR',
            eur,
            usd: rate ? eurToUsd(eur, rate.rate) : null,
            rateSource: rate ? `ecb:${rate.date}` : 'stated',
            statedRate: null,
            description: null,
            origin: { file: name, row, release: release?.label ?? null },
          };
        };
        const flows = [
          ...(['military', 'financial', 'humanitarian'] as const)
            .filter((category) => record[category].cents > 0n)
            .map((category) => flow('allocated', category, record[category])),
          ...(record.commitments.cents > 0n ? [flow('committed', 'total', record.commitments)] : []),
        ];
        yield { row, flows, organisations: found.organisation ? [found.organisation] : [] };
      }
    },
  };
}
