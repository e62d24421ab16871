/**
 * People, tokens and the audit view, in a real browser against the demo: an administrator adds a person (a second
 * time is refused beside the name), grants them donor-officer for the Netherlands, issues a token that is shown once
 * and works, and revokes it after confirming; the new person signs in with the first password and changes it (a wrong
 * current password refused beside its field), which ends their session and sends them to sign in again; an auditor
 * reads the audit view, filters it by the administrator and sees what they did, and pages back through the ledger; a
 * donor officer is offered neither page, and reaching one anyway shows the API's refusal translated. axe finds no
 * serious violation on either page.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, checkAccessibility, hasBrowser, openBrowserApp, signedInPage } from '../support/browser.ts';

const ADMIN = 'people-admin';
const AUDITOR = 'people-auditor';
const OFFICER = 'nl-officer';
const NEWCOMER = 'nina.newcomer';
const FIRST_PASSWORD = 'first password, 4 weeks';
const NEW_PASSWORD = 'a longer one of my own';
const TOKEN_LABEL = 'Dutch pledge feed';

/** A section of the page, by its heading. */
const region = (page: Page, name: string): Locator => page.getByRole('main').getByRole('region', { name });

/** The text of the elements a control's aria-describedby names. */
async function description(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Signs in through the sign-in page with a password of one's own. */
async function signIn(page: Page, personId: string, password: string): Promise<void> {
  await page.goto('/en/sign-in');
  const main = page.getByRole('main');
  await main.getByLabel('Name', { exact: true }).fill(personId);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/en\/workspace$/);
}

describe.runIf(hasBrowser())('people, tokens and the audit view', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await openBrowserApp();
  });
  afterAll(() => app?.close());

  /** What the API answers `GET /api/session` sent with a bearer token. */
  const sessionWithToken = async (token: string) => {
    const response = await fetch(`${app.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { actor?: string; code?: string } };
  };

  it('lets an administrator add a person, grant a role, and issue and revoke a token', {
    timeout: 120_000,
  }, async () => {
    const page = await signedInPage(app, ADMIN, [{ organisationId: '*', role: 'administrator' }]);
    await page.goto('/en/workspace/people');
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'People and tokens' }).waitFor();
    const people = main.getByRole('table', { name: 'People who can sign in, with their roles' });
    await people.getByRole('cell', { name: ADMIN, exact: true }).first().waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // Adding a person: the first password is said to be shown never again.
    const add = region(page, 'Add a person');
    const password = add.getByLabel('First password');
    expect(await description(page, password)).toContain('It is never shown again');
    await add.getByLabel('Name to sign in with').fill(NEWCOMER);
    await add.getByLabel('Shown as').fill('Nina Newcomer');
    await password.fill(FIRST_PASSWORD);
    await add.getByRole('button', { name: 'Add the person' }).click();
    await add.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
    await people.getByRole('cell', { name: 'Nina Newcomer' }).waitFor();
    expect(await password.inputValue()).toBe('');

    // Adding them again is refused beside the name, in words.
    await add.getByLabel('Name to sign in with').fill(NEWCOMER);
    await add.getByLabel('Shown as').fill('Nina again');
    await password.fill(FIRST_PASSWORD);
    await add.getByRole('button', { name: 'Add the person' }).click();
    const name = add.getByLabel('Name to sign in with');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, name)).toContain('Someone already signs in with this name');

    // Granting them donor-officer for the Netherlands, with the roles by their names.
    const grant = region(page, 'Grant a role');
    await grant.getByLabel('Person', { exact: true }).selectOption(NEWCOMER);
    await grant.getByLabel('Organisation', { exact: true }).selectOption('nl');
    const role = grant.getByLabel('Role', { exact: true });
    expect(await role.locator('option[value="donor-officer"]').textContent()).toBe('Donor officer');
    await role.selectOption('donor-officer');
    await grant.getByRole('button', { name: 'Grant the role' }).click();
    await grant.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
    await people
      .getByRole('row')
      .filter({ hasText: 'Nina Newcomer' })
      .getByText('Donor officer (Netherlands)')
      .waitFor();

    // Issuing a token: shown once, in a read-only field, with the warning.
    const issue = region(page, 'Issue a token');
    await issue.getByLabel('Organisation', { exact: true }).selectOption('nl');
    await issue.getByLabel('Role', { exact: true }).selectOption('donor-officer');
    await issue.getByLabel('Label', { exact: true }).fill(TOKEN_LABEL);
    await issue.getByRole('button', { name: 'Issue the token' }).click();
    const once = region(page, 'The new token');
    await once.getByText('Shown only once: copy it now.').waitFor();
    const field = once.getByLabel('Token', { exact: true });
    const token = await field.inputValue();
    expect(token).toMatch(/^trn_[a-z0-9._:-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    // The token takes the focus, to be copied at once.
    expect(await page.evaluate<string>('document.activeElement.id')).toBe(await field.getAttribute('id'));
    expect(await checkAccessibility(page)).toEqual([]);
    const tokenId = token.slice('trn_'.length, token.indexOf('.'));
    expect(await sessionWithToken(token)).toMatchObject({ status: 200, body: { actor: `token:${tokenId}` } });

    // Hidden, it is nowhere on the page any more; the list shows it active.
    await once.getByRole('button', { name: 'I have stored it: hide the token' }).click();
    await once.waitFor({ state: 'detached' });
    expect(await main.textContent()).not.toContain(token);
    const tokens = main.getByRole('table', { name: 'API tokens, newest first' });
    const row = tokens.getByRole('row').filter({ hasText: TOKEN_LABEL });
    await row.getByText('active', { exact: true }).waitFor();

    // Revoking asks first; keeping it changes nothing, confirming stops it at once.
    await row.getByRole('button', { name: `Revoke the token “${TOKEN_LABEL}”…` }).click();
    const confirm = region(page, `Revoke the token “${TOKEN_LABEL}” (${tokenId})?`);
    await confirm.getByRole('button', { name: 'Keep the token' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await sessionWithToken(token)).toMatchObject({ status: 200 });
    await row.getByRole('button', { name: `Revoke the token “${TOKEN_LABEL}”…` }).click();
    await confirm.getByLabel('Reason (optional)').fill('rotated');
    await confirm.getByRole('button', { name: 'Revoke the token', exact: true }).click();
    await main
      .getByRole('status')
      .filter({ hasText: `The token “${TOKEN_LABEL}” (${tokenId}) is revoked` })
      .waitFor();
    await row.getByText('revoked', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await sessionWithToken(token)).toMatchObject({ status: 401, body: { code: 'token-invalid' } });
  });

  it('lets the new person sign in with the first password and change it', { timeout: 60_000 }, async () => {
    const page = await app.newPage();
    await signIn(page, NEWCOMER, FIRST_PASSWORD);
    const main = page.getByRole('main');
    const header = page.locator('header');

    // Their account is behind their name in the header.
    await header.getByRole('link', { name: 'Nina Newcomer' }).click();
    await page.waitForURL(/\/en\/workspace\/account$/);
    const form = region(page, 'Change your password');
    const current = form.getByLabel('Current password');

    // A wrong current password is refused beside it.
    await current.fill('not my password at all');
    await form.getByLabel('New password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change the password' }).click();
    await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, current)).toContain('The current password is wrong.');

    // Changed: every session ends, this one too, and the sign-in page says so.
    await current.fill(FIRST_PASSWORD);
    await form.getByLabel('New password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change the password' }).click();
    await page.waitForURL(/\/en\/sign-in$/);
    await main.getByRole('status').filter({ hasText: 'every session of yours has ended' }).waitFor();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/session')).json())).toMatchObject({ signedIn: false });

    // The first password no longer works; the new one does.
    const refused = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: NEWCOMER, password: FIRST_PASSWORD }),
    });
    expect(refused.status).toBe(401);
    await signIn(page, NEWCOMER, NEW_PASSWORD);
    await main.getByRole('heading', { level: 2, name: 'Donor officer' }).waitFor();
  });

  it('shows an auditor who did what, filtered by actor, and pages back', { timeout: 60_000 }, async () => {
    const page = await signedInPage(app, AUDITOR, [{ organisationId: '*', role: 'auditor' }]);
    const main = page.getByRole('main');
    await main.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(/\/en\/workspace\/audit$/);
    const table = main.getByRole('table', { name: 'Events on the ledger, newest first' });
    await table.waitFor();

    // The whole ledger, a page at a time: older events follow the newest hundred.
    await main.getByRole('link', { name: 'Older events' }).click();
    await page.waitForURL(/\/en\/workspace\/audit\?before=\d+$/);
    await main.getByRole('heading', { level: 2, name: /^Events before no\. \d+$/ }).waitFor();
    await main.getByRole('link', { name: 'Back to the newest' }).click();
    await page.waitForURL(/\/en\/workspace\/audit$/);

    // Filtered by the administrator: what they did, newest first, and the filter kept in the address.
    const filters = main.getByRole('search', { name: 'Filter the events' });
    await filters.getByLabel('Actor').fill(`person:${ADMIN}`);
    await filters.getByRole('button', { name: 'Apply the filters' }).click();
    await page.waitForURL(/\/en\/workspace\/audit\?actor=person%3Apeople-admin$/);
    const types = () => table.locator('tbody td:nth-child(3)').allTextContents();
    await expect.poll(types).toEqual(['TokenRevoked', 'TokenIssued', 'RoleGranted', 'PersonAdded']);
    const actors = await table.locator('tbody td:nth-child(2)').allTextContents();
    expect(new Set(actors)).toEqual(new Set([`person:${ADMIN}`]));
    await table
      .getByRole('cell', { name: `person-${NEWCOMER}` })
      .first()
      .waitFor();
    expect(await main.getByRole('link', { name: 'Older events' }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);

    // Reloaded, the address brings the same filters back.
    await page.reload();
    expect(await main.getByRole('search').getByLabel('Actor').inputValue()).toBe(`person:${ADMIN}`);
    await expect.poll(types).toHaveLength(4);

    // An auditor reads people and tokens but is offered no form to change them.
    await main.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'People and tokens' }).click();
    await main.getByText('As an auditor you read people, roles and tokens').waitFor();
    await main.getByRole('table', { name: 'API tokens, newest first' }).waitFor();
    expect(await main.locator('form').count()).toBe(0);
  });

  it('offers a donor officer neither page, and shows the refusal translated if they go there', async () => {
    const page = await signedInPage(app, OFFICER, [{ organisationId: 'nl', role: 'donor-officer' }]);
    const main = page.getByRole('main');
    await page.goto('/en/workspace');
    const nav = main.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('link', { name: 'Your account' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Forms', 'Your account']);

    await page.goto('/uk/workspace/audit');
    await main.getByRole('alert').filter({ hasText: 'Ваші ролі не дозволяють цього для цієї організації.' }).waitFor();
    expect(await main.getByRole('table').count()).toBe(0);

    // A visitor is told to sign in, in their language, with a way to.
    const visitor = await app.newPage();
    await visitor.goto('/ru/workspace/people');
    const visitorMain = visitor.getByRole('main');
    await visitorMain.getByRole('alert').filter({ hasText: 'Вы не вошли' }).first().waitFor();
    expect(await visitorMain.getByRole('link', { name: 'Войти' }).getAttribute('href')).toBe(
      '/ru/sign-in?next=%2Fworkspace%2Fpeople',
    );
  });
});
