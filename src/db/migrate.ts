import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies the numbered SQL files in `migrations/` that have not run yet, each in its own transaction, forward only.
 * An advisory lock keeps two processes from migrating one server at once.
 */
export async function migrate<S>(db: Kysely<S>): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(7262011)`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
        conn,
      );
      const done = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(conn);
      const applied = new Set(done.rows.map((row) => row.name));
      const ran: string[] = [];
      for (const name of files) {
        if (applied.has(name)) continue;
        const text = await readFile(`${MIGRATIONS_DIR}${name}`, 'utf8');
        await conn.transaction().execute(async (tx) => {
          await sql.raw(text).execute(tx);
          await sql`INSERT INTO schema_migrations (name) VALUES (${name})`.execute(tx);
        });
        ran.push(name);
      }
      return ran;
    } finally {
      await sql`SELECT pg_advisory_unlock(7262011)`.execute(conn);
    }
  });
}
