/**
 * runCommand inside an outer transaction (as an import runs many commands): it uses that transaction, does not tell
 * onCommitted, and is rolled back with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps, CommandResult } from '../../src/app/deps.ts';
import { registerOrganisation } from '../../src/app/organisations.ts';
import { type AppFixture, ledgerState, openAppFixture } from '../support/app-fixtures.ts';

describe('runCommand in an outer transaction', () => {
  let f: AppFixture;
  const told: CommandResult[] = [];

  beforeAll(async () => {
    f = await openAppFixture({ rates: false });
  });
  afterAll(() => f?.cleanup());

  const input = (id: string) => ({ id, kind: 'ngo' as const, names: { en: id, uk: id, ru: id } });
  const exists = async (id: string) =>
    (await f.db.selectFrom('rm_organisations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

  it('runs in it and is rolled back with it', async () => {
    const before = await ledgerState(f.db);
    const tx = await f.db.startTransaction().execute();
    const deps: AppDeps = { ...f.deps, db: tx, onCommitted: (result) => told.push(result) };
    const first = await registerOrganisation(deps, f.request, input('ngo-a'));
    const second = await registerOrganisation(deps, f.request, input('ngo-b'));
    expect(second.events[0]?.seq).toBe((first.events[0]?.seq ?? 0) + 1);
    expect(
      await tx.selectFrom('rm_organisations').select('id').where('id', 'in', ['ngo-a', 'ngo-b']).execute(),
    ).toHaveLength(2);
    await tx.rollback().execute();
    expect(told).toEqual([]);
    expect(await exists('ngo-a')).toBe(false);
    expect(await ledgerState(f.db)).toEqual(before);
  });

  it('is committed with it, and on its own still tells onCommitted', async () => {
    const tx = await f.db.startTransaction().execute();
    await registerOrganisation(
      { ...f.deps, db: tx, onCommitted: (result) => told.push(result) },
      f.request,
      input('ngo-c'),
    );
    await tx.commit().execute();
    expect(told).toEqual([]);
    expect(await exists('ngo-c')).toBe(true);
    await registerOrganisation({ ...f.deps, onCommitted: (result) => told.push(result) }, f.request, input('ngo-d'));
    expect(told.map((result) => result.id)).toEqual(['ngo-d']);
  });
});
