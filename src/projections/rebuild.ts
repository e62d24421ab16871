import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { readAll } from '../ledger/read.ts';
import { project } from './project.ts';
import { PROJECTION_TABLES } from './tables.ts';

/**
 * Empties every read model and replays the whole ledger into it, in one transaction holding the ledger head, so
 * no write lands half-way. The result is identical to what the live projections wrote.
 */
export async function rebuildProjections(db: Db, onProgress?: (events: number) => void): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom('ledger_head').select('seq').forUpdate().execute();
    return replayProjections(tx, onProgress);
  });
}

/**
 * The rebuild itself, in the caller's transaction, which must hold the ledger head (an import replays what it has
 * just written before it commits).
 */
export async function replayProjections(tx: Db, onProgress?: (events: number) => void): Promise<number> {
  await sql.raw(`TRUNCATE ${PROJECTION_TABLES.join(', ')}`).execute(tx);
  let count = 0;
  for await (const page of readAll(tx, 2000)) {
    await project(tx, page);
    count += page.length;
    onProgress?.(count);
  }
  return count;
}
