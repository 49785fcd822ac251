/**
 * A post's newsletter delivery on its admin page, live, in Chromium against the built app whose own mail
 * worker sends to a real SMTP server that refuses one address: queued at first, then sent, failed (with
 * the reason) and skipped for an address that left the list, without reloading. axe in light and dark.
 */
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { violations } from './axe';
import { signInAsNewMember } from './sign-in-steps';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let browser: BrowserContext;
let db: SiteDatabase;

beforeAll(async () => {
  mail = await startMailCatcher({ refuse: (address) => address.startsWith('gone-away') });
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'ada@example.org' } });
  db = openSiteDatabase(server.databaseUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  await mail?.close();
});

it('shows queued, then sent, failed with the reason, and skipped emails, updating by itself', async () => {
  const page = await browser.newPage();
  await signInAsNewMember(page, server.url, mail, 'ada@example.org', 'Ada', '/account');

  // Emails announcing one post, due in a few seconds (as publishing queues them), and one for another post.
  const [postId, otherId] = (await db.all<{ id: number }>("SELECT id FROM posts WHERE status = 'published' ORDER BY id LIMIT 2")).map((p) => p.id);
  const dueAt = new Date(Date.now() + 8_000);
  const addresses = { 'zoe.nunez@example.org': 'confirmed', 'lukasz@example.org': 'confirmed', 'gone-away@example.org': 'confirmed', 'left@example.org': 'unsubscribed' };
  for (const [email, status] of Object.entries(addresses)) {
    await db.run('INSERT INTO subscribers (email, status, frequency, all_categories) VALUES (?, ?, ?, ?)', [email, status, 'each-post', true]);
    await db.run("INSERT INTO outbox (kind, to_address, subject, text, html, next_attempt_at, post_id, dedupe_key) VALUES ('new-post', ?, 'A new post', 'text', '<p>html</p>', ?, ?, ?)", [
      email,
      dueAt,
      postId,
      `e2e:${email}`,
    ]);
  }
  await db.run("INSERT INTO outbox (kind, to_address, subject, text, html, next_attempt_at, post_id) VALUES ('new-post', 'someone@example.org', 'Other', 't', 'h', ?, ?)", [dueAt, otherId]);

  await page.goto(`${server.url}/admin/posts/${postId}`);
  const panel = page.getByRole('region', { name: 'Newsletter delivery' });
  const counts = () => panel.getByRole('definition').allTextContents();
  expect(await counts()).toEqual(['4', '0', '0', '0']);
  await panel.getByText('Still sending: these figures update by themselves.').waitFor();

  await page.waitForFunction(() => [...document.querySelectorAll('section[aria-labelledby="delivery-heading"] dd')].map((d) => d.textContent).join() === '0,2,1,1', null, { timeout: 30_000 });
  const list = panel.getByRole('list', { name: 'Each email' });
  await list.getByText(/gone-away@example\.org: Failed/).waitFor();
  await list.getByText(/No such mailbox here/).waitFor();
  await list.getByText(/left@example\.org: Skipped: unsubscribed/).waitFor();
  await expect(list.getByText('someone@example.org').count()).resolves.toBe(0);

  const report: Record<string, string[]> = {};
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
    await page.reload();
    await page.waitForLoadState('networkidle');
    const found = await violations(page);
    if (found.length) report[theme] = found;
  }
  expect(report).toEqual({});
});
