import type { Command } from 'commander';
import { appDeps, type CliContext, withDatabase } from '../context.ts';
import { CliRefusal } from '../errors.ts';

export function registerDemoCommand(program: Command, context: CliContext): void {
  program
    .command('demo')
    .description('load the PURL 2025 demo (packages, contributions, sources) into an empty ledger')
    .action(() =>
      withDatabase(context, 'tranche demo', async (database) => {
        // Loaded on demand: the other commands do not need the demo's data in memory.
        const { isEmpty, loadDemo } = await import('../../demo/purl-2025.ts');
        const deps = appDeps(database.db);
        if (!(await isEmpty(deps))) {
          throw new CliRefusal(
            'ledger-not-empty',
            'the demo loads only into an empty ledger, and this one already holds events (point TRANCHE_DATA_DIR at a new folder)',
          );
        }
        // loadDemo reports its own progress, ending with how many events it recorded.
        await loadDemo(deps, { sharedDataDir: context.config.sharedDataDir, log: context.out });
      }),
    );
}
