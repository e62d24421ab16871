import type { Db } from '../db/index.ts';
import { type VerifyResult, verifyLedger } from '../ledger/verify.ts';
import { rebuildProjections } from '../projections/rebuild.ts';

/** `tranche verify`: recomputes the hash chain and names the first event that does not match. */
export const verify = (db: Db): Promise<VerifyResult> => verifyLedger(db);

/** `tranche rebuild-projections`: replays the ledger into empty read models. */
export const rebuild = (db: Db, onProgress?: (events: number) => void): Promise<number> =>
  rebuildProjections(db, onProgress);
