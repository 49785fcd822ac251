/**
 * Signing in for real: the app sends through a real SMTP server started here, Chromium follows
 * the emailed link (or types the code), and the member picks a display name, manages the account and signs out.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { readSignInEmail, startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { finishWithCode, submitEmail, whoAmI } from './sign-in-steps';

type Server = Awaited<ReturnType<typeof startServer>>;

let mail: MailCatcher;
let server: Server;
let db: SiteDatabase;
let browser: BrowserContext;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, EMAIL_FROM: 'Hearth <hello@hearth.test>', ADMIN_EMAILS: 'boss@example.org' } });
  db = openSiteDatabase(server.databaseUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  await mail?.close();
});

async function askForEmail(page: Page, email: string, from = '/') {
  await page.goto(`${server.url}${from}`);
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/signin/);
  await submitEmail(page, email);
}

describe('signing in by email', () => {
  it('link → confirmation page → display name → back to the post, signed in; the link works once', async () => {
    const page = await browser.newPage();
    const postPath = (await (await fetch(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
    await askForEmail(page, 'River@Example.org', postPath);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check your email');

    const message = await mail.waitFor('river@example.org');
    expect(message.subject).toBe('Your sign-in link for Hearth');
    expect(message.text).toContain('You received this because someone asked to sign in to Hearth');
    expect(message.html).toContain('Open the sign-in page');
    const { link } = readSignInEmail(message);
    expect(new URL(link).origin).toBe(server.url);

    // Opening the link (as a mail scanner would) signs nobody in.
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in as river@example.org?');
    await expect(whoAmI(page)).resolves.toBeNull();

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/welcome/);
    await page.getByLabel('Display name').fill('x');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Use at least 2 characters.').waitFor(); // the refusal comes back from the server
    await page.getByLabel('Display name').fill('  River   Stone ');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${server.url}${postPath}`);
    await page.getByText('River Stone').waitFor();
    await expect(whoAmI(page)).resolves.toEqual({ name: 'River Stone', role: 'member' });

    const cookies = await browser.cookies(server.url);
    const session = cookies.find((c) => c.name === 'authjs.session-token')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    // The same link again: refused with a clear message (the link carries no address, and a used code names none).
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'This sign-in link is incomplete, used or expired' }).waitFor();
    await expect(page.getByRole('link', { name: 'ask for a new one' }).getAttribute('href')).resolves.toBe('/signin');

    await page.locator('.account-menu > summary').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await expect(whoAmI(page)).resolves.toBeNull();
    await page.close();
  });

  it('accepts the code typed on the check-your-email page, and makes ADMIN_EMAILS admins', async () => {
    const other = await launchBrowser();
    const page = await other.newPage();
    await askForEmail(page, 'boss@example.org');
    const { code } = readSignInEmail(await mail.waitFor('boss@example.org'));

    await page.getByLabel('Code from the email').fill('WRNG-2345');
    await page.getByRole('button', { name: 'Sign in with this code' }).click();
    await page.getByText('That code is not right').waitFor();

    await finishWithCode(page, code.toLowerCase(), 'Wren');
    await page.waitForURL(`${server.url}/`);
    await expect(whoAmI(page)).resolves.toEqual({ name: 'Wren', role: 'admin' });
    await other.close();
  });

  it('refuses an expired link', async () => {
    const other = await launchBrowser();
    const page = await other.newPage();
    await askForEmail(page, 'late@example.org');
    const { link } = readSignInEmail(await mail.waitFor('late@example.org'));
    await db.run("update verification_tokens set expires = ? where identifier = 'late@example.org'", [new Date(Date.now() - 1000)]);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'This sign-in link is incomplete, used or expired' }).waitFor();
    await expect(page.getByRole('button', { name: 'Sign in' }).count()).resolves.toBe(0);
    await expect(whoAmI(page)).resolves.toBeNull();
    await other.close();
  });

  it('refuses bad addresses and foreign return addresses without sending anything', async () => {
    const page = await browser.newPage();
    const before = mail.messages.length;
    await page.goto(`${server.url}/signin`);
    await page.getByRole('main').getByLabel('Email address').fill('not-an-address');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    await page
      .getByRole('main')
      .getByLabel('Email address')
      .fill(`${'a'.repeat(250)}@example.org`);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('That address is too long').waitFor();

    // A crafted link: the page drops the foreign callback and signs in back to this site.
    await page.goto(`${server.url}/signin?callbackUrl=${encodeURIComponent('https://evil.example/steal')}`);
    await expect(page.locator('input[name="callbackUrl"]').inputValue()).resolves.toBe('/');
    await new Promise((r) => setTimeout(r, 500));
    expect(mail.messages.length).toBe(before);
    await page.close();
  });

  it('limits sign-in emails per address', async () => {
    const other = await launchBrowser();
    const page = await other.newPage();
    for (let i = 1; i <= 5; i++) await askForEmail(page, 'eager@example.org');
    await page.goto(`${server.url}/signin`);
    await page.getByRole('main').getByLabel('Email address').fill('eager@example.org');
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText('Too many sign-in emails').waitFor();
    await other.close();
  });
});

describe('the account page', () => {
  it('changes the display name, downloads the member’s data and deletes the account', async () => {
    const own = await launchBrowser();
    const page = await own.newPage();
    await page.goto(`${server.url}/account`);
    await page.waitForURL(/\/signin\?callbackUrl=(%2F|\/)account/);
    await submitEmail(page, 'leaving@example.org');
    const { code } = readSignInEmail(await mail.waitFor('leaving@example.org'));
    await finishWithCode(page, code, 'Leaf');
    await page.waitForURL(`${server.url}/account`);
    await page.getByText('Signed in as leaving@example.org').waitFor();

    await page.getByRole('textbox', { name: 'Display name' }).fill('Autumn Leaf');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Saved. Others now see you as “Autumn Leaf”.').waitFor();

    const download = await page.request.get(`${server.url}/api/account/export`);
    expect(download.headers()['cache-control']).toBe('private, no-store');
    expect(download.headers()['content-disposition']).toContain('attachment');
    const data = await download.json();
    expect(data.profile).toMatchObject({ name: 'Autumn Leaf', email: 'leaving@example.org', role: 'member' });
    expect(data.comments).toEqual([]);

    await page.getByLabel(/To confirm, type/).fill('delete');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('Type “delete my account” to confirm.').waitFor();
    await page.getByText('Choose what happens to your comments.').waitFor();
    await page.getByLabel(/Keep them in the conversations/).check();
    await page.getByLabel(/To confirm, type/).fill('delete my account');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/\/signin\?deleted=1/);
    await page.getByText('Your account has been deleted.').waitFor();
    await expect(whoAmI(page)).resolves.toBeNull();
    await expect(db.get("select cast(count(*) as integer) as n from users where email = 'leaving@example.org'")).resolves.toEqual({ n: 0 });
    await own.close();
  });

  it('answers 401 to a data download without a session, and sends signed-out visitors to sign in', async () => {
    const response = await fetch(`${server.url}/api/account/export`);
    expect(response.status).toBe(401);
    const me = await fetch(`${server.url}/api/me`);
    expect(me.headers.get('cache-control')).toBe('private, no-store');
    expect(await me.json()).toEqual({ user: null });
    const account = await fetch(`${server.url}/account`, { redirect: 'manual' });
    expect(account.status).toBeGreaterThanOrEqual(300);
    expect(account.headers.get('location')).toContain('/signin');
  });
});
