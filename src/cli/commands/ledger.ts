import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { rebuild, verify } from '../../app/ledger.ts';
import { importEcbRates } from '../../app/rates.ts';
import { openDatabase } from '../../db/index.ts';
import { migrate } from '../../db/migrate.ts';
import { type CliContext, withDatabase } from '../context.ts';
import { EXIT, ReportedFailure, RequestInvalidError } from '../errors.ts';
import { verifyExportCommand } from './ledger-file.ts';

/**
 * `migrate`, `verify` (a database, or an export with `--file`), `rebuild-projections` and `rates import`: work on the
 * store itself rather than a record.
 */
export function registerLedgerCommands(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('apply the database migrations that have not run yet')
    .action(async () => {
      const database = await openDatabase(context.config.database, {
        lock: true,
        holder: 'tranche migrate',
        migrate: false,
      });
      try {
        const ran = await migrate(database.db);
        context.out(ran.length === 0 ? 'migrations: up to date' : `migrations applied: ${ran.join(', ')}`);
      } finally {
        await database.close();
      }
    });

  program
    .command('verify')
    .description("recompute the ledger's hash chain and name the first event that does not match; --file: an export")
    .option('--file <file>', 'check a signed export instead, with no database: chain, head, digest and signature')
    .option('--public-key <pem>', 'with --file: accept only this Ed25519 public key (PEM file or text) as signer')
    .option('--fingerprint <hex>', 'with --file: accept only the signer with this fingerprint (sha256 of its SPKI DER)')
    .action((options: { file?: string; publicKey?: string; fingerprint?: string }) => {
      if (options.file !== undefined) return verifyExportCommand(context, options.file, options);
      if (options.publicKey !== undefined || options.fingerprint !== undefined) {
        throw new RequestInvalidError(
          'file',
          '--public-key and --fingerprint pin the signer of an export: give --file',
        );
      }
      return withDatabase(context, 'tranche verify', async (database) => {
        const result = await verify(database.db);
        if (result.ok) {
          context.out(`ledger verified: ${result.events} events, head ${result.headHash}`);
          return;
        }
        const bad = result.firstBad;
        throw new ReportedFailure(
          bad
            ? `event #${bad.seq} ${bad.eventId} (${bad.type} in ${bad.streamId}) does not match: ${result.reason}`
            : `the ledger does not match after ${result.events} events: ${result.reason}`,
          EXIT.fault,
        );
      });
    });

  program
    .command('rebuild-projections')
    .description('empty the read models and replay the whole ledger into them')
    .action(() =>
      withDatabase(context, 'tranche rebuild-projections', async (database) => {
        const events = await rebuild(database.db);
        context.out(`projections rebuilt from ${events} events`);
      }),
    );

  const rates = program.command('rates').description('foreign-exchange reference rates');
  rates
    .command('import <file>')
    .description("import the ECB's historical reference rates (eurofxref-hist.csv); again replaces the same days")
    .action(async (file: string) => {
      // importEcbRates pipes a read stream whose open error nothing catches (it would crash the process): check first.
      await access(file, constants.R_OK).catch((error: Error) => {
        throw new RequestInvalidError('file', `cannot read ${file}: ${error.message}`);
      });
      await withDatabase(context, 'tranche rates import', async (database) => {
        const imported = await importEcbRates(database.db, file);
        context.out(
          `imported ${imported.rates} rates for ${imported.currencies.length} currencies over ${imported.days} days` +
            (imported.from ? ` (${imported.from} to ${imported.to})` : ''),
        );
      });
    });
}
