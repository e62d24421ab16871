/**
 * The public portal's donor pages, priority list and sources feed, on the PURL 2025 demo: Sweden alone and through
 * the Nordic-Baltic Eight, month by month, with its median days from pledge to delivery; the requirements in rank
 * order with their coverage; the seed story's Ukrainian, English and Russian versions together, with the sentence of
 * each claim, and the language filter. axe finds no serious or critical violation on any of them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserApp,
  checkAccessibility,
  hasBrowser,
  openBrowserApp,
  signedInHeaders,
} from '../support/browser.ts';

const STORY = 'rbc-2025-08-10-rutte';
const ENGLISH_SENTENCE =
  'He added that the first two aid packages from the Netherlands and Scandinavian countries have already arrived.';
const UKRAINIAN_SENTENCE =
  'Він додав, що перші два пакети допомоги від Нідерландів і скандинавських країн уже прибули.';

/**
 * The demo holds the seed article in English; its Ukrainian and Russian versions join its story, as the outlet
 * published them, recorded by a curator.
 */
async function recordOtherVersions(app: BrowserApp): Promise<void> {
  const curator = await signedInHeaders(app, 'sources-curator', [{ organisationId: '*', role: 'curator' }]);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...curator },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  };
  const version = { publishedOn: '2025-08-10', storyId: STORY, occurredOn: '2025-08-10' };
  await post('/api/sources', {
    ...version,
    id: `${STORY}-uk`,
    publisher: 'РБК-Україна',
    language: 'uk',
    title: 'НАТО обіцяє продовжувати постачання зброї Україні попри переговори США і Росії',
    text: `Генсек НАТО Марк Рютте заявив, що постачання зброї триватимуть. ${UKRAINIAN_SENTENCE}`,
  });
  await post('/api/sources', {
    ...version,
    id: `${STORY}-ru`,
    publisher: 'РБК-Украина',
    language: 'ru',
    title: 'НАТО обещает продолжать поставки оружия Украине несмотря на переговоры США и России',
    text: 'Генсек НАТО Марк Рютте заявил, что поставки оружия продолжатся.',
  });
  await post('/api/claims', {
    id: 'uk-nordic-delivered',
    sourceId: `${STORY}-uk`,
    subject: { type: 'package', id: 'purl-nordic-1' },
    donorIds: ['dk', 'no', 'se'],
    stage: 'delivered',
    statedOn: '2025-08-10',
    sentence: UKRAINIAN_SENTENCE,
    basis: 'reported',
    occurredOn: '2025-08-10',
  });
}

/** Waits for what the page shows to settle: the pages read several API routes each, and PGlite answers one at a time. */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });
const text = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe.runIf(hasBrowser())('donor pages, priority list and sources', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
    await recordOtherVersions(app);
  });
  afterAll(() => app?.close());

  it('lists every donor with its totals, its median days and the coalitions it gives through', async () => {
    const page = await app.newPage();
    await page.goto('/en/donors');
    const sweden = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Sweden', exact: true }) });
    await eventually(() => sweden.textContent()).toContain('4 days');
    expect(await sweden.textContent()).toContain('€238,177,723.89');
    expect(await sweden.textContent()).toContain('Nordic-Baltic Eight');
    expect(await page.getByRole('link', { name: 'Sweden', exact: true }).getAttribute('href')).toBe('/en/donors/se');
    // Estonia gives only through the coalition: it is listed, with nothing of its own.
    await page.getByRole('link', { name: 'Estonia', exact: true }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("shows Sweden's totals alone and through the Nordic-Baltic Eight, month by month, with its median days", async () => {
    const page = await app.newPage();
    await page.goto('/en/donors/se');
    await eventually(() => page.locator('h1').textContent()).toBe('Sweden');
    const [alone, joint] = [page.locator('ul.donor-figures').nth(0), page.locator('ul.donor-figures').nth(1)];
    await joint.waitFor();
    expect(await alone.textContent()).toContain('€238,177,723.89');
    expect(await alone.textContent()).toContain('4 days');
    await page.getByRole('heading', { name: 'Jointly, through Nordic-Baltic Eight' }).waitFor();
    expect(await joint.textContent()).toContain('€430,218,551.02');
    expect(await alone.getByRole('link').first().getAttribute('href')).toBe('/en/records?donor=se&stage=pledged');
    expect(await joint.getByRole('link').nth(1).getAttribute('href')).toBe('/en/records?donor=nb8&stage=committed');

    const own = page.locator('figure.chart', { hasText: 'Sweden on its own, by month (EUR)' });
    await own.locator('summary').click();
    expect(await own.locator('thead th').allTextContents()).toEqual([
      'Month',
      'Pledged',
      'Committed',
      'Paid',
      'Delivered',
    ]);
    expect(await own.locator('tbody tr').count()).toBe(1);
    expect(await own.locator('tbody tr th, tbody tr td').allTextContents()).toEqual([
      'Aug 2025',
      '€238.2M',
      '€238.2M',
      '€238.2M',
      '€238.2M',
    ]);
    const through = page.locator('figure.chart', { hasText: 'Jointly through Nordic-Baltic Eight' });
    await through.locator('summary').click();
    expect(await through.locator('tbody tr th, tbody tr td').allTextContents()).toEqual([
      'Oct 2025',
      '€430.2M',
      '€430.2M',
      '€0',
      '€0',
    ]);

    const contributions = page.getByRole('table', { name: /Contributions of Sweden/ });
    await contributions.getByRole('link', { name: 'Nordic-Baltic Eight (jointly)' }).waitFor();
    expect(await contributions.getByRole('link', { name: 'purl-nordic-1' }).getAttribute('href')).toBe(
      '/en/packages/purl-nordic-1',
    );
    await eventually(() => text(page, '.donor-timeline blockquote[lang="en"]')).toContain(ENGLISH_SENTENCE);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("lists a coalition's members on its page", async () => {
    const page = await app.newPage();
    await page.goto('/en/donors/nb8');
    const members = page.locator('section', { has: page.getByRole('heading', { name: 'Members' }) });
    await members.getByRole('link', { name: 'Sweden' }).waitFor();
    expect(await members.getByRole('listitem').count()).toBe(8);
    await page.getByRole('heading', { name: 'Jointly, as a coalition' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('lists the requirements in rank order with how much of each is funded and delivered', async () => {
    const page = await app.newPage();
    await page.goto('/en/priorities');
    await page.locator('ol.requirements').waitFor();
    expect(await text(page, 'ol.requirements h3')).toEqual([
      'Priority 1: Patriot interceptors and system components',
      'Priority 2: Air-defence munitions',
      'Priority 3: HIMARS rockets',
      'Priority 4: Artillery ammunition',
    ]);
    const first = page.locator('ol.requirements > li').first();
    const funded = first.getByLabel('Funded: 6 of 7 (86%)');
    expect([await funded.getAttribute('value'), await funded.getAttribute('max')]).toEqual(['6', '7']);
    await first.getByLabel('Delivered: 4 of 7 (57%)').waitFor();
    await eventually(() => first.getByRole('link', { name: 'Netherlands PURL package 1' }).getAttribute('href')).toBe(
      '/en/packages/purl-nl-1',
    );
    await page.getByRole('heading', { name: 'Ukraine: list for Sep 2025 approved' }).waitFor();
    expect(await page.locator('.priority-list').textContent()).toContain(
      'Approved by Ukraine, NATO Security Assistance',
    );
    expect(await page.getByRole('table').locator('tbody tr td:first-child').allTextContents()).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("groups a story's language versions with each claim's sentence, and filters by language", async () => {
    const page = await app.newPage();
    await page.goto('/en/sources');
    const story = page.locator('article.story', {
      has: page.getByRole('heading', {
        name: 'NATO vows ongoing arms deliveries to Ukraine despite upcoming US-Russia talks',
      }),
    });
    await eventually(() => text(page, 'article.story blockquote[lang="uk"]')).toEqual([UKRAINIAN_SENTENCE]);
    expect(await story.locator('.version .language-badge').allTextContents()).toEqual([
      'Ukrainian',
      'English',
      'Russian',
    ]);
    expect(await story.locator('.version cite').allTextContents()).toEqual([
      'НАТО обіцяє продовжувати постачання зброї Україні попри переговори США і Росії',
      'NATO vows ongoing arms deliveries to Ukraine despite upcoming US-Russia talks',
      'НАТО обещает продолжать поставки оружия Украине несмотря на переговоры США и России',
    ]);
    expect(await story.locator('blockquote[lang="en"]').allTextContents()).toContain(ENGLISH_SENTENCE);
    expect(await checkAccessibility(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Ukrainian' }).check();
    await page.waitForURL('**/en/sources?language=uk');
    await eventually(() => text(page, 'article.story .version .language-badge')).toEqual(['Ukrainian']);
    expect(await text(page, 'blockquote')).toEqual([UKRAINIAN_SENTENCE]);
    expect(await page.getByRole('radio', { name: 'Ukrainian' }).isChecked()).toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);

    await page.getByRole('radio', { name: 'All languages' }).check();
    await page.waitForURL('**/en/sources');
    await eventually(() => text(page, 'blockquote[lang="en"]')).toContain(ENGLISH_SENTENCE);
  });

  it('shows markup in a recorded source as text, never running or rendering it', async () => {
    const curator = await signedInHeaders(app, 'markup-curator', [{ organisationId: '*', role: 'curator' }]);
    const hostile = '<img src=x onerror="window.__injected=1"><b>bold</b>';
    const response = await fetch(`${app.url}/api/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...curator },
      body: JSON.stringify({
        id: 'markup-source',
        publisher: `Publisher ${hostile}`,
        language: 'en',
        title: `A title ${hostile}`,
        text: `Some text <script>window.__injected=2</script> ${hostile}.`,
        publishedOn: '2025-08-11',
        occurredOn: '2025-08-11',
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const page = await app.newPage();
    await page.goto('/en/sources');
    const cite = page.locator('cite', { hasText: 'A title' });
    await eventually(() => cite.textContent()).toBe(`A title ${hostile}`);
    expect(await page.locator('main img[src="x"], main b, main script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __injected?: number }).__injected)).toBeUndefined();
  });
});
