/**
 * Part 1b (for information): single pledges through the whole use-case path — app/contributions.ts
 * pledgeContribution: one transaction per command that locks the head, reads the stream, looks up the donor, the
 * package and the ECB rates, decides, appends and updates every projection.
 */

import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pledgeContribution } from '../src/app/contributions.ts';
import type { AppDeps } from '../src/app/deps.ts';
import { registerOrganisation } from '../src/app/organisations.ts';
import { proposePackage } from '../src/app/packages.ts';
import { importEcbRates } from '../src/app/rates.ts';
import type { Db } from '../src/db/index.ts';
import { operator } from '../src/domain/access.ts';
import { breathe, Deadline, type Latency, latency, progress } from './lib.ts';

export interface PledgeOptions {
  readonly commands: number;
  readonly warmup: number;
  readonly budgetMs: number;
}

export interface PledgeResult {
  readonly commands: number;
  readonly planned: number;
  readonly ms: number;
  readonly perCommand: Latency;
  readonly events: number;
  /** How the ECB rates were provided. */
  readonly rates: string;
}

const DONORS: [string, string][] = [
  ['nl', 'NL'],
  ['de', 'DE'],
  ['dk', 'DK'],
  ['no', 'NO'],
  ['se', 'SE'],
  ['ca', 'CA'],
  ['pl', 'PL'],
  ['gb', 'GB'],
];
const CURRENCY_OF: Record<string, string> = {
  nl: 'EUR',
  de: 'EUR',
  dk: 'DKK',
  no: 'NOK',
  se: 'SEK',
  ca: 'CAD',
  pl: 'PLN',
  gb: 'GBP',
};
const PACKAGES = 10;

/** The newest rows of the ECB history, imported through app/rates.ts; returns the day after the newest rate. */
async function loadRates(db: Db): Promise<{ today: string; how: string }> {
  const shared = path.resolve(process.env.TRANCHE_SHARED_DATA || '../shared/data');
  const file = path.join(shared, 'ecb', 'eurofxref-hist.csv');
  if (!existsSync(file)) throw new Error(`ECB rates not found at ${file} (set TRANCHE_SHARED_DATA)`);
  const lines = readFileSync(file, 'utf8').split('\n').slice(0, 41).join('\n');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-bench-rates-'));
  try {
    const slice = path.join(dir, 'eurofxref-hist.csv');
    await writeFile(slice, `${lines}\n`);
    const imported = await importEcbRates(db, slice);
    if (!imported.to) throw new Error('no rates in the ECB file');
    const next = new Date(Date.parse(`${imported.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return {
      today: next,
      how: `ECB rates of ${imported.days} days (${imported.from}…${imported.to}) via importEcbRates`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchPledges(db: Db, options: PledgeOptions): Promise<PledgeResult> {
  const rates = await loadRates(db);
  let counter = 0;
  const deps: AppDeps = {
    db,
    clock: () => new Date(`${rates.today}T12:00:00.000Z`),
    newId: (prefix) => `${prefix}-b${String(++counter).padStart(6, '0')}`,
  };
  const request = { principal: operator('bench') };
  const names = (en: string) => ({ uk: en, en, ru: en });
  await registerOrganisation(deps, request, { id: 'ua', kind: 'state', iso3166: 'UA', names: names('Ukraine') });
  await registerOrganisation(deps, request, { id: 'us', kind: 'state', iso3166: 'US', names: names('United States') });
  await registerOrganisation(deps, request, { id: 'nsatu', kind: 'coordinating-command', names: names('NSATU') });
  for (const [id, iso] of DONORS)
    await registerOrganisation(deps, request, { id, kind: 'state', iso3166: iso, names: names(id) });
  for (let p = 0; p < PACKAGES; p += 1) {
    await proposePackage(deps, request, {
      id: `purl-b${p}`,
      title: names(`PURL package ${p}`),
      recipientId: 'ua',
      coordinatorId: 'nsatu',
      supplierId: 'us',
      category: p % 2 === 0 ? 'air-defence' : 'ammunition',
      targetValue: { amount: '500000000.00', currency: 'USD' },
      lines: [
        { description: 'Patriot interceptors', quantity: 24, unit: 'pcs' },
        { description: 'HIMARS rockets', quantity: 300, unit: 'pcs', category: 'artillery-rockets' },
      ],
    });
  }

  const pledge = (i: number) => {
    const [donorId = 'nl'] = DONORS[i % DONORS.length] ?? [];
    const general = i % 3 === 2;
    return pledgeContribution(deps, request, {
      donorId,
      ...(general ? { category: 'humanitarian' } : { packageId: `purl-b${i % PACKAGES}` }),
      amount: { amount: `${(1 + ((i * 7919) % 500)) * 100_000}.00`, currency: CURRENCY_OF[donorId] ?? 'EUR' },
      visibility: i % 10 === 1 ? 'partners' : 'public',
      basis: 'official',
    });
  };

  for (let i = 0; i < options.warmup; i += 1) await pledge(i);
  const samples: number[] = [];
  let events = 0;
  const deadline = new Deadline(options.budgetMs);
  const started = performance.now();
  for (let i = 0; i < options.commands && !deadline.passed; i += 1) {
    await breathe();
    const t = performance.now();
    const result = await pledge(options.warmup + i);
    samples.push(performance.now() - t);
    events += result.events.length;
    if ((i + 1) % 100 === 0) progress(`pledges: ${i + 1}/${options.commands} commands`);
  }
  return {
    commands: samples.length,
    planned: options.commands,
    ms: performance.now() - started,
    perCommand: latency(samples),
    events,
    rates: rates.how,
  };
}
