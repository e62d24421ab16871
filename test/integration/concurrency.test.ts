/**
 * Conflicting commands in parallel through the use cases. On PGlite the pool has one connection, so commands queue;
 * on the PostgreSQL server they run on up to ten connections at once and race for the ledger head. Either way no
 * update may be lost, every refusal must be the domain's, and the chain must stay whole.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitContribution, payContribution, pledgeContribution } from '../../src/app/contributions.ts';
import type { CommandResult } from '../../src/app/deps.ts';
import { verify } from '../../src/app/ledger.ts';
import { amendOrganisation, registerOrganisation } from '../../src/app/organisations.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { type AppFixture, countEvents, ledgerState, openAppFixture } from '../support/app-fixtures.ts';

type Outcome = { ok: true; result: CommandResult } | { ok: false; code: string };

/** Starts every command before awaiting any, and sorts what came back into results and domain refusals. */
async function race(commands: (() => Promise<CommandResult>)[]): Promise<Outcome[]> {
  const settled = await Promise.allSettled(commands.map((command) => command()));
  return settled.map((outcome) => {
    if (outcome.status === 'fulfilled') return { ok: true, result: outcome.value };
    if (outcome.reason instanceof DomainError) return { ok: false, code: outcome.reason.code };
    throw outcome.reason;
  });
}

const succeeded = (outcomes: Outcome[]) => outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
const refusals = (outcomes: Outcome[]) => outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.code]));

describe('concurrent commands', () => {
  let f: AppFixture;

  beforeAll(async () => {
    f = await openAppFixture();
    // The parallel commands below must really overlap on the server: the pool has to have room for them.
    expect(f.test.database.pool.options.max ?? 10).toBeGreaterThanOrEqual(f.test.kind === 'postgres' ? 10 : 1);
  });
  afterAll(() => f?.cleanup());

  it('10 parallel payments of 20% against one commitment: exactly 5 succeed, 5 get payment-exceeds-commitment, 100% is paid', async () => {
    await pledgeContribution(f.deps, f.request, {
      id: 'ctb-race',
      donorId: 'nl',
      category: 'financial',
      amount: { amount: '100000000', currency: 'EUR' },
      occurredOn: '2025-08-04',
    });
    await commitContribution(f.deps, f.request, 'ctb-race', { occurredOn: '2025-08-05' });
    const before = await ledgerState(f.db);

    const outcomes = await race(
      Array.from(
        { length: 10 },
        (_, index) => () =>
          payContribution(f.deps, f.request, 'ctb-race', {
            paymentId: `pay-${index}`,
            amount: { amount: '20000000', currency: 'EUR' },
            occurredOn: '2025-08-11',
          }),
      ),
    );

    expect(succeeded(outcomes)).toHaveLength(5);
    expect(refusals(outcomes)).toEqual(Array(5).fill('payment-exceeds-commitment'));
    // on the server the commands really ran side by side, on connections of their own
    if (f.test.kind === 'postgres') expect(f.test.database.pool.totalCount).toBeGreaterThan(1);
    const row = await f.db
      .selectFrom('rm_contributions')
      .select(['paid_amount', 'paid_eur'])
      .where('id', '=', 'ctb-race')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ paid_amount: '100000000.0000000000', paid_eur: '10000000000' });
    expect(await countEvents(f.db, 'contribution-ctb-race', 'ContributionPaid')).toBe(5);
    const totals = await f.db
      .selectFrom('rm_donor_totals')
      .select('eur')
      .where('donor_id', '=', 'nl')
      .where('stage', '=', 'paid')
      .executeTakeFirstOrThrow();
    expect(totals.eur).toBe('10000000000');
    // each success took the next position in the chain: 5 events, no gaps
    const seqs = succeeded(outcomes)
      .flatMap((result) => result.events.map((event) => event.seq))
      .sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5].map((n) => before.headSeq + n));
    expect(await verify(f.db)).toMatchObject({ ok: true, events: before.events + 5 });
  });

  it('8 parallel amendments with the same expectedVersion: exactly one wins, the others get stream-version-conflict', async () => {
    const outcomes = await race(
      Array.from(
        { length: 8 },
        (_, index) => () =>
          amendOrganisation(f.deps, f.request, 'ca', {
            names: { uk: `Канада ${index}`, en: `Canada ${index}`, ru: `Канада ${index}` },
            expectedVersion: 1,
            occurredOn: '2025-08-11',
          }),
      ),
    );

    const winners = succeeded(outcomes);
    expect(winners).toHaveLength(1);
    expect(refusals(outcomes)).toEqual(Array(7).fill('stream-version-conflict'));
    expect(winners[0]?.version).toBe(2);
    expect(await countEvents(f.db, 'organisation-ca')).toBe(2);
    const winner = outcomes.findIndex((outcome) => outcome.ok);
    const row = await f.db
      .selectFrom('rm_organisations')
      .select('name_en')
      .where('id', '=', 'ca')
      .executeTakeFirstOrThrow();
    expect(row.name_en).toBe(`Canada ${winner}`);
    expect(await verify(f.db)).toMatchObject({ ok: true });
  });

  it('6 parallel retries of one pledge with the same idempotency key apply once and all answer with its result', async () => {
    const before = await ledgerState(f.db);
    const outcomes = await race(
      Array.from(
        { length: 6 },
        () => () =>
          pledgeContribution(
            f.deps,
            { ...f.request, idempotencyKey: 'pledge-dk-once' },
            {
              donorId: 'dk',
              category: 'humanitarian',
              amount: { amount: '150000000', currency: 'DKK' },
              occurredOn: '2025-08-06',
            },
          ),
      ),
    );

    const results = succeeded(outcomes);
    expect(results).toHaveLength(6);
    for (const result of results) expect(result).toEqual(results[0]);
    expect(await ledgerState(f.db)).toMatchObject({
      events: before.events + 1,
      idempotencyKeys: before.idempotencyKeys + 1,
    });
    const pledges = await f.db.selectFrom('rm_contributions').select('id').where('donor_id', '=', 'dk').execute();
    expect(pledges).toEqual([{ id: results[0]?.id }]);
    expect(await verify(f.db)).toMatchObject({ ok: true });
  });

  it('10 parallel commands on different streams all succeed and take positions without gaps or duplicates', async () => {
    const before = await ledgerState(f.db);
    const countries = ['PL', 'FI', 'EE', 'LV', 'LT', 'BE', 'LU', 'PT', 'ES', 'IT'];
    const outcomes = await race(
      countries.map(
        (code) => () =>
          registerOrganisation(f.deps, f.request, {
            id: code.toLowerCase(),
            kind: 'state',
            iso3166: code,
            names: { uk: code, en: code, ru: code },
            occurredOn: '2025-08-01',
          }),
      ),
    );

    expect(refusals(outcomes)).toEqual([]);
    const seqs = succeeded(outcomes)
      .flatMap((result) => result.events.map((event) => event.seq))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(countries.map((_, index) => before.headSeq + index + 1));
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM rm_organisations`.execute(f.db);
    expect(rows[0]?.n).toBe(10 + countries.length);
    expect(await verify(f.db)).toMatchObject({ ok: true, events: before.events + countries.length });
  });

  it('verify running while commands append never reports a false alarm', async () => {
    const registrations = ['at', 'ie', 'gr', 'hr', 'si', 'ro', 'bg', 'hu'].map((id) =>
      registerOrganisation(f.deps, f.request, {
        id,
        kind: 'state',
        iso3166: id.toUpperCase(),
        names: { uk: id, en: id, ru: id },
      }),
    );
    const verifications = Array.from({ length: 4 }, () => verify(f.db));
    await Promise.all(registrations);
    for (const result of await Promise.all(verifications)) expect(result).toMatchObject({ ok: true });
    expect(await verify(f.db)).toMatchObject({ ok: true });
  });

  it('a mix of racing payments, amendments and registrations leaves a ledger that verifies and a head at its last event', async () => {
    await pledgeContribution(f.deps, f.request, {
      id: 'ctb-mix',
      donorId: 'se',
      category: 'financial',
      amount: { amount: '1000000000', currency: 'SEK' },
      occurredOn: '2025-08-05',
    });
    await commitContribution(f.deps, f.request, 'ctb-mix', { occurredOn: '2025-08-06' });
    const before = await ledgerState(f.db);
    const outcomes = await race([
      ...Array.from(
        { length: 6 },
        (_, index) => () =>
          payContribution(f.deps, f.request, 'ctb-mix', {
            paymentId: `mix-${index}`,
            amount: { amount: '300000000', currency: 'SEK' },
            occurredOn: '2025-08-11',
          }),
      ),
      ...Array.from(
        { length: 4 },
        (_, index) => () =>
          amendOrganisation(f.deps, f.request, 'se', {
            names: { uk: `Швеція ${index}`, en: `Sweden ${index}`, ru: `Швеция ${index}` },
            expectedVersion: 1,
            occurredOn: '2025-08-11',
          }),
      ),
      ...['cz', 'sk'].map(
        (id) => () =>
          registerOrganisation(f.deps, f.request, {
            id,
            kind: 'state',
            iso3166: id.toUpperCase(),
            names: { uk: id, en: id, ru: id },
          }),
      ),
    ]);

    expect(refusals(outcomes).sort()).toEqual([
      'payment-exceeds-commitment',
      'payment-exceeds-commitment',
      'payment-exceeds-commitment',
      'stream-version-conflict',
      'stream-version-conflict',
      'stream-version-conflict',
    ]);
    expect(succeeded(outcomes)).toHaveLength(3 + 1 + 2);
    const row = await f.db
      .selectFrom('rm_contributions')
      .select('paid_amount')
      .where('id', '=', 'ctb-mix')
      .executeTakeFirstOrThrow();
    expect(row.paid_amount).toBe('900000000.0000000000');
    const after = await ledgerState(f.db);
    expect(after.events).toBe(before.events + 6);
    expect(after.headSeq).toBe(after.events);
    expect(await verify(f.db)).toEqual({ ok: true, events: after.events, headHash: after.headHash });
  });
});
