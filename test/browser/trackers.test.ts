/**
 * The imported trackers in the portal, in a real browser: on an empty ledger the overview says nothing of them and
 * the trackers page says none is imported; after a Kiel import (the real Release 29 file, through the import use case)
 * the open page shows its 42 donors without a reload. On the PURL demo, which imports the same file: /en/trackers and
 * /uk/trackers show the donors cited as Release 29 with their basis, sortable, with the monthly chart and its table;
 * Sweden's page shows its tracker section beside its contributions; the overview links to the page. axe-core finds no
 * serious or critical violation on any of them.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/imports/engine.ts';
import { importFormat } from '../../src/app/imports/formats.ts';
import { operator } from '../../src/domain/access.ts';
import type { FlowSum, FlowTotals, FlowTrackerTotals } from '../../web/src/api/flows.ts';
import type { Money } from '../../web/src/api/types.ts';
import { type BrowserApp, checkAccessibility, hasBrowser, openBrowserApp } from '../support/browser.ts';

const KIEL = path.resolve(import.meta.dirname, '../../../shared/data/kiel/data_explorer.csv');
const RELEASE = 'Ukraine Support Tracker, Release 29 (04/2026)';
/** 2022-01 to 2026-04. */
const MONTHS = 52;

/** Amounts as the English pages write them (web/src/i18n/format.ts, which needs the DOM's types, does the same). */
const money = (amount: Money): string =>
  new Intl.NumberFormat('en', { style: 'currency', currency: amount.currency, maximumFractionDigits: 2 }).format(
    Number(amount.amount),
  );

/** Waits for what the page shows to settle: each page reads several API routes, and PGlite answers one at a time. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

async function api<T>(app: BrowserApp, path: string): Promise<T> {
  const response = await fetch(`${app.url}/api${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const kiel = (totals: FlowTotals): FlowTrackerTotals => {
  const tracker = totals.trackers.find((each) => each.basis === 'estimate');
  if (!tracker) throw new Error('no Kiel tracker in the answer');
  return tracker;
};
const sumOf = (sums: readonly FlowSum[], stage: string, category: string): FlowSum | undefined =>
  sums.find((sum) => sum.stage === stage && sum.category === category);

/** The donor with the largest sum of a stage and category, as the table sorts it (descending). */
function largest(tracker: FlowTrackerTotals, stage: string, category: string): string {
  const amount = (donor: FlowTrackerTotals['donors'][number]) =>
    Number(sumOf(donor.totals, stage, category)?.amount.amount ?? 0);
  const [top] = [...tracker.donors].sort((a, b) => amount(b) - amount(a));
  return top?.names?.en ?? '';
}

const bodyRows = (table: Locator) => table.locator('tbody tr');
const trackerSection = (page: Page) =>
  page.locator('section.tracker', { has: page.getByRole('heading', { name: RELEASE }) });

describe.runIf(hasBrowser())('tracker estimates before and after a Kiel import', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp({ demo: false });
  });
  afterAll(() => app?.close());

  it('says nothing of trackers until one is imported, then shows its 42 donors on the open page', async () => {
    const overview = await app.newPage();
    await overview.goto('/en');
    await overview.locator('.figure-value').first().waitFor();
    const page = await app.newPage();
    await page.goto('/en/trackers');
    await page.getByText('No tracker data has been imported yet.').waitFor();
    expect(await overview.locator('.overview-trackers').count()).toBe(0);

    const report = await runImport(
      app.deps,
      { principal: operator('browser-test') },
      await importFormat(app.deps.db, 'kiel', KIEL),
      KIEL,
    );
    expect(report).toMatchObject({ written: true, errorCount: 0 });
    // The live-update stream tells both open pages; neither is reloaded.
    const section = trackerSection(page);
    await eventually(() => bodyRows(section.getByRole('table')).count()).toBe(42);
    expect(await section.textContent()).toContain('42 donors, Jan 2022 to Apr 2026');
    await eventually(() => overview.locator('.overview-trackers a').textContent()).toBe(
      `Tracker estimates: 42 donors, Jan 2022 to Apr 2026 (${RELEASE})`,
    );
  });
});

describe.runIf(hasBrowser())('tracker estimates on the demo', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
  });
  afterAll(() => app?.close());

  it('lists the Kiel donors on /en/trackers as the release estimates them, sortable, with a monthly chart', async () => {
    const tracker = kiel(await api<FlowTotals>(app, '/flows/totals?currency=EUR'));
    const page = await app.newPage();
    await page.goto('/en/trackers');
    await eventually(() => page.locator('h1').textContent()).toBe('Tracker estimates');
    const section = trackerSection(page);
    const table = section.getByRole('table', { name: /each donor's flows over the period/ });
    await eventually(() => bodyRows(table).count()).toBe(42);

    // Labelled as the tracker's estimates, citing the release as its source.
    expect(await section.locator('cite').first().textContent()).toBe(RELEASE);
    expect(await section.textContent()).toContain(
      "Basis: estimate The tracker's estimates, not recorded contributions.",
    );
    expect(await section.textContent()).toContain('Kiel Institute for the World Economy');
    expect(await section.textContent()).toContain('42 donors, Jan 2022 to Apr 2026');

    // Germany's row holds its sums over the period, as the API gives them.
    const germany = bodyRows(table).filter({ has: page.getByRole('link', { name: 'Germany', exact: true }) });
    const german = tracker.donors.find((donor) => donor.donorId === 'de');
    for (const [stage, category] of [
      ['committed', 'total'],
      ['allocated', 'military'],
    ] as const) {
      const sum = sumOf(german?.totals ?? [], stage, category);
      expect(sum).toBeDefined();
      expect(await germany.textContent()).toContain(money(sum?.amount ?? { amount: '0', currency: 'EUR' }));
    }
    expect(await germany.getByRole('link').getAttribute('href')).toBe('/en/donors/de');

    // Sorted by the first stage's sum, largest first; a click sorts by another column.
    const firstDonor = () => bodyRows(table).first().locator('td').first().textContent();
    expect(await firstDonor()).toBe(largest(tracker, 'committed', 'total'));
    const military = table.getByRole('columnheader', { name: /Allocated · military/ });
    await military.getByRole('button').click();
    expect(await military.getAttribute('aria-sort')).toBe('descending');
    expect(await firstDonor()).toBe(largest(tracker, 'allocated', 'military'));

    // The months as a chart and, under it, as a table: 52 months, a column per stage and kind.
    const chart = section.locator('figure.chart', { hasText: `${RELEASE} by month (EUR)` });
    await chart.locator('canvas').waitFor();
    await chart.locator('summary').click();
    expect(await chart.locator('thead th').allTextContents()).toEqual([
      'Month',
      'Committed · all kinds',
      'Allocated · military',
      'Allocated · financial',
      'Allocated · humanitarian',
    ]);
    expect(await chart.locator('tbody tr').count()).toBe(MONTHS);
    expect(await chart.locator('tbody tr').first().locator('th').textContent()).toBe('Jan 2022');
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('shows the same in Ukrainian on /uk/trackers', async () => {
    const page = await app.newPage();
    await page.goto('/uk/trackers');
    await eventually(() => page.locator('h1').textContent()).toBe('Оцінки трекерів');
    const section = trackerSection(page);
    await eventually(() => bodyRows(section.getByRole('table')).count()).toBe(42);
    expect(await section.textContent()).toContain('Підстава: оцінка');
    expect(await section.textContent()).toContain('42 донори');
    await section.getByRole('link', { name: 'Німеччина', exact: true }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("shows Sweden's tracker estimates beside its contributions, with a link to every tracker", async () => {
    const tracker = kiel(await api<FlowTotals>(app, '/flows/totals?donor=se&currency=EUR'));
    const committed = sumOf(tracker.totals, 'committed', 'total');
    expect(committed).toBeDefined();
    const page = await app.newPage();
    await page.goto('/en/donors/se');
    const section = page.locator('section.donor-trackers');
    await section.getByRole('heading', { name: 'Tracker estimates', level: 2 }).waitFor();
    await section.getByRole('heading', { name: RELEASE, level: 3 }).waitFor();
    await eventually(() => section.locator('.tracker-figures').textContent()).toContain(
      money(committed?.amount ?? { amount: '0', currency: 'EUR' }),
    );
    const chart = section.locator('figure.chart', { hasText: `Sweden: ${RELEASE}, by month (EUR)` });
    await chart.locator('canvas').waitFor();
    await chart.locator('summary').click();
    expect(await chart.locator('tbody tr').count()).toBeGreaterThan(12);
    // After the contributions, as a section of its own.
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.indexOf('Tracker estimates')).toBe(headings.indexOf('Contributions') + 1);
    expect(await checkAccessibility(page)).toEqual([]);
    await section.getByRole('link', { name: 'All tracker estimates' }).click();
    await page.waitForURL('**/en/trackers');
  });

  it('links to the trackers from the overview and the header', async () => {
    const page = await app.newPage();
    await page.goto('/en');
    const line = page.locator('.overview-trackers a');
    await eventually(() => line.textContent()).toBe(`Tracker estimates: 42 donors, Jan 2022 to Apr 2026 (${RELEASE})`);
    expect(await line.getAttribute('href')).toBe('/en/trackers');
    const nav = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trackers' });
    expect(await nav.getAttribute('href')).toBe('/en/trackers');
    expect(await checkAccessibility(page)).toEqual([]);
  });
});
