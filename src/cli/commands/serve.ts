import type { Command } from 'commander';
import type { AppDeps } from '../../app/deps.ts';
import { type Database, openDatabase } from '../../db/index.ts';
import { appDeps, type CliContext } from '../context.ts';

/** How long open connections (e.g. live-update streams) may delay a shutdown before the database closes anyway. */
const CLOSE_GRACE_MS = 5_000;

interface Listening {
  close(): Promise<unknown>;
}

/** Loads the demo when asked and the ledger is empty, then builds the server and listens. */
async function start(context: CliContext, database: Database, deps: AppDeps, demoIfEmpty: boolean): Promise<Listening> {
  const { host, port, sharedDataDir } = context.config;
  if (demoIfEmpty) {
    // Loaded on demand, like the server: other commands need neither.
    const { DemoDataMissingError, isEmpty, loadDemo } = await import('../../demo/purl-2025.ts');
    if (await isEmpty(deps)) {
      context.note('The ledger is empty: loading the PURL 2025 demo…');
      try {
        await loadDemo(deps, { sharedDataDir, log: context.note });
      } catch (error) {
        // Without the public data the server still starts, on an empty ledger, and says why.
        if (!(error instanceof DemoDataMissingError)) throw error;
        context.note(`warning: no demo loaded: ${error.message}`);
      }
    }
  }
  const { buildServer } = await import('../../http/server.ts');
  const { isWebBuilt } = await import('../../http/web.ts');
  const { webDir } = context.config;
  const web = isWebBuilt(webDir);
  if (!web) context.note(`warning: no web app in ${webDir} (npm run web:build): serving the API only`);
  const app = await buildServer(
    { ...deps, databaseKind: database.kind, iatiPublisher: context.config.iatiPublisher },
    { ...(web ? { webRoot: webDir } : {}), behindProxy: context.config.behindProxy },
  );
  try {
    const address = await app.listen({ host, port });
    context.out(`Tranche is running at http://localhost:${new URL(address).port}`);
    const { hasPeople } = await import('../../app/authentication.ts');
    if (!(await hasPeople(deps.db))) {
      context.note(
        'No one can sign in yet. Stop the server and add the first administrator (a password is generated and shown once):\n' +
          '  npm run tranche -- user add admin --name "Administrator"\n' +
          '  npm run tranche -- user role admin --org "*" --role administrator',
      );
    }
  } catch (error) {
    await app.close().catch(() => {});
    throw error;
  }
  return app;
}

export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('run the HTTP API on HOST:PORT (default 127.0.0.1:8080)')
    .option('--demo-if-empty', 'load the PURL 2025 demo first when the ledger is empty')
    .action(async (options: { demoIfEmpty?: boolean }) => {
      const { host, port } = context.config;
      // The lock names this server, so a CLI command run meanwhile says who holds the folder.
      const database = await openDatabase(context.config.database, {
        lock: true,
        holder: `tranche serve on http://${host}:${port}`,
        migrate: true,
      });
      let server: Listening;
      try {
        server = await start(context, database, appDeps(database.db), options.demoIfEmpty === true);
      } catch (error) {
        await database.close();
        throw error;
      }
      let stopping = false;
      const stop = async (): Promise<void> => {
        if (stopping) process.exit(1);
        stopping = true;
        try {
          await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
          await database.close();
          process.exit(0);
        } catch (error) {
          process.stderr.write(`error: while stopping: ${(error as Error).message}\n`);
          process.exit(1);
        }
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
