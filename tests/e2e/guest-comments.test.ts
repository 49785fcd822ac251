/**
 * Imported guests' comments in the built app (issue 15): the post page shows the guest's name and never
 * their address; signing in by email with that address makes the comments theirs: the thread shows their
 * account's name, /account lists them, they can edit one, and "download my data" includes them.
 */
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';

type Server = Awaited<ReturnType<typeof startServer>>;

let mail: MailCatcher;
let server: Server;
let db: SiteDatabase;
let browser: BrowserContext;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, EMAIL_FROM: 'Hearth <hello@hearth.test>' } });
  db = openSiteDatabase(server.databaseUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await db?.close();
  await browser?.close();
  await server?.stop();
  await mail?.close();
});

const ZOE = 'zoe.guest@example.org';
const LUKE = 'luke.guest@example.net';

it('shows guests by name only, and hands their comments to whoever signs in with that address', async () => {
  const postPath = (await (await fetch(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
  const post = (await db.get<{ id: number }>('SELECT id FROM posts WHERE slug = ?', [postPath.slice('/posts/'.length)]))!;
  const insertGuestComment = async (body: string, createdAt: Date, guestName: string, guestEmail: string) =>
    (await db.get<{ id: number }>(
      "INSERT INTO comments (post_id, parent_id, depth, author_id, body, html, status, created_at, guest_name, guest_email) VALUES (?, NULL, 0, NULL, ?, ?, 'approved', ?, ?, ?) RETURNING id",
      [post.id, body, `<p>${body}</p>`, createdAt, guestName, guestEmail],
    ))!.id;
  const at = Date.now() - 3_600_000;
  const zoeIds = [
    await insertGuestComment('Pacing saved my week', new Date(at), 'Zoë O’Brien-Ñúñez', ZOE),
    await insertGuestComment('Rest days count too', new Date(at + 1000), 'Zoë O’Brien-Ñúñez', ZOE),
  ];
  await insertGuestComment('Dzięki za wpis', new Date(at + 2000), 'Łukasz "Luke" ‹Żółć›', LUKE);

  const before = await (await fetch(`${server.url}${postPath}`)).text();
  expect(before).toContain('Zoë O’Brien-Ñúñez');
  expect(before).toContain('Łukasz &quot;Luke&quot; ‹Żółć›');
  for (const address of [ZOE, LUKE, 'zoe.guest', 'luke.guest']) expect(before.toLowerCase()).not.toContain(address);

  const page = await browser.newPage();
  await signInAsNewMember(page, server.url, mail, ZOE, 'Zoë Member', '/account');
  const yours = page.getByRole('region', { name: 'Your comments' });
  await yours.getByText('Pacing saved my week').waitFor();
  await yours.getByText('Rest days count too').waitFor();

  const exported = await page.evaluate(async () => (await (await fetch('/api/account/export')).json()) as { comments: { id: number }[] });
  expect(exported.comments.map((c) => c.id).sort()).toEqual([...zoeIds].sort());

  // The cached post page now shows the account's name (after the server's one-second page cache).
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  const after = await (await fetch(`${server.url}${postPath}`)).text();
  expect(after).toContain('Zoë Member');
  expect(after).not.toContain('Zoë O’Brien-Ñúñez');
  expect(after).toContain('Łukasz &quot;Luke&quot; ‹Żółć›');

  await page.goto(`${server.url}${postPath}`);
  const mine = page.getByRole('article', { name: /^Zoë Member/ }).filter({ hasText: 'Rest days count too' });
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine.getByLabel('Edit your comment').fill('Rest days count too, and naps.');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await mine.getByText('Rest days count too, and naps.').waitFor();
});
