/**
 * The web app in a real browser, for the browser suites: a fresh PGlite database with the PURL 2025 demo loaded, the
 * real HTTP server (API and built web app) listening on a free port, and Debian's Chromium driven by playwright-core.
 * Only the clock and ids are fixed. `checkAccessibility` runs axe-core in the page.
 *
 *   let app: BrowserApp;
 *   beforeAll(async () => { app = await openBrowserApp(); }, 120_000);
 *   afterAll(() => app?.close());
 */
import path from 'node:path';
import axeCore from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { AppDeps } from '../../src/app/deps.ts';
import { loadDemo } from '../../src/demo/purl-2025.ts';
import { buildServer } from '../../src/http/server.ts';
import { sequentialIdsByPrefix } from './app-fixtures.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';
import { type FixedClock, fixedClock } from './fixtures.ts';

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
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate<AxeViolation[]>(AXE_RUN);
}
