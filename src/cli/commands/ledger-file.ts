import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportLedger, loadSigner, type SignerPin, verifyExportFile } from '../../app/ledger-export.ts';
import { importLedger } from '../../app/ledger-import.ts';
import { describeFault } from '../../ledger/export/check.ts';
import { type CliContext, withDatabase } from '../context.ts';
import { CliRefusal, RequestInvalidError } from '../errors.ts';

/** A file given on the command line that cannot be read is a refused request, said before anything is opened. */
async function readable(file: string): Promise<void> {
  await access(file, constants.R_OK).catch((error: Error) => {
    throw new RequestInvalidError('file', `cannot read ${file}: ${error.message}`);
  });
}

const events = (count: number, redacted: number): string =>
  `${count} event${count === 1 ? '' : 's'} (${redacted} redacted)`;

/**
 * `tranche verify --file FILE`: checks a signed export with no database; a file that does not check out is refused
 * (exit 2) with one line naming the first line and event at fault.
 */
export async function verifyExportCommand(context: CliContext, file: string, pin: SignerPin): Promise<void> {
  await readable(file);
  const result = await verifyExportFile(file, pin);
  if (!result.ok) throw new CliRefusal(result.code, describeFault(result));
  context.out(
    `ok: ${events(result.events, result.redacted)}, head #${result.head.seq} ${result.head.hash}, signed by ${result.fingerprint}`,
  );
}

/** `export-ledger` and `import-ledger`: the ledger as a signed file, and back. */
export function registerLedgerFileCommands(program: Command, context: CliContext): void {
  program
    .command('export-ledger')
    .description(
      'write the ledger to a signed file anyone can verify: public events in full, the others redacted (--all: every event)',
    )
    .requiredOption('--out <file>', 'the file to write (JSON Lines)')
    .option('--all', 'every event in full, for a backup or a move to another instance (keep the file private)')
    .option(
      '--key <path>',
      'Ed25519 private key (PEM) to sign with; default TRANCHE_SIGNING_KEY, else <data folder>/ledger-signing-key.pem',
    )
    .action((options: { out: string; all?: boolean; key?: string }) =>
      withDatabase(context, 'tranche export-ledger', async (database) => {
        const key = await loadSigner({
          keyFile: options.key,
          configured: context.config.signingKey,
          database: context.config.database,
        });
        if (key.created) context.note(`made a signing key: ${key.from} (keep it; verifiers pin its fingerprint)`);
        const written = await exportLedger(database.db, {
          out: options.out,
          scope: options.all ? 'all' : 'public',
          signer: key.signer,
          now: new Date(),
        });
        context.out(
          `ok: ${events(written.events, written.redacted)} to ${options.out}, head #${written.head.seq} ${written.head.hash}, signed by ${written.fingerprint}`,
        );
      }),
    );

  program
    .command('import-ledger <file>')
    .description('fill an empty ledger from an --all export, event for event, then rebuild the read models')
    .option('--public-key <pem>', 'accept only a file signed by this Ed25519 public key (PEM file or text)')
    .option(
      '--fingerprint <hex>',
      'accept only a file signed by the key with this fingerprint (sha256 of its SPKI DER)',
    )
    .action(async (file: string, options: { publicKey?: string; fingerprint?: string }) => {
      await readable(file);
      await withDatabase(context, 'tranche import-ledger', async (database) => {
        const imported = await importLedger(database.db, file, options);
        context.out(
          `ok: imported ${imported.events} events, head #${imported.head.seq} ${imported.head.hash}, signed by ${imported.fingerprint}; read models rebuilt`,
        );
        // Rates are reference data, not ledger facts: new pledges need them, the imported history does not.
        context.note('exchange rates are not part of the ledger: run tranche rates import before recording amounts');
      });
    });
}
