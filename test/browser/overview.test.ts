/**
 * The portal's overview in a real browser: the headline totals in the currency chosen in the header, each a link to
 * its records; the charts' tables linking each donor to its records; the donor map's shaded states as named links;
 * and no serious accessibility findings.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Currency, Money, Stage, Summary, TotalRow } from '../../web/src/api/types.ts';
import { type BrowserApp, checkAccessibility, hasBrowser, openBrowserApp } from '../support/browser.ts';

/** Amounts as the English pages write them (web/src/i18n/format.ts, which needs the DOM's types, does the same). */
const format = {
  money: (money: Money) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: money.currency, maximumFractionDigits: 2 }).format(
      Number(money.amount),
    ),
  moneyShort: (money: Money) =>
    new Intl.NumberFormat('en', {
      style: 'currency',
      currency: money.currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(Number(money.amount)),
};
const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  pledged: 'Pledged',
  committed: 'Committed',
  paid: 'Paid',
  delivered: 'Delivered',
};

describe.runIf(hasBrowser())('overview page', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
  });
  afterAll(() => app?.close());

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${app.url}/api${path}`);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  /** The figure of one stage: the link to its records whose text starts with the stage's name. */
  const stageFigure = (page: Page, stage: Stage) =>
    page.locator(`a[href="/en/records?stage=${stage}"]`, { hasText: new RegExp(`^${STAGE_LABELS[stage]}`) });

  /**
   * Waits until each stage's figure shows the API's total in `currency`: the exact amount as Node's Intl writes it,
   * and a short figure in the same currency (its rounding is left to the browser's own ICU).
   */
  async function expectTotals(page: Page, currency: Currency) {
    const summary = await api<Summary>(`/summary?currency=${currency}`);
    const symbol = currency === 'EUR' ? '€' : '$';
    for (const stage of ['pledged', 'committed', 'paid', 'delivered'] as const) {
      const exact = format.money(summary.totals[stage]);
      await stageFigure(page, stage).filter({ hasText: exact }).waitFor();
      const text = (await stageFigure(page, stage).textContent()) ?? '';
      expect(text).toMatch(new RegExp(`^${STAGE_LABELS[stage]} \\${symbol}\\d`));
    }
    return summary;
  }

  it('shows the four totals in EUR and, once the header says USD, in USD; each figure links to its records', async () => {
    const page = await app.newPage();
    await page.goto('/en');
    const eur = await expectTotals(page, 'EUR');

    await page.getByLabel('Currency').selectOption('USD');
    const usd = await expectTotals(page, 'USD');
    expect(usd.totals.pledged.amount).not.toBe(eur.totals.pledged.amount);

    // Packages by status: each count lists those packages.
    for (const [status, count] of Object.entries(usd.packagesByStatus)) {
      const link = page.locator(`a[href="/en/packages?status=${status}"]`);
      expect(await link.textContent()).toContain(count === 1 ? '1 package' : `${count} packages`);
    }

    await stageFigure(page, 'committed').click();
    await page.waitForURL('**/en/records?stage=committed');
  });

  it("opens a donor's records from its row in the chart's table", async () => {
    const page = await app.newPage();
    await page.goto('/en');
    const chart = page.getByRole('figure', { name: 'By donor (a coalition counts as one donor)' });
    await chart.locator('summary').click();
    await chart.getByRole('link', { name: 'Sweden', exact: true }).click();
    await page.waitForURL('**/en/records?donor=se');
  });

  it("opens a donor's records from a bar: the first row's bars are the largest pledger's", async () => {
    const page = await app.newPage();
    await page.goto('/en');
    const canvas = page.getByRole('figure', { name: 'By donor (a coalition counts as one donor)' }).locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the donor chart has no canvas box');
    // Down the middle of the chart until the pointer is over a bar (the chart turns the cursor into a hand there).
    const x = box.x + box.width / 2;
    let overBar = false;
    for (let y = box.y + 2; y < box.y + box.height / 2 && !overBar; y += 2) {
      await page.mouse.move(x, y);
      // Chart.js handles pointer events on the next animation frame.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
      overBar = /cursor:\s*pointer/.test((await canvas.getAttribute('style')) ?? '');
      if (overBar) await page.mouse.click(x, y);
    }
    expect(overBar).toBe(true);
    await page.waitForURL('**/en/records?donor=nl');
  });

  it('shades the donor states on the map as links named with what each committed', async () => {
    const rows = await api<TotalRow[]>('/totals?currency=EUR&by=donor');
    const organisations = await api<{ id: string; kind: string }[]>('/organisations');
    const states = new Set(organisations.filter((entry) => entry.kind === 'state').map((entry) => entry.id));
    const committed = rows.filter(
      (row) => row.stage === 'committed' && row.donorId && states.has(row.donorId) && Number(row.amount.amount) > 0,
    );
    const sweden = committed.find((row) => row.donorId === 'se');
    expect(sweden).toBeDefined();

    const page = await app.newPage();
    await page.goto('/en');
    const map = page.locator('.world-map svg');
    const link = map.getByRole('link', {
      name: `Sweden: ${format.moneyShort(sweden?.amount ?? { amount: '0', currency: 'EUR' })}`,
    });
    await link.waitFor();
    expect(await map.getByRole('link').count()).toBe(committed.length);
    // A state that gave nothing is not a link.
    expect(await map.getByRole('link', { name: /^France/ }).count()).toBe(0);
    // Coalitions' money is named beside the map, not spread over their members.
    expect(await page.locator('.world-map-notes').textContent()).toContain('Nordic-Baltic Eight');

    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/en/donors/se');
  });

  it.each([1280, 375])('has no serious accessibility findings at %ipx wide', async (width) => {
    const page = await app.newPage({ width });
    await page.goto('/en');
    await page.locator('.world-map svg a').first().waitFor();
    await page.locator('.chart canvas').first().waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  });
});
