/**
 * The public portal as a whole: what the overview costs to load (the initial JavaScript against its 250 KB gzipped
 * budget; the time until its figures show, printed, not asserted), every portal page at phone width without
 * sideways scrolling, and axe-core's check of each page in all three languages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserApp, checkAccessibility, hasBrowser, openBrowserApp } from '../support/browser.ts';

const PORTAL_PAGES = [
  '',
  '/packages',
  '/packages/purl-nordic-1',
  '/donors',
  '/donors/se',
  '/trackers',
  '/priorities',
  '/sources',
];
const INITIAL_JS_BUDGET = 250 * 1024;

/** The scripts index.html loads before anything else: its entry module and the chunks it preloads. */
async function initialScripts(webRoot: string): Promise<string[]> {
  const html = await readFile(path.join(webRoot, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ];
  return entries.map((match) => match[1] ?? '').filter(Boolean);
}

describe.runIf(hasBrowser())('public portal', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
  });
  afterAll(() => app?.close());

  it('keeps the initial JavaScript within 250 KB gzipped, and prints it', async () => {
    const webRoot = inject('trancheWebRoot');
    const scripts = await initialScripts(webRoot);
    expect(scripts.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const script of scripts) gzipped += gzipSync(await readFile(path.join(webRoot, script))).length;
    console.log(
      `portal initial JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${scripts.length} file(s) (budget 250 KB)`,
    );
    expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('renders the overview with the demo data and prints how long it took', async () => {
    const page = await app.newPage();
    // A first visit warms the server (PGlite's first queries) and the browser's cache, as a returning reader's.
    await page.goto('/en');
    await page.locator('.figure-value').first().waitFor();
    const times: string[] = [];
    for (const visit of [1, 2, 3]) {
      await page.goto('/en');
      await page.locator('.figure-value').first().waitFor();
      const figures = await page.evaluate<number>('performance.now()');
      await page.locator('.overview canvas').first().waitFor();
      await page.locator('.world-map a').first().waitFor();
      const charts = await page.evaluate<number>('performance.now()');
      times.push(`visit ${visit}: figures ${Math.round(figures)} ms, charts and map ${Math.round(charts)} ms`);
    }
    console.log(`overview after navigation started (target: under 1 s) — ${times.join('; ')}`);
    expect(await page.locator('.figure-value').count()).toBeGreaterThanOrEqual(4);
  });

  it.each(['uk', 'en', 'ru'])(
    'has no serious or critical accessibility violation on any portal page in %s',
    async (locale) => {
      const page = await app.newPage();
      for (const portalPage of PORTAL_PAGES) {
        await page.goto(`/${locale}${portalPage}`);
        await page.waitForLoadState('networkidle');
        await page.locator('h1').first().waitFor();
        const violations = await checkAccessibility(page);
        expect(violations, `${locale}${portalPage || '/'}`).toEqual([]);
      }
    },
  );

  it('fits every portal page into a phone screen without scrolling sideways', async () => {
    const page = await app.newPage({ width: 375, height: 740 });
    for (const portalPage of PORTAL_PAGES) {
      await page.goto(`/en${portalPage}`);
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width, `/en${portalPage || '/'} is ${width}px wide`).toBeLessThanOrEqual(375);
    }
  });
});
