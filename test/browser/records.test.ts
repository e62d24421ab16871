/**
 * The records behind a figure, in the browser: /en/records?stage=paid&donor=se names the figure, shows the total the
 * API's totals give for that donor and stage, lists the contribution with its source and the sentence quoted in the
 * source's language, links to the package, and passes axe's WCAG 2.1 AA checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, checkAccessibility, hasBrowser, openBrowserApp } from '../support/browser.ts';

/** The page loads its catalogs, the records and the names of organisations and categories. */
interface Money {
  amount: string;
  currency: string;
}

describe.runIf(hasBrowser())('records behind a figure', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
  });
  afterAll(() => app?.close());

  const getJson = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${app.url}${path}`);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };

  it('shows what Sweden paid: the total of /api/totals, the sources and their sentences, a link to the package', async () => {
    const [row] = await getJson<{ amount: Money }[]>('/api/totals?stage=paid&donor=se&by=donor&currency=EUR');
    expect(row).toBeDefined();
    const expected = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 2,
    }).format(row?.amount.amount as `${number}`);
    const figure = await getJson<{
      records: { packageId: string; sources: { title: string; language: string; claims: { sentence: string }[] }[] }[];
    }>('/api/records?stage=paid&donor=se&currency=EUR');
    const source = figure.records[0]?.sources.find((candidate) => candidate.claims.length > 0);
    expect(source, 'the demo gives Sweden’s payment a source with a sentence').toBeDefined();

    const page = await app.newPage({ locale: 'en-GB' });
    await page.goto('/en/records?stage=paid&donor=se');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Paid by Sweden');
    await expect.poll(() => page.getByTestId('records-total').textContent()).toBe(expected);

    const table = page.getByRole('table', { name: 'Records behind the figure, one row per contribution' });
    await expect.poll(() => table.getByText(source?.title ?? '', { exact: true }).count()).toBeGreaterThan(0);
    const sentence = source?.claims[0]?.sentence ?? '';
    const quote = table.locator('blockquote', { hasText: sentence });
    expect(await quote.count()).toBeGreaterThan(0);
    expect(await quote.first().getAttribute('lang')).toBe(source?.language);

    // The filter summary offers the figure without the donor.
    const remove = page.getByRole('link', { name: 'Remove the filter “Donor: Sweden”' });
    expect(await remove.getAttribute('href')).toBe('/en/records?stage=paid');

    expect(await checkAccessibility(page)).toEqual([]);

    const packageId = figure.records[0]?.packageId ?? '';
    await table.locator(`a[href="/en/packages/${packageId}"]`).first().click();
    await page.waitForURL(`**/en/packages/${packageId}`);
  });

  it('names the figure from its parts on a Ukrainian page', async () => {
    const page = await app.newPage({ locale: 'uk-UA' });
    await page.goto('/uk/records?stage=delivered&month=2025-09&category=air-defence');
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Доставлено · вересень 2025 р. · протиповітряна оборона');
    await expect.poll(() => page.getByTestId('records-total').count()).toBe(1);
    expect(await checkAccessibility(page)).toEqual([]);
  });
});
