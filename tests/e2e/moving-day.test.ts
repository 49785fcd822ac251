/**
 * Moving day, the whole way a community takes it (issue 15): an admin uploads the old site's WordPress
 * export and its uploads archive on /admin/import and watches the import run to its report; a reader
 * follows an old dated address from a chat group and lands on the post with its pictures and its
 * threaded comments; a guest who commented on the old site signs in with that address and finds those
 * comments on /account as theirs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';
import { makeWxr } from '../fixtures/wordpress/make-wxr';
import { communitySite, GUESTS } from '../fixtures/wordpress/community-site';
import { writeUploadsZip } from '../fixtures/wordpress/uploads';

type Server = Awaited<ReturnType<typeof startServer>>;
jest.setTimeout(180_000);

const ADMIN = 'moving-admin@example.org';
let mail: MailCatcher;
let server: Server;
let browser: BrowserContext;
let zoeBrowser: BrowserContext | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-moving-day-'));

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: ADMIN } });
  browser = await launchBrowser();
  fs.writeFileSync(path.join(dir, 'gentle-steps.WordPress.2026-11-26.xml'), makeWxr(communitySite));
  await writeUploadsZip(path.join(dir, 'uploads.zip'));
});
afterAll(async () => {
  await browser?.close();
  await zoeBrowser?.close();
  await server?.stop();
  await mail?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('imports a WordPress site from the admin, and its readers and guests find everything at the old addresses', async () => {
  const admin = await browser.newPage();
  await signInAsNewMember(admin, server.url, mail, ADMIN, 'Ada Admin', '/admin');
  await admin.getByRole('navigation', { name: 'Site administration' }).getByRole('link', { name: 'Import and export' }).click();
  await admin.getByLabel('WordPress export (.xml)').setInputFiles(path.join(dir, 'gentle-steps.WordPress.2026-11-26.xml'));
  await admin.getByLabel(/uploads folder as a \.zip/).setInputFiles(path.join(dir, 'uploads.zip'));
  await admin.getByRole('button', { name: 'Start the import' }).click();
  await admin.waitForURL(/\/admin\/import\/\d+$/, { timeout: 30_000 });
  await admin.getByRole('heading', { name: 'What was imported' }).waitFor({ timeout: 90_000 });
  // The two published posts and the scheduled one; the private post and the draft come in as drafts.
  expect(await admin.getByRole('row', { name: /^Posts/ }).textContent()).toMatch(/Posts\s*6/);
  // The report names what changed: the unknown shortcode and the missing picture.
  await admin
    .getByText(/\[poll id="3"\]|poll/)
    .first()
    .waitFor();
  await admin
    .getByText(/missing\.jpg|The old kitchen/)
    .first()
    .waitFor();

  // A reader follows an old link from the community's chat group (with its trailing slash).
  const reader = await browser.newPage();
  const landed = await reader.goto(`${server.url}/2024/05/01/pacing-gently/`);
  expect(landed?.status()).toBe(200);
  expect(new URL(reader.url()).pathname).toBe('/posts/pacing-gently');
  await reader.getByRole('heading', { level: 1, name: 'Pacing, gently' }).waitFor();
  const article = reader.getByRole('article').first();
  // Its pictures are Hearth's own copies, described as on the old site; the caption is a caption.
  const bench = reader.getByRole('img', { name: 'A bench in the garden' }).last();
  expect(await bench.getAttribute('src')).toMatch(/^\/media\/[a-f0-9]{32}(-\d+)?\.webp$/);
  expect(await bench.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await article.getByText('Our resting bench').waitFor();
  expect(await reader.content()).not.toContain('<!--more-->');
  // The six-deep chain keeps its order, nested three deep at most; guests show by name, never by address.
  const levels = await reader.getByText(/^Reply level \d$/).allTextContents();
  expect(levels).toEqual(['Reply level 1', 'Reply level 2', 'Reply level 3', 'Reply level 4', 'Reply level 5', 'Reply level 6']);
  const deepest = reader.getByRole('article').filter({ hasText: 'Reply level 6' }).last();
  expect(
    await deepest.evaluate((node) => {
      let depth = 0;
      for (let n: Element | null = node; n; n = n.parentElement) if (n.matches('article')) depth++;
      return depth;
    }),
  ).toBeLessThanOrEqual(4);
  await reader.getByText(GUESTS.zoe.author).first().waitFor();
  const html = (await reader.content()).toLowerCase();
  for (const guest of Object.values(GUESTS)) if (guest.authorEmail) expect(html).not.toContain(guest.authorEmail.toLowerCase());
  // Spam, trash and pingbacks never came over.
  expect(html).not.toContain('buy now');
  expect(html).not.toContain('a pingback');

  // Old addresses of other kinds land too; one that matches nothing stays missing.
  for (const [old, now] of [
    ['/?p=202', '/posts/kitchen-notes'],
    ['/category/pacing/', '/category/pacing'],
    ['/feed/', '/feed.xml'],
  ]) {
    // Permanent, and (after Next's own trailing-slash hop, where there is a slash) at the new address.
    expect([301, 308]).toContain((await fetch(`${server.url}${old}`, { redirect: 'manual' })).status);
    const followed = await fetch(`${server.url}${old}`);
    expect(followed.status).toBe(200);
    expect(new URL(followed.url).pathname).toBe(now);
  }
  expect((await fetch(`${server.url}/2019/01/01/never-written/`)).status).toBe(404);

  // Zoë commented as a guest on the old site; she signs in here with that address (any letter case).
  // Her own browser: the admin's session lives in this one.
  zoeBrowser = await launchBrowser();
  const zoe = await zoeBrowser.newPage();
  await signInAsNewMember(zoe, server.url, mail, GUESTS.zoe.authorEmail.toLowerCase(), 'Zoë', '/account');
  const yours = zoe.getByRole('region', { name: 'Your comments' });
  await yours.getByText('Reply level 1').waitFor();
  await yours.getByText(/Lovely/).waitFor();
});
