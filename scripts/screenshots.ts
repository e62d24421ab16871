/**
 * `npm run screenshots`: the overview and a package page in Ukrainian, English and Russian, as the README shows
 * them (docs/screenshots/*.png). Builds the web app, loads the PURL 2025 demo into a temporary PGlite folder with the
 * clock at a fixed day, serves both, and photographs the pages in Debian's Chromium (playwright-core).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { openDatabase } from '../src/db/index.ts';
import { loadDemo } from '../src/demo/purl-2025.ts';
import { buildServer } from '../src/http/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const NOW = new Date('2026-04-10T09:00:00Z');
/** The overview whole; the package page's first screens (its header, timeline and shares), not all of its length. */
const PAGES = [
  { name: 'overview', path: '', fullPage: true, height: 900 },
  { name: 'package', path: '/packages/purl-nordic-1', fullPage: false, height: 1600 },
] as const;

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'tranche-screenshots-'));
  const webRoot = path.join(work, 'web');
  await build({
    configFile: path.join(ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(work, 'db') }, { migrate: true });
  let next = 0;
  const deps = { db: database.db, clock: () => NOW, newId: (prefix: string) => `${prefix}-${(next++).toString(36)}` };
  await loadDemo(deps, { sharedDataDir: path.resolve(ROOT, '..', 'shared', 'data') });
  const server = await buildServer({ ...deps, databaseKind: database.kind }, { webRoot });
  const url = await server.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.TRANCHE_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    await mkdir(OUT, { recursive: true });
    for (const locale of ['uk', 'en', 'ru']) {
      for (const page of PAGES) {
        const context = await browser.newContext({ viewport: { width: 1280, height: page.height }, locale });
        const tab = await context.newPage();
        await tab.goto(`${url}/${locale}${page.path}`);
        await tab.waitForLoadState('networkidle');
        const file = path.join(OUT, `${page.name}-${locale}.png`);
        await tab.screenshot({ path: file, fullPage: page.fullPage });
        console.log(`wrote ${path.relative(ROOT, file)}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await database.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
