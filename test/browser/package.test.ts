/**
 * The packages list and a package's page in a real browser on the PURL 2025 demo: the list filtered from the
 * address, and purl-nordic-1 (Denmark, Norway and Sweden, USD 500 million) with its donors' shares, its shipment
 * and full receipt, its timeline with the sources' sentences, and the four values reported for it side by side.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, checkAccessibility, hasBrowser, openBrowserApp } from '../support/browser.ts';

/** How long a poll waits for the page to load and render (2 cores, shared with other suites). */
const section = (page: Page, heading: string) =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });

describe.runIf(hasBrowser())('packages', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
  });
  afterAll(() => app?.close());

  it('lists the packages of the status in the address, as a filter that can be removed', async () => {
    const page = await app.newPage();
    await page.goto('/en/packages?status=delivered');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('2 packages');
    const table = page.getByRole('table', { name: 'Packages, with their funding and delivery' });
    const titles = await table.locator('tbody tr td:first-child').allTextContents();
    expect(titles).toEqual(['Netherlands PURL package 1', 'Denmark, Norway and Sweden PURL package']);
    expect(await table.locator('tbody .status').allTextContents()).toEqual(['delivered', 'delivered']);

    await page.getByRole('button', { name: 'Remove the filter Status: delivered' }).click();
    await page.waitForURL((url) => url.pathname === '/en/packages' && url.search === '');
    await expect.poll(() => table.getByRole('link', { name: 'Germany PURL package 1' }).count()).toBe(1);
    expect(await checkAccessibility(page)).toEqual([]);

    await table.getByRole('link', { name: 'Denmark, Norway and Sweden PURL package' }).click();
    await page.waitForURL('**/en/packages/purl-nordic-1');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Denmark, Norway and Sweden PURL package');
  });

  it("shows purl-nordic-1: its donors' shares, shipment and receipt, timeline and conflicting values", async () => {
    const page = await app.newPage();
    await page.goto('/en/packages/purl-nordic-1');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Denmark, Norway and Sweden PURL package');

    const funding = section(page, 'Who funds what share');
    const contributions = funding.getByRole('table', { name: 'Contributions to this package' });
    await expect.poll(() => contributions.locator('tbody tr').count()).toBe(3);
    const rows = async () => {
      const cells = await Promise.all(
        (await contributions.locator('tbody tr').all()).map((row) => row.locator('td').allTextContents()),
      );
      return cells.map((row) => [row[0], row[2], row[4]]);
    };
    await expect.poll(rows).toEqual([
      ['Denmark', '$90,000,000.00', '18%'],
      ['Norway', '$135,000,000.00', '27%'],
      ['Sweden', '$275,000,000.00', '55%'],
    ]);
    expect(await funding.locator('.pkg-legend').textContent()).toContain('Sweden: 55%');

    const deliveries = section(page, 'Shipments and receipts');
    const line = deliveries.getByRole('table', { name: 'Contents' }).locator('tbody tr');
    await expect
      .poll(() => line.locator('th, td').allTextContents())
      .toEqual([
        'Air-defence munitions and components',
        'Air-defence munitions (priority 2)',
        '2 consignments',
        '2',
        '2',
      ]);
    const shipment = deliveries.getByRole('table', { name: 'Shipments' }).locator('tbody tr');
    expect(await shipment.textContent()).toContain('nordic-1-s1');
    expect(await shipment.locator('time').getAttribute('datetime')).toBe('2025-08-07');
    expect(await shipment.textContent()).toContain('Air-defence munitions and components: 2 consignments');
    const receipt = deliveries.getByRole('table', { name: 'Receipts' }).locator('tbody tr');
    expect(await receipt.locator('time').getAttribute('datetime')).toBe('2025-08-09');
    expect(await receipt.textContent()).toContain('in full');
    expect(await receipt.textContent()).toContain('2 consignments');

    const timeline = section(page, 'From proposal to receipt');
    const steps = timeline.locator('ol > li');
    await expect.poll(() => steps.count()).toBeGreaterThan(10);
    expect(await steps.first().locator('time').first().getAttribute('datetime')).toBe('2025-08-05');
    expect(await steps.first().textContent()).toContain('Proposed, with a target of $500,000,000.00');
    const received = steps.filter({ hasText: 'Received in full' });
    const quote = received.locator('blockquote');
    expect(await quote.getAttribute('lang')).toBe('en');
    expect(await quote.textContent()).toBe(
      'He added that the first two aid packages from the Netherlands and Scandinavian countries have already arrived.',
    );
    expect(await received.locator('figcaption').textContent()).toContain('RBC-Ukraine, Aug 10, 2025, in English');
    // Evidence that names only its source is quoted from the source's own claim about the package.
    const pledge = steps.filter({ hasText: 'Sweden pledged $275,000,000.00' });
    await expect
      .poll(() => pledge.locator('blockquote').textContent())
      .toContain('Denmark, Norway and Sweden will jointly fund a package of about USD 500 million');

    const figures = section(page, 'Reported values side by side');
    const pledged = figures.locator('section').filter({ hasText: 'Reported as pledged' });
    await expect.poll(() => pledged.locator('li').count()).toBe(4);
    expect(await pledged.locator('li .pkg-value-amount > :last-child').allTextContents()).toEqual([
      '$486,000,000.00',
      '$495,000,000.00',
      '$500,000,000.00',
      '$585,000,000.00',
    ]);
    const adopted = pledged.locator('li[aria-current="true"]');
    expect(await adopted.count()).toBe(1);
    expect(await adopted.locator('strong').textContent()).toBe('$500,000,000.00');
    expect(await adopted.locator('.pkg-badge').textContent()).toBe('✓ Adopted');
    expect(await adopted.textContent()).toContain('NATO');
    expect(await pledged.textContent()).toContain('Adopted figure: $500,000,000.00');

    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('shows the page in Ukrainian and Russian, and fits a phone', async () => {
    const uk = await app.newPage({ width: 375, height: 800, locale: 'uk-UA' });
    await uk.goto('/uk/packages/purl-nordic-1');
    await expect.poll(() => uk.locator('h1').textContent()).toBe('Пакет PURL Данії, Норвегії та Швеції');
    const ukHeadings = await uk.getByRole('heading', { level: 2 }).allTextContents();
    expect(ukHeadings).toEqual([
      'Від пропозиції до отримання',
      'Хто яку частку фінансує',
      'Відвантаження та отримання',
      'Повідомлені суми поруч',
    ]);
    await expect.poll(() => uk.locator('li[aria-current="true"] .pkg-badge').textContent()).toBe('✓ Прийнято');
    expect(await uk.getByRole('table', { name: 'Отримання' }).textContent()).toContain('повністю');
    expect(await uk.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await checkAccessibility(uk)).toEqual([]);

    const ru = await app.newPage({ locale: 'ru-RU' });
    await ru.goto('/ru/packages?status=delivered');
    await expect.poll(() => ru.getByRole('heading', { level: 2 }).first().textContent()).toBe('2 пакета');
    await ru.goto('/ru/packages/purl-nordic-1');
    await expect
      .poll(() => ru.getByRole('heading', { level: 2 }).allTextContents())
      .toEqual([
        'От предложения до получения',
        'Кто какую долю финансирует',
        'Отгрузки и получение',
        'Сообщённые суммы рядом',
      ]);
    await expect.poll(() => ru.getByRole('table', { name: 'Взносы в этот пакет' }).textContent()).toContain('Швеция');
  });

  it('says so when there is no such package', async () => {
    const page = await app.newPage();
    await page.goto('/en/packages/no-such-package');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Package not found');
    expect(await page.getByRole('alert').textContent()).toContain('“no-such-package”');
    expect(await page.getByRole('main').getByRole('link', { name: 'All packages' }).count()).toBe(1);
  });
});
