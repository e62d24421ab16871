/**
 * The workspace, in a real browser against the demo, signed in as a person who plans for Ukraine, coordinates for
 * NSATU and pledges for the Netherlands and Germany: a package walked from a listed requirement to its delivery
 * through the forms alone, an invalid form showing its errors beside the fields they name (in English and in
 * Ukrainian) with nothing recorded, and no serious accessibility violation.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../src/domain/access.ts';
import {
  type BrowserApp,
  checkAccessibility,
  hasBrowser,
  openBrowserApp,
  optionValues,
  signedInPage,
  signInThroughPage,
} from '../support/browser.ts';

/** One person in every part of the walk, each role in its own organisations. */
const WALKER = 'walker';
const WALKER_GRANTS: readonly Grant[] = [
  { organisationId: 'ua', role: 'recipient-planner' },
  { organisationId: 'nsatu', role: 'coordinator' },
  { organisationId: 'nl', role: 'donor-officer' },
  { organisationId: 'de', role: 'donor-officer' },
];

/** Opens a form of the workspace. */
async function openForm(page: Page, locale: string, form: string): Promise<Locator> {
  await page.goto(`/${locale}/workspace/${form}`);
  const main = page.getByRole('main');
  await main.locator('form').waitFor();
  return main;
}

/** Sends the form and waits for its confirmation; the address of the record on the portal. */
async function submit(main: Locator, button: string): Promise<string> {
  await main.getByRole('button', { name: button, exact: true }).click();
  const status = main.getByRole('status').filter({ hasText: 'Recorded.' });
  await status.waitFor();
  return (await status.getByRole('link').getAttribute('href')) ?? '';
}

/** Chooses the first option of a select whose text holds every one of `texts` (labels carry names and ids). */
async function choose(select: Locator, ...texts: string[]): Promise<void> {
  let option = select.locator('option');
  for (const text of texts) option = option.filter({ hasText: text });
  await option.first().waitFor({ state: 'attached' });
  await select.selectOption((await option.first().getAttribute('value')) ?? '');
}

/** The text of the elements a control's aria-describedby names. */
async function description(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe.runIf(hasBrowser())('workspace', () => {
  let app: BrowserApp;
  let walker: Page;
  beforeAll(async () => {
    app = await openBrowserApp();
    walker = await signedInPage(app, WALKER, WALKER_GRANTS);
  });
  afterAll(() => app?.close());

  const api = async <T>(path: string): Promise<T> => (await fetch(`${app.url}/api${path}`)).json() as Promise<T>;

  it('walks a package from requirement to delivery through the forms', { timeout: 180_000 }, async () => {
    const page = walker;

    // The recipient lists a requirement: for Ukraine, the one recipient this person plans for.
    let main = await openForm(page, 'en', 'list-requirement');
    await expect.poll(() => main.getByLabel('Recipient', { exact: true }).inputValue()).toBe('ua');
    await main.getByRole('group', { name: 'Title' }).getByLabel('In English').fill('Counter-battery radars');
    await main.getByLabel('Category', { exact: true }).selectOption('artillery-rockets');
    await main.getByLabel('Quantity (optional)').fill('10');
    await main.getByLabel('Unit (optional)').fill('radars');
    const value = main.getByRole('group', { name: 'Estimated value (optional)' });
    await value.getByLabel('Amount', { exact: true }).fill('1000000');
    await main.getByLabel('Priority rank').fill('5');
    expect(await submit(main, 'List the requirement')).toBe('/en/priorities');

    // The coordinator proposes a package covering it, and validates it.
    main = await openForm(page, 'en', 'propose-package');
    await expect.poll(() => main.getByLabel('Coordinator').inputValue()).toBe('nsatu');
    await main.getByRole('group', { name: 'Title' }).getByLabel('In English').fill('Counter-battery radar package');
    await main.getByLabel('Supplier (optional)').selectOption('us');
    await main.getByLabel('Recipient', { exact: true }).selectOption('ua');
    await main.getByLabel('Category', { exact: true }).selectOption('artillery-rockets');
    await main.getByRole('group', { name: 'Target value' }).getByLabel('Amount', { exact: true }).fill('1000000');
    const line = main.getByRole('group', { name: 'Line 1' });
    await choose(line.getByLabel('Requirement (optional)'), 'Counter-battery radars');
    // The requirement's title, quantity and unit become the line's.
    expect(await line.getByLabel('Description').inputValue()).toBe('Counter-battery radars');
    expect(await line.getByLabel('Quantity (optional)').inputValue()).toBe('10');
    const packagePath = await submit(main, 'Propose the package');
    expect(packagePath).toMatch(/^\/en\/packages\/[^/]+$/);
    const packageId = decodeURIComponent(packagePath.split('/').pop() ?? '');

    main = await openForm(page, 'en', 'validate-package');
    await main.getByLabel('Package', { exact: true }).selectOption(packageId);
    expect(await main.getByLabel('Coordinator').inputValue()).toBe('nsatu');
    expect(await submit(main, 'Validate')).toBe(packagePath);

    // Two donors pledge to it, commit and pay.
    for (const [donor, amount] of [
      ['nl', '600000'],
      ['de', '400000'],
    ] as const) {
      main = await openForm(page, 'en', 'pledge');
      // The donors this person pledges for, and no other.
      await expect.poll(async () => (await optionValues(main.getByLabel('Donor'))).sort()).toEqual(['de', 'nl']);
      await main.getByLabel('Donor').selectOption(donor);
      await main.getByLabel('Package', { exact: true }).selectOption(packageId);
      await main.getByRole('group', { name: 'Amount pledged' }).getByLabel('Amount', { exact: true }).fill(amount);
      expect(await submit(main, 'Pledge')).toBe(packagePath);
    }
    for (const [step, button] of [
      ['commit-contribution', 'Commit'],
      ['record-payment', 'Record the payment'],
    ] as const) {
      for (const donor of ['Netherlands', 'Germany']) {
        main = await openForm(page, 'en', step);
        await choose(main.getByLabel('Contribution', { exact: true }), donor, packageId);
        // The amount is the one pledged (or what is left to pay), in the contribution's currency.
        expect(await main.getByLabel('Amount', { exact: true }).inputValue()).toMatch(/^[46]00000(\.00)?$/);
        expect(await submit(main, button)).toBe(packagePath);
      }
    }

    // The coordinator marks it funded, records the contract and the shipment.
    for (const [step, button] of [
      ['fund-package', 'Mark funded'],
      ['contract-package', 'Record the contract'],
    ] as const) {
      main = await openForm(page, 'en', step);
      await main.getByLabel('Package', { exact: true }).selectOption(packageId);
      expect(await submit(main, button)).toBe(packagePath);
    }
    main = await openForm(page, 'en', 'dispatch-shipment');
    await main.getByLabel('Package', { exact: true }).selectOption(packageId);
    const shipped = main.getByRole('group', { name: 'Quantities shipped' }).getByRole('spinbutton');
    expect(await shipped.inputValue()).toBe('10');
    expect(await submit(main, 'Record the shipment')).toBe(packagePath);

    // The recipient confirms a partial receipt, then the rest in full.
    for (const [quantity, kind] of [
      ['4', 'Partial: more is still to come'],
      ['6', 'Full: everything counted has arrived'],
    ] as const) {
      main = await openForm(page, 'en', 'confirm-receipt');
      await main.getByLabel('Package', { exact: true }).selectOption(packageId);
      await choose(main.getByLabel('Shipment'), 'shipped');
      await main.getByRole('group', { name: 'Quantities received' }).getByRole('spinbutton').fill(quantity);
      await main.getByLabel(kind).check();
      expect(await submit(main, 'Confirm receipt')).toBe(packagePath);
      const { status } = await api<{ status: string }>(`/packages/${encodeURIComponent(packageId)}`);
      expect(status).toBe(quantity === '4' ? 'partially-delivered' : 'delivered');
    }

    const recorded = await api<{ status: string; donorIds: string[]; recipientId: string }>(
      `/packages/${encodeURIComponent(packageId)}`,
    );
    expect(recorded).toMatchObject({ status: 'delivered', recipientId: 'ua' });
    expect([...recorded.donorIds].sort()).toEqual(['de', 'nl']);

    // The public package page shows it delivered, with both donors.
    await page.goto(packagePath);
    const portal = page.getByRole('main');
    await portal.getByRole('heading', { level: 1, name: 'Counter-battery radar package' }).waitFor();
    await expect.poll(() => portal.textContent()).toContain('delivered');
    // The donors' names come with the organisations, which may arrive after the package itself.
    await expect.poll(() => portal.textContent()).toContain('Netherlands');
    expect(await portal.textContent()).toContain('Germany');
  });

  it('shows an invalid pledge’s errors beside the fields they name, translated, and records nothing', async () => {
    const before = await api<{ events: number }>('/ledger/verify');
    const contributions = (await api<unknown[]>('/contributions')).length;

    // English: a negative amount.
    const page = await app.newPage();
    await signInThroughPage(page, WALKER);
    let main = await openForm(page, 'en', 'pledge');
    await main.getByLabel('Donor').selectOption('nl');
    await main.getByLabel('Package', { exact: true }).selectOption('purl-nl-2');
    let amount = main.getByRole('group', { name: 'Amount pledged' }).getByLabel('Amount', { exact: true });
    await amount.fill('-5');
    await main.getByRole('button', { name: 'Pledge', exact: true }).click();
    await main.locator('[aria-invalid="true"]').first().waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, amount)).toContain('The amount must be greater than zero.');
    expect(await main.getByRole('alert').textContent()).toContain('check the fields marked below');
    expect(await page.locator(':focus').getAttribute('name')).toBe('amount.amount');

    // Ukrainian: the donor and the amount left empty.
    main = await openForm(page, 'uk', 'pledge');
    await main.getByLabel('Донор', { exact: true }).selectOption('');
    await main.getByRole('combobox', { name: 'Пакунок', exact: true }).selectOption('purl-nl-2');
    await main.getByRole('button', { name: 'Пообіцяти', exact: true }).click();
    await main.locator('[aria-invalid="true"]').first().waitFor();
    const donor = main.getByLabel('Донор', { exact: true });
    amount = main.getByRole('group', { name: 'Обіцяна сума' }).getByLabel('Сума', { exact: true });
    for (const field of [donor, amount]) {
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await description(page, field)).toContain('Обов’язкове поле.');
    }
    expect(await main.getByRole('alert').textContent()).toContain('Нічого не записано');
    // Focus is on the first invalid field, so a keyboard user starts there.
    expect(await page.locator(':focus').getAttribute('name')).toBe('donorId');

    expect((await api<{ events: number }>('/ledger/verify')).events).toBe(before.events);
    expect(await api<unknown[]>('/contributions')).toHaveLength(contributions);
  });

  it('has no serious accessibility violation on the workspace home and a form', async () => {
    const page = await app.newPage({ width: 375, height: 800 });
    await signInThroughPage(page, WALKER);
    await page.goto('/en/workspace');
    await page.getByRole('link', { name: 'Propose a package' }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    const main = await openForm(page, 'en', 'propose-package');
    await main.getByRole('group', { name: 'Line 1' }).waitFor();
    await main.getByRole('button', { name: 'Add a line' }).click();
    await main.getByRole('group', { name: 'Line 2' }).waitFor();
    await main.getByRole('button', { name: 'Propose the package', exact: true }).click();
    await main.getByRole('alert').waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
  });
});
