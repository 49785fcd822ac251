/**
 * A member's data the way a person handles it: they sign in, comment and subscribe, download their data from
 * /account (the file lists the comment, the subscription and the sign-in email they were sent), then delete the
 * account from /account. Afterwards no table of the database holds their address or their name, not even the
 * outbox that carried their sign-in email. On either engine.
 */
import fs from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { signInAsNewMember, whoAmI } from './sign-in-steps';

const NAME = 'Zoë Ñúñez-Ķirsīte';
const EMAIL = 'zoe.nunez+hearth@example.org';

let mail: MailCatcher;
let server: Awaited<ReturnType<typeof startServer>>;
let db: SiteDatabase;
let browser: BrowserContext;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, EMAIL_FROM: 'Hearth <hello@hearth.test>' } });
  db = openSiteDatabase(server.databaseUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  await mail?.close();
});

/** A column's value as text: strings, blobs (bytea), and PostgreSQL's jsonb, which arrives parsed. */
const textOf = (value: unknown): string | null =>
  typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : value !== null && typeof value === 'object' ? JSON.stringify(value) : null;

/** Every table and column of the database whose text holds one of the needles (any case). */
async function scanDatabase(needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of await db.tables()) {
    for (const row of await db.all<Record<string, unknown>>(`select * from ${name}`)) {
      for (const [column, value] of Object.entries(row)) {
        const text = textOf(value);
        if (text && needles.some((needle) => text.toLowerCase().includes(needle.toLowerCase()))) found.push(`${name}.${column}`);
      }
    }
  }
  return found;
}

it('downloads everything about the member from /account, then deleting the account from /account leaves no trace', async () => {
  const page = await browser.newPage();
  const postPath = (await (await fetch(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
  await signInAsNewMember(page, server.url, mail, EMAIL, NAME, postPath);
  await page.locator('#comment-form').getByLabel('Your comment').fill('Pacing saved my winter, Zoë here.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByText('Your comment is awaiting moderation').waitFor();

  await page.goto(`${server.url}/account`);
  const byEmail = page.getByRole('region', { name: 'New posts by email' });
  await byEmail.getByRole('button', { name: 'Subscribe' }).click();
  // The action answers with /account#subscription-heading: the same page, so it is read again.
  await page.waitForURL(/#subscription-heading$/);
  await page.reload();
  await byEmail.getByText(`New posts are emailed to ${EMAIL}.`).waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
  const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(data.profile).toMatchObject({ name: NAME, email: EMAIL });
  expect(data.comments.map((c: { body: string }) => c.body)).toEqual(['Pacing saved my winter, Zoë here.']);
  expect(data.subscription).toMatchObject({ email: EMAIL, status: 'confirmed' });
  expect(data.emailsToYou.map((m: { kind: string }) => m.kind)).toContain('sign-in');
  expect(data.sessions).toHaveLength(1);
  expect(JSON.stringify(data)).not.toMatch(/session_?token|hello@hearth/i);
  expect((await scanDatabase([EMAIL, NAME])).length).toBeGreaterThan(0);

  await page.getByLabel(/Remove them/).check();
  await page.getByLabel(/To confirm, type/).fill('delete my account');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.waitForURL(/\/signin\?deleted=1/);
  await expect(whoAmI(page)).resolves.toBeNull();
  await expect(scanDatabase([EMAIL, NAME, 'Pacing saved my winter'])).resolves.toEqual([]);
  await page.close();
}, 180_000);
