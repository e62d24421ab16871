import type { Db } from '../db/index.ts';
import { readHeadSeq } from '../ledger/read.ts';
import { type VerifyResult, verifyLedger } from '../ledger/verify.ts';
import { rebuildProjections } from '../projections/rebuild.ts';

/** `tranche verify`: recomputes the hash chain and names the first event that does not match. */
export const verify = (db: Db): Promise<VerifyResult> => verifyLedger(db);

/** `tranche rebuild-projections`: replays the ledger into empty read models. */
export const rebuild = (db: Db, onProgress?: (events: number) => void): Promise<number> =>
  rebuildProjections(db, onProgress);

/** The ledger's head sequence number: it moves with every append, whoever appends. */
export const headSeq = (db: Db): Promise<number> => readHeadSeq(db);
