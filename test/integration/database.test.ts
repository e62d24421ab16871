import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

describe('test database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t?.cleanup());

  it('runs on the engine of its project', () => {
    expect(t.database.kind).toBe(process.env.TRANCHE_TEST_DB);
  });

  it('starts with an empty ledger', async () => {
    const { rows } = await sql<{ count: string }>`SELECT count(*) AS count FROM events`.execute(t.database.db);
    expect(rows).toEqual([{ count: '0' }]);
  });

  it('has the current migrations applied', async () => {
    const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(
      t.database.db,
    );
    expect(rows.map((row) => row.name)).toContain('0001_ledger.sql');
  });
});
