/**
 * A member's data the way a person handles it: they sign in, comment and subscribe, download their data from
 * /account (the file lists the comment, the subscription and the sign-in email they were sent), then delete the
 * account from /account. Afterwards no table of the database holds their address or their name, not even the
 * outbox that carried their sign-in email.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { startServer } from './server';
import { signInAsNewMember, whoAmI } from './sign-in-steps';

const NAME = 'Zoë Ñúñez-Ķirsīte';
const EMAIL = 'zoe.nunez+hearth@example.org';

let mail: MailCatcher;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: BrowserContext;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, EMAIL_FROM: 'Hearth <hello@hearth.test>' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mail?.close();
});

/** Every table and column of the database file whose text holds one of the needles (any case). */
function scanDatabase(file: string, needles: string[]): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const found: string[] = [];
    for (const { name } of db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]) {
      for (const row of db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : null;
          if (text && needles.some((needle) => text.toLowerCase().includes(needle.toLowerCase()))) found.push(`${name}.${column}`);
        }
      }
    }
    return found;
  } finally {
    db.close();
  }
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
  expect(scanDatabase(server.databaseFile, [EMAIL, NAME]).length).toBeGreaterThan(0);

  await page.getByLabel(/Remove them/).check();
  await page.getByLabel(/To confirm, type/).fill('delete my account');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.waitForURL(/\/signin\?deleted=1/);
  await expect(whoAmI(page)).resolves.toBeNull();
  expect(scanDatabase(server.databaseFile, [EMAIL, NAME, 'Pacing saved my winter'])).toEqual([]);
  await page.close();
}, 180_000);
