/** What every import shares about its run: the file's digest, whether it was imported before, the error list's cap. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Db } from '../../db/index.ts';

/** Refused rows kept in a report (the count says how many there were in all). */
export const MAX_ERRORS = 1000;

/** The SHA-256 of a file, read as a stream: the import's id derives from it. */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  // Large reads: hashing a million-row file in 64 KB pieces spends more on the reads than on the hash.
  for await (const chunk of createReadStream(path, { highWaterMark: 2 ** 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whether an import completed before (its `ImportCompleted` is projected into rm_imports). */
export async function isImported(db: Db, importId: string): Promise<boolean> {
  const row = await db
    .selectFrom('rm_imports')
    .select('import_id')
    .where('import_id', '=', importId)
    .executeTakeFirst();
  return row !== undefined;
}
