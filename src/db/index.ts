import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseConfig } from '../config.ts';
import { type DataDirLock, lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';
import type { Schema } from './schema.ts';

export type { Schema } from './schema.ts';
export type Db = Kysely<Schema>;

/** An open database: one Kysely instance over a `pg.Pool`, whichever engine is underneath. */
export interface Database {
  readonly db: Db;
  readonly kind: DatabaseConfig['kind'];
  readonly pool: pg.Pool;
  /**
   * `COPY table (columns) FROM` a CSV file with a header row: PostgreSQL's own bulk load, the baseline the importers'
   * speed is measured against. Trusted names only (they are not quoted).
   */
  copyCsv(table: string, columns: readonly string[], path: string): Promise<void>;
  close(): Promise<void>;
}

const copyStatement = (table: string, columns: readonly string[], from: string) =>
  `COPY ${table} (${columns.join(', ')}) FROM ${from} WITH (FORMAT csv, HEADER true)`;

// bigint and numeric come back as strings (exact); int8 counts are parsed where small by the queries themselves.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface OpenOptions {
  /** Take the data folder's lock (a server does; a test that owns its folder need not). Default true. */
  readonly lock?: boolean;
  /** Apply pending migrations. Default true. */
  readonly migrate?: boolean;
  /** Who holds the lock, for the message a second process sees. */
  readonly holder?: string;
}

/**
 * Opens PGlite in a folder or a PostgreSQL server by URL, behind the same `pg.Pool` + Kysely `PostgresDialect`,
 * so every query runs through one code path. PGlite does not lock its folder, so this takes a lock first.
 */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.kind === 'pglite') return openPglite(config.dataDir, options);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  if (config.schema) {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${config.schema}`);
    } finally {
      client.release();
    }
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  if (options.migrate !== false) await migrate(db);
  const copyCsv = async (table: string, columns: readonly string[], path: string) => {
    const client = await pool.connect();
    try {
      await pipeline(createReadStream(path), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
    } finally {
      client.release();
    }
  };
  return { db, kind: 'postgres', pool, copyCsv, close: () => db.destroy() };
}

async function openPglite(dataDir: string, options: OpenOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (options.lock !== false) lock = await lockDataDir(dataDir, options.holder ?? 'tranche');
  try {
    const pglite = await PGlite.create(dataDir);
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    if (options.migrate !== false) await migrate(db);
    return {
      db,
      kind: 'pglite',
      pool,
      // PGlite reads COPY input from a blob it is handed: the whole file, in memory.
      copyCsv: async (table, columns, path) => {
        await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], {
          blob: new Blob([await readFile(path)]),
        });
      },
      close: async () => {
        await db.destroy();
        await pglite.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
