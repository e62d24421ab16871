/**
 * An application wired to a test database, for the integration suites: AppDeps `{ db, clock, newId }` with a fixed
 * clock and readable sequential ids, a handful of ECB rates (written to a temporary CSV in eurofxref-hist.csv's
 * format and loaded with importEcbRates), and the usual organisations of the PURL dataset.
 *
 *   let f: AppFixture;
 *   beforeAll(async () => { f = await openAppFixture(); });
 *   afterAll(() => f?.cleanup());
 *
 * Also: ledgerState / dumpProjections / expectRefusal, to prove that a refused command changed nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { AppDeps, CommandResult, RequestContext } from '../../src/app/deps.ts';
import { registerOrganisation } from '../../src/app/organisations.ts';
import { importEcbRates } from '../../src/app/rates.ts';
import type { Db } from '../../src/db/index.ts';
import { operator } from '../../src/domain/access.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { PROJECTION_TABLES } from '../../src/projections/tables.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';
import { type FixedClock, fixedClock, sequentialIds } from './fixtures.ts';

/** "Now" for every fixture: later than every date the suites record facts on. */
const NOW = '2025-12-20T10:00:00.000Z';
export const TODAY = '2025-12-20';
export const TOMORROW = '2025-12-21';

const RATE_CURRENCIES = ['USD', 'CAD', 'NOK', 'SEK', 'DKK'] as const;
export type RateCurrency = (typeof RATE_CURRENCIES)[number];

/**
 * ECB reference rates (units of the currency for one euro) on the publishing days the suites use. 2025-08-02/03
 * and 2025-08-09/10 are weekends (no rows), DKK has no rate on 2025-08-07 (`N/A`, as the ECB file marks a gap), and
 * nothing is published after 2025-09-01.
 */
const ECB_RATES: Readonly<Record<string, Readonly<Record<RateCurrency, string>>>> = {
  '2025-09-01': { USD: '1.1718', CAD: '1.6110', NOK: '11.7100', SEK: '10.9600', DKK: '7.4640' },
  '2025-08-29': { USD: '1.1658', CAD: '1.6062', NOK: '11.7580', SEK: '11.0350', DKK: '7.4637' },
  '2025-08-11': { USD: '1.1638', CAD: '1.6010', NOK: '11.8500', SEK: '11.1300', DKK: '7.4641' },
  '2025-08-08': { USD: '1.1666', CAD: '1.6020', NOK: '11.9000', SEK: '11.1700', DKK: '7.4640' },
  '2025-08-07': { USD: '1.1650', CAD: '1.6000', NOK: '11.8700', SEK: '11.1600', DKK: 'N/A' },
  '2025-08-06': { USD: '1.1619', CAD: '1.5970', NOK: '11.8900', SEK: '11.1800', DKK: '7.4639' },
  '2025-08-05': { USD: '1.1575', CAD: '1.5934', NOK: '11.8600', SEK: '11.1765', DKK: '7.4636' },
  '2025-08-04': { USD: '1.1571', CAD: '1.5923', NOK: '11.8360', SEK: '11.1890', DKK: '7.4631' },
  '2025-08-01': { USD: '1.1404', CAD: '1.5760', NOK: '11.7870', SEK: '11.1590', DKK: '7.4637' },
};

/** The rates as the ECB's eurofxref-hist.csv lays them out: newest day first, a trailing comma on every line. */
function ecbCsv(): string {
  const lines = [`Date,${RATE_CURRENCIES.join(',')},`];
  for (const [date, rates] of Object.entries(ECB_RATES).sort(([a], [b]) => b.localeCompare(a))) {
    lines.push(`${date},${RATE_CURRENCIES.map((currency) => rates[currency]).join(',')},`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the CSV to a temporary file, imports it with the app's importer, and removes the file. */
export async function importFixtureRates(db: Db): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-test-rates-'));
  try {
    const file = path.join(dir, 'eurofxref-hist.csv');
    await writeFile(file, ecbCsv());
    const imported = await importEcbRates(db, file);
    expect(imported.days).toBe(Object.keys(ECB_RATES).length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type OrganisationInput = Parameters<typeof registerOrganisation>[2];

/** The organisations of the PURL arrangement, registered in this order (nb8's members before nb8). */
export const ORGANISATIONS: readonly OrganisationInput[] = [
  { id: 'ua', kind: 'state', iso3166: 'UA', names: { uk: 'Україна', en: 'Ukraine', ru: 'Украина' } },
  { id: 'nl', kind: 'state', iso3166: 'NL', names: { uk: 'Нідерланди', en: 'Netherlands', ru: 'Нидерланды' } },
  { id: 'de', kind: 'state', iso3166: 'DE', names: { uk: 'Німеччина', en: 'Germany', ru: 'Германия' } },
  { id: 'no', kind: 'state', iso3166: 'NO', names: { uk: 'Норвегія', en: 'Norway', ru: 'Норвегия' } },
  { id: 'se', kind: 'state', iso3166: 'SE', names: { uk: 'Швеція', en: 'Sweden', ru: 'Швеция' } },
  { id: 'dk', kind: 'state', iso3166: 'DK', names: { uk: 'Данія', en: 'Denmark', ru: 'Дания' } },
  { id: 'ca', kind: 'state', iso3166: 'CA', names: { uk: 'Канада', en: 'Canada', ru: 'Канада' } },
  {
    id: 'nsatu',
    kind: 'coordinating-command',
    names: {
      uk: 'Група безпекової допомоги та навчання НАТО для України',
      en: 'NATO Security Assistance and Training for Ukraine',
      ru: 'Группа содействия безопасности и обучения НАТО для Украины',
    },
  },
  { id: 'us', kind: 'state', iso3166: 'US', names: { uk: 'США', en: 'United States', ru: 'США' } },
  {
    id: 'nb8',
    kind: 'coalition',
    members: ['no', 'se', 'dk'],
    names: { uk: 'Північно-Балтійська вісімка', en: 'Nordic-Baltic Eight', ru: 'Северо-Балтийская восьмёрка' },
  },
];

async function registerUsualOrganisations(deps: AppDeps, request: RequestContext): Promise<void> {
  for (const organisation of ORGANISATIONS) {
    await registerOrganisation(deps, request, { ...organisation, occurredOn: '2025-08-01' });
  }
}

/** `newId('pkg')` → `pkg-0001`, `pkg-0002`, …, counted per prefix, so ids do not depend on what else ran. */
export function sequentialIdsByPrefix(): (prefix: string) => string {
  const counters = new Map<string, () => string>();
  return (prefix) => {
    let next = counters.get(prefix);
    if (!next) {
      next = sequentialIds(prefix);
      counters.set(prefix, next);
    }
    return next();
  };
}

export interface AppFixture {
  readonly test: TestDatabase;
  readonly db: Db;
  readonly clock: FixedClock;
  readonly deps: AppDeps;
  /** Who the suites act as. */
  readonly request: RequestContext;
  cleanup(): Promise<void>;
}

export interface FixtureOptions {
  /** Import the ECB rates (default true). */
  readonly rates?: boolean;
  /** Register the usual organisations (default true). */
  readonly organisations?: boolean;
}

export async function openAppFixture(options: FixtureOptions = {}): Promise<AppFixture> {
  const test = await openTestDatabase();
  try {
    const db = test.database.db;
    const clock = fixedClock(NOW);
    const deps: AppDeps = { db, clock: () => clock.now(), newId: sequentialIdsByPrefix() };
    const request: RequestContext = { principal: operator('test') };
    if (options.rates !== false) await importFixtureRates(db);
    if (options.organisations !== false) await registerUsualOrganisations(deps, request);
    return { test, db, clock, deps, request, cleanup: () => test.cleanup() };
  } catch (error) {
    await test.cleanup();
    throw error;
  }
}

/** What the ledger holds: how many events, its recorded head, and how many idempotency keys it remembers. */
export interface LedgerState {
  readonly events: number;
  readonly headSeq: number;
  readonly headHash: string;
  readonly idempotencyKeys: number;
}

export async function ledgerState(db: Db): Promise<LedgerState> {
  const { rows } = await sql<{ events: number; head_seq: number; head_hash: string; keys: number }>`
    SELECT (SELECT count(*)::int FROM events) AS events,
           (SELECT seq::int FROM ledger_head) AS head_seq,
           (SELECT hash FROM ledger_head) AS head_hash,
           (SELECT count(*)::int FROM idempotency_keys) AS keys
  `.execute(db);
  const row = rows[0];
  if (!row) throw new Error('ledger_head has no row');
  return { events: row.events, headSeq: row.head_seq, headHash: row.head_hash, idempotencyKeys: row.keys };
}

/** Every read-model table, each ordered by all of its columns, so two dumps compare row for row. */
export async function dumpProjections(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of PROJECTION_TABLES) {
    const { rows: columns } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table}
    `.execute(db);
    const count = columns[0]?.n ?? 0;
    if (count === 0) throw new Error(`no columns found for ${table} in the current schema`);
    const order = Array.from({ length: count }, (_, index) => index + 1).join(', ');
    const { rows } = await sql.raw<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ${order}`).execute(db);
    out[table] = rows;
  }
  return out;
}

/** Ledger and read models together: what a refused command must leave exactly as it was. */
async function snapshot(db: Db): Promise<{ ledger: LedgerState; projections: Record<string, unknown[]> }> {
  return { ledger: await ledgerState(db), projections: await dumpProjections(db) };
}

/** Expects `action` to be refused with a DomainError of `code`, with the ledger and read models unchanged. */
export async function expectRefusal(db: Db, action: () => Promise<unknown>, code: string): Promise<DomainError> {
  const before = await snapshot(db);
  let outcome: unknown;
  try {
    outcome = await action();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect({ code: error.code, message: error.message }).toMatchObject({ code });
    expect(await snapshot(db)).toEqual(before);
    return error;
  }
  throw new Error(`expected the command to be refused with "${code}", but it succeeded: ${JSON.stringify(outcome)}`);
}

/** The error a promise rejected with (fails when it resolved). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** Counts the events of one stream (or of one type in it). */
export async function countEvents(db: Db, streamId: string, type?: string): Promise<number> {
  let query = db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('stream_id', '=', streamId);
  if (type) query = query.where('type', '=', type);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The id of the event of this type a command appended (to link a claim to it, say). */
export const eventOf = (result: CommandResult, type: string): string => {
  const event = result.events.find((candidate) => candidate.type === type);
  if (!event) throw new Error(`${result.streamId} appended no ${type}`);
  return event.eventId;
};
