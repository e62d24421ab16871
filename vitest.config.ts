/**
 * Test projects (helpers in test/support/):
 * - unit                  test/unit/**\/*.test.ts         no database
 * - integration-pglite    test/integration/**\/*.test.ts  TRANCHE_TEST_DB=pglite: copies of one migrated PGlite folder
 * - integration-postgres  test/integration/**\/*.test.ts  TRANCHE_TEST_DB=postgres: a fresh schema on the server
 * - browser               test/browser/**\/*.test.ts      the web app in Debian's Chromium (playwright-core), on PGlite
 *
 * The PostgreSQL server (TRANCHE_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) is checked once
 * here: when it does not answer, integration-postgres is left out with one message, except under CI=true, where
 * each of its test files fails with a one-line reason (test/support/setup-postgres.ts).
 * One project: `npx vitest run --project unit`; one file: `npx vitest run test/unit/fixtures.test.ts`.
 */
import { defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { isCi, postgresSkippedMessage, probePostgres, testDatabaseUrl } from './test/support/env.ts';

/** vitest evaluates this config once per project too (`extends: true`): check the server, and say so, once a process. */
function checkPostgresOnce(): Promise<boolean> {
  const key = Symbol.for('tranche.test.postgresReachable');
  const store = globalThis as { [key]?: Promise<boolean> };
  store[key] ??= (async () => {
    const url = testDatabaseUrl();
    const probe = await probePostgres(url);
    if (!probe.ok && !isCi()) console.warn(postgresSkippedMessage(url, probe.reason));
    return probe.ok;
  })();
  return store[key];
}

/** The same integration suites, run once per engine. */
function integration(kind: 'pglite' | 'postgres'): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: `integration-${kind}`,
      include: ['test/integration/**/*.test.ts'],
      env: { TRANCHE_TEST_DB: kind },
      globalSetup: [`./test/support/global-setup-${kind}.ts`],
      ...(kind === 'postgres' ? { setupFiles: ['./test/support/setup-postgres.ts'] } : {}),
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig(async (): Promise<ViteUserConfig> => {
  const withPostgres = (await checkPostgresOnce()) || isCi();
  return {
    test: {
      pool: 'forks',
      // 2 cores here, and each PGlite instance takes ~300 MB: two test files at a time, across all projects.
      maxWorkers: 2,
      reporters: ['default', './test/support/reporter.ts'],
      projects: [
        { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
        integration('pglite'),
        ...(withPostgres ? [integration('postgres')] : []),
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['test/browser/**/*.test.ts'],
            env: { TRANCHE_TEST_DB: 'pglite' },
            globalSetup: ['./test/support/global-setup-pglite.ts', './test/support/global-setup-browser.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            // A page under full load (two suites, Chromium and PGlite on 2 cores) can take seconds to settle; the
            // default 1 s made `expect.poll` on a page the flakiest line in the suite.
            expect: { poll: { timeout: 20_000 } },
          },
        },
      ],
    },
  };
});
