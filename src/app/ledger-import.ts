import { inflateRawSync } from 'node:zlib';
import type { Db } from '../db/index.ts';
import { DomainError, ruleBroken } from '../domain/errors.ts';
import { lockHead, restoreEvents } from '../ledger/append.ts';
import { storeContents } from '../ledger/contents.ts';
import { isRedacted, type StoredEvent } from '../ledger/event.ts';
import { describeFault, type ExportSummary, readExport } from '../ledger/export/check.ts';
import { verifyLedgerIn } from '../ledger/verify.ts';
import { replayProjections } from '../projections/rebuild.ts';
import { indexImportedBatches } from './imports/stage.ts';
import { pinnedFingerprint, type SignerPin, withExportLines } from './ledger-export.ts';

export interface LedgerImported extends ExportSummary {
  /** Events replayed into the read models. */
  readonly projected: number;
}

/**
 * `tranche import-ledger`: fills an empty ledger from an `--all` export, event for event (same positions, ids and
 * hashes), checking the file as it reads it; then recomputes the chain from the database and rebuilds the read
 * models. All in one transaction holding the ledger head: a fault anywhere leaves the ledger as empty as it was.
 */
export async function importLedger(db: Db, file: string, pin: SignerPin = {}): Promise<LedgerImported> {
  const fingerprint = await pinnedFingerprint(pin);
  return db.transaction().execute(async (tx) => {
    let head = await lockHead(tx);
    if (head.seq !== 0) {
      throw ruleBroken(
        'ledger-not-empty',
        `this ledger already holds ${head.seq} events: a ledger is imported only into an empty one (point TRANCHE_DATA_DIR at a new folder, or DATABASE_URL / TRANCHE_DB_SCHEMA at an empty database)`,
      );
    }
    const check = await withExportLines(file, (lines) =>
      readExport(lines, {
        fingerprint,
        onHeader: (header) => {
          if (header.scope !== 'all') {
            throw ruleBroken(
              'export-redacted',
              'this is a public export: it withholds events that are not public, so it cannot rebuild the read models; import an export made with --all',
            );
          }
        },
        onContent: async (digest, deflated) => {
          await storeContents(tx, [{ digest, bytes: inflateRawSync(deflated).length, deflated }]);
        },
        onEvents: async (links) => {
          // readExport refuses a redacted event in an `all` export; this only narrows the type.
          const events = links.filter((link): link is StoredEvent => !isRedacted(link));
          head = await restoreEvents(tx, head, events);
        },
      }),
    );
    if (!check.ok) throw new DomainError(check.code, describeFault(check), { kind: 'invalid' });
    const stored = await verifyLedgerIn(tx);
    if (!stored.ok || stored.headHash !== check.head.hash) {
      throw new Error(`the imported ledger does not verify: ${stored.ok ? 'another head' : stored.reason}`);
    }
    const projected = await replayProjections(tx);
    await indexImportedBatches(tx);
    const { ok: _ok, ...summary } = check;
    return { ...summary, projected };
  });
}
