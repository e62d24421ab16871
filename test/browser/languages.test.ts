/**
 * The language switch: `/` opens in the browser's language, UA / EN / RU switch the same page, the choice is kept in
 * the URL (a shared link opens in its language) and remembered for the next visit to `/`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, hasBrowser, openBrowserApp } from '../support/browser.ts';

describe.runIf(hasBrowser())('language switch', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
  });
  afterAll(() => app?.close());

  it("opens / in the browser's language and switches the same page to another, remembering the choice", async () => {
    const page = await app.newPage({ locale: 'uk-UA' });
    await page.goto('/');
    await page.waitForURL('**/uk');
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    await expect
      .poll(() => page.locator('nav[aria-label="Розділи"] a[aria-current="page"]').textContent())
      .toBe('Огляд');

    await page.getByRole('navigation', { name: 'Розділи' }).getByRole('link', { name: 'Пакунки' }).click();
    await page.waitForURL('**/uk/packages');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/en/packages');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(true);

    await page.goto('/');
    await page.waitForURL('**/en');
    expect(await page.locator('.language-switch a[aria-current="true"]').textContent()).toBe('EN');
  });

  it('opens a shared link in the language it names, whatever the browser prefers', async () => {
    const page = await app.newPage({ locale: 'en-GB' });
    await page.goto('/ru/packages');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Пакеты');
  });
});
