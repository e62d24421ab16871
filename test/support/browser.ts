/**
 * The web app in a real browser, for the browser suites: a fresh PGlite database with the PURL 2025 demo loaded, the
 * real HTTP server (API and built web app) listening on a free port, and Debian's Chromium driven by playwright-core.
 * Only the clock and ids are fixed. `checkAccessibility` runs axe-core in the page; `signedInPage` adds a person with
 * some roles and signs them in through the sign-in page, as the workspace now asks.
 *
 *   let app: BrowserApp;
 *   beforeAll(async () => { app = await openBrowserApp(); }, 120_000);
 *   afterAll(() => app?.close());
 *   const page = await signedInPage(app, 'nl-officer', [{ organisationId: 'nl', role: 'donor-officer' }]);
 */
import path from 'node:path';
import axeCore from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { loadDemo } from '../../src/demo/purl-2025.ts';
import type { Grant } from '../../src/domain/access.ts';
import { buildServer } from '../../src/http/server.ts';
import { sequentialIdsByPrefix } from './app-fixtures.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';
import { type FixedClock, fixedClock } from './fixtures.ts';
import { addPersonWith, TEST_PASSWORD } from './people.ts';

const SHARED_DATA = path.resolve(import.meta.dirname, '../../../shared/data');
/** Inside the ECB file's range (it ends on 2026-04-13), so a command dated today has a rate. */
const BROWSER_NOW = '2026-04-10T09:00:00Z';

/** Whether this run has a browser; without one (outside CI) the suites are skipped. */
export const hasBrowser = (): boolean => inject('trancheChromium') !== '';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserApp {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly deps: AppDeps;
  readonly clock: FixedClock;
  readonly browser: Browser;
  /** A new browser context (its own storage, like another person's browser) with one page. */
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

export async function openBrowserApp(options: { demo?: boolean } = {}): Promise<BrowserApp> {
  const database: TestDatabase = await openTestDatabase();
  const clock = fixedClock(BROWSER_NOW);
  const deps: AppDeps = { db: database.database.db, clock: clock.now, newId: sequentialIdsByPrefix() };
  let server: FastifyInstance | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  try {
    if (options.demo ?? true) await loadDemo(deps, { sharedDataDir: SHARED_DATA });
    server = await buildServer({ ...deps, databaseKind: database.kind }, { webRoot: inject('trancheWebRoot') });
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: inject('trancheChromium'), args: LAUNCH_ARGS });
    const opened = browser;
    const listening = server;
    return {
      url: address,
      deps,
      clock,
      browser: opened,
      async newPage({ width = 1280, height = 900, locale = 'en-GB' } = {}) {
        const context = await opened.newContext({ viewport: { width, height }, locale, baseURL: address });
        contexts.push(context);
        return context.newPage();
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => {});
        await opened.close().catch(() => {});
        await listening.close();
        await database.cleanup();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await database.cleanup();
    throw error;
  }
}

/** axe-core's own script, as it ships it for injecting into a page. */
const AXE_SOURCE = axeCore.source;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Runs in the page, where axe-core has been loaded: its serious and critical findings, in plain data. */
const AXE_RUN = `axe
  .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })
  .then((result) => result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    })))`;

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A and AA rules). */
export async function checkAccessibility(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline scripts, and should.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate<AxeViolation[]>(AXE_RUN);
}

/**
 * Signs `personId` in through the sign-in page (`/<locale>/sign-in`, optionally with `?next=`), as a person would,
 * and waits until the page has gone on to where it sends them.
 */
export async function signInThroughPage(
  page: Page,
  personId: string,
  { locale = 'en', next }: { locale?: string; next?: string } = {},
): Promise<void> {
  await page.goto(`/${locale}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  const form = page.getByRole('main').locator('form');
  await form.locator('input[name="personId"]').fill(personId);
  await form.locator('input[name="password"]').fill(TEST_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

/**
 * A new browser (its own cookies) in which a person with `grants` — added through the use cases, as an administrator
 * would add them — has signed in through the sign-in page.
 */
export async function signedInPage(
  app: BrowserApp,
  personId: string,
  grants: readonly Grant[],
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<Page> {
  await addPersonWith(app.deps, personId, grants);
  const page = await app.newPage(options);
  await signInThroughPage(page, personId);
  return page;
}

/**
 * The headers with which a test's own requests (fetch, outside the browser) act as a newly added person: the session
 * cookie and the CSRF token that signing in over HTTP gives.
 */
export async function signedInHeaders(
  app: BrowserApp,
  personId: string,
  grants: readonly Grant[],
): Promise<Record<string, string>> {
  await addPersonWith(app.deps, personId, grants);
  const response = await fetch(`${app.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId, password: TEST_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${personId} failed: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((each) => each.startsWith('tranche_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie: cookie.split(';')[0] ?? '', 'x-csrf-token': csrfToken };
}

/** The values a select offers, its empty choice ("Choose…") left out. */
export async function optionValues(select: Locator): Promise<string[]> {
  const values = await Promise.all(
    (await select.locator('option').all()).map((option) => option.getAttribute('value')),
  );
  return values.filter((value): value is string => Boolean(value));
}
