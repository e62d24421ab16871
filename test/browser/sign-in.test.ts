/**
 * Signing in, in a real browser against the demo: the workspace asks a visitor to sign in; a wrong password is refused
 * in the page's language; a donor officer of the Netherlands signs in through the form and comes back to the form
 * they opened, which offers only the Netherlands; their pledge is recorded and shows on the package's page; a pledge
 * for Germany is refused (through the API and through the form), and a change without the CSRF token too; the
 * workspace has no coordinator forms for them; signing out brings the sign-in prompt back. axe finds no serious
 * violation on the sign-in page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, checkAccessibility, hasBrowser, openBrowserApp, optionValues } from '../support/browser.ts';
import { addPersonWith, TEST_PASSWORD } from '../support/people.ts';

const OFFICER = 'nl-officer';

/** What a pledge sent from the page itself answers: its status and problem code. */
interface Sent {
  readonly status: number;
  readonly code: string | undefined;
}

/** POSTs a pledge from inside the page, with the session's cookie and (unless told not to) its CSRF token. */
function pledgeFromPage(page: Page, donorId: string, withToken = true): Promise<Sent> {
  return page.evaluate(
    async ({ donorId, withToken }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string | null };
      const response = await fetch('/api/contributions', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(withToken && session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
        },
        body: JSON.stringify({ donorId, packageId: 'purl-ca-2', amount: { amount: '1000', currency: 'EUR' } }),
      });
      const body = (await response.json()) as { code?: string };
      return { status: response.status, code: body.code };
    },
    { donorId, withToken },
  );
}

/** The organisations the form's Donor select offers. */
const donorsOffered = (page: Page) => optionValues(page.getByRole('main').getByLabel('Donor', { exact: true }));

describe.runIf(hasBrowser())('signing in', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
    await addPersonWith(app.deps, OFFICER, [{ organisationId: 'nl', role: 'donor-officer' }]);
  });
  afterAll(() => app?.close());

  it('refuses a wrong password in the page’s language, with no serious accessibility violation', async () => {
    const page = await app.newPage({ width: 375, height: 800 });
    await page.goto('/uk/sign-in');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Вхід' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // Nothing typed: both fields say so, and no attempt is spent.
    await main.getByRole('button', { name: 'Увійти', exact: true }).click();
    await main.locator('[aria-invalid="true"]').first().waitFor();
    expect(await main.locator('[aria-invalid="true"]').count()).toBe(2);
    expect(await page.locator(':focus').getAttribute('name')).toBe('personId');

    await main.getByLabel('Ім’я').fill(OFFICER);
    await main.getByLabel('Пароль').fill('not the password');
    await main.getByRole('button', { name: 'Увійти', exact: true }).click();
    await main.getByRole('alert').filter({ hasText: 'Неправильне ім’я або пароль.' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    expect(page.url()).toMatch(/\/uk\/sign-in$/);
  });

  it('signs a donor officer in, lets them pledge only for their own organisation, and signs them out', async () => {
    const page = await app.newPage();
    const main = page.getByRole('main');
    const header = page.locator('header');

    // A visitor opening a form is asked to sign in, and comes back to that form afterwards.
    await page.goto('/en/workspace/pledge');
    await main.getByText('Sign in to record steps').waitFor();
    expect(await main.locator('form').count()).toBe(0);
    await main.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/en\/sign-in\?next=%2Fworkspace%2Fpledge$/);
    await main.getByLabel('Name', { exact: true }).fill(OFFICER);
    await main.getByLabel('Password').fill(TEST_PASSWORD);
    await main.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/en\/workspace\/pledge$/);
    await main.locator('form').waitFor();
    await header.getByText(OFFICER).waitFor();
    await header.getByRole('button', { name: 'Sign out' }).waitFor();

    // The form pledges for the Netherlands, the one organisation this person is a donor officer of.
    await expect.poll(() => donorsOffered(page)).toEqual(['nl']);
    expect(await main.getByLabel('Donor', { exact: true }).inputValue()).toBe('nl');
    await main.getByLabel('Package', { exact: true }).selectOption('purl-ca-2');
    await main.getByRole('group', { name: 'Amount pledged' }).getByLabel('Amount', { exact: true }).fill('250000');
    await main.getByRole('button', { name: 'Pledge', exact: true }).click();
    const recorded = main.getByRole('status').filter({ hasText: 'Recorded.' });
    await recorded.waitFor();
    const packagePath = (await recorded.getByRole('link').getAttribute('href')) ?? '';
    expect(packagePath).toBe('/en/packages/purl-ca-2');
    const contributions = (await (await fetch(`${app.url}/api/contributions?limit=1000`)).json()) as {
      donorId: string;
      packageId: string | null;
    }[];
    expect(contributions.some((row) => row.donorId === 'nl' && row.packageId === 'purl-ca-2')).toBe(true);

    // A pledge for Germany is refused: sent by hand with the CSRF token, and without it.
    expect(await pledgeFromPage(page, 'de')).toEqual({ status: 403, code: 'not-permitted' });
    expect(await pledgeFromPage(page, 'nl', false)).toEqual({ status: 403, code: 'csrf-token-invalid' });

    // And through the form, were it to offer Germany: the refusal shows, translated.
    await page.goto('/en/workspace/pledge');
    const donor = main.getByLabel('Donor', { exact: true });
    await expect.poll(() => donorsOffered(page)).toEqual(['nl']);
    await page.evaluate(
      `document.querySelector('main select[name="donorId"]').insertAdjacentHTML('beforeend', '<option value="de">Germany</option>')`,
    );
    await donor.selectOption('de');
    await main.getByLabel('Package', { exact: true }).selectOption('purl-ca-2');
    await main.getByRole('group', { name: 'Amount pledged' }).getByLabel('Amount', { exact: true }).fill('1000');
    await main.getByRole('button', { name: 'Pledge', exact: true }).click();
    await main.getByRole('alert').filter({ hasText: 'Your roles do not allow this for that organisation.' }).waitFor();

    // The pledge shows on the package's page.
    await page.goto(packagePath);
    await expect.poll(() => main.textContent(), { timeout: 20_000 }).toContain('Netherlands pledged');

    // No coordinator's forms: the workspace lists the donor officer's only, and a coordinator's form is not offered.
    await page.goto('/en/workspace');
    await main.getByRole('link', { name: 'Pledge', exact: true }).waitFor();
    const roles = await main.getByRole('heading', { level: 2 }).allTextContents();
    expect(roles).toEqual(['Donor officer']);
    expect(await main.getByRole('link', { name: 'Propose a package' }).count()).toBe(0);
    await page.goto('/en/workspace/propose-package');
    await main.getByText('Your roles do not include this form.').waitFor();
    expect(await main.locator('form').count()).toBe(0);

    // Signing out: the header offers to sign in again, and the workspace asks for it.
    await page.goto('/en/workspace');
    await main.getByRole('link', { name: 'Pledge', exact: true }).waitFor();
    await header.getByRole('button', { name: 'Sign out' }).click();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await main.getByText('Sign in to record steps').waitFor();
    expect(await main.getByRole('link', { name: 'Pledge', exact: true }).count()).toBe(0);
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toMatchObject({ signedIn: false, grants: [] });
    expect(await pledgeFromPage(page, 'nl')).toEqual({ status: 401, code: 'sign-in-required' });
  });
});
