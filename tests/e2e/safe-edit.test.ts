/**
 * Safe editing in Chromium against the built app: an author changes a published post, autosave keeps the
 * change private (the post page, /feed.xml and search stay as they were, cached or not) until Update post
 * shows it everywhere at once; the revision list shows the earlier version with a diff, Restore + Update
 * brings it back, Discard drops another change. An admin's draft page answers 404 until published, and its
 * edits wait for Update page. The editor's main button is in view on a phone, on a new post too.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let db: SiteDatabase;
let authorBrowser: BrowserContext;
let adminBrowser: BrowserContext;
let page: Page;
let postId: number;

const SLUG = 'doses-of-amitriptyline';
const NEW_WORD = 'zzyzzxfood';
const AUTOSAVE_WAIT = { timeout: 20_000 };
// Each step waits out an autosave or two on a busy machine.
const STEP_MS = 120_000;

const text = async (path: string) => (await fetch(`${server.url}${path}`)).text();
const publicViews = async () => ({ post: await text(`/posts/${SLUG}`), feed: await text('/feed.xml'), search: await text(`/search?q=${NEW_WORD}`) });
const body = () => page.getByRole('form', { name: 'Post' }).getByLabel('Text (Markdown)');
const rowBody = async () => (await db.get<{ body: string }>('SELECT body FROM posts WHERE id = ?', [postId]))!.body;
const copies = () => db.all('SELECT fields FROM post_working_copies WHERE post_id = ?', [postId]);

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'ada@example.org' } });
  db = openSiteDatabase(server.databaseUrl);
  authorBrowser = await launchBrowser();
  adminBrowser = await launchBrowser();
});
afterAll(async () => {
  await db?.close();
  await authorBrowser?.close();
  await adminBrowser?.close();
  await server?.stop();
  await mail?.close();
});

describe('editing a published post safely', () => {
  it(
    'keeps autosaved changes private: the post, the feed and search are unchanged, even after a reload of the editor',
    async () => {
      page = await authorBrowser.newPage();
      await signInAsNewMember(page, server.url, mail, 'zoe@example.org', 'Zoë O’Brien-Ñúñez', '/');
      // An admin made her an author (the people page is another journey's).
      const zoe = (await db.get<{ id: string }>("UPDATE users SET role = 'author', slug = 'zoe-obrien' WHERE email = 'zoe@example.org' RETURNING id"))!;
      const category = (await db.get<{ id: number }>("SELECT id FROM categories WHERE slug = 'living-well'"))!;
      const post = (await db.get<{ id: number }>(
        "INSERT INTO posts (slug, title, excerpt, body, status, published_at, author_id, category_id) VALUES (?, ?, ?, ?, 'published', ?, ?, ?) RETURNING id",
        [SLUG, 'Doses of amitriptyline', 'What we learnt about low doses.', 'Start low, go slow.', new Date(Date.now() - 60_000), zoe.id, category.id],
      ))!;
      postId = post.id;
      const before = await publicViews(); // now cached, as readers would have it
      expect(before.post).toContain('Start low, go slow.');
      expect(before.feed).toContain('Doses of amitriptyline');

      await page.goto(`${server.url}/admin/posts/${postId}`);
      const form = page.getByRole('form', { name: 'Post' });
      await form.getByText('The editor shows the version on the site.').waitFor();
      expect(await form.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
      await body().fill(`Start low, go slow. Take it with ${NEW_WORD}.`);
      await form.getByText(/^Unsaved changes: kept privately/).waitFor();
      await form.getByText('Changes saved privately — not yet on the site.').waitFor(AUTOSAVE_WAIT);
      expect(await copies()).toHaveLength(1);
      expect(await rowBody()).toBe('Start low, go slow.');

      const after = await publicViews();
      expect(after.post).not.toContain(NEW_WORD);
      expect(after.feed).not.toContain(NEW_WORD);
      expect(after.search).not.toContain(`/posts/${SLUG}`);
      // And uncached: a fresh look at the database-backed feed of the category says the same.
      expect(await text('/category/living-well/feed.xml')).not.toContain(NEW_WORD);

      await page.reload();
      await page.getByText(/^You have unpublished changes from/).waitFor();
      await page.waitForFunction((word) => (document.querySelector<HTMLTextAreaElement>('#field-body')?.value ?? '').includes(word), NEW_WORD);
      await page.getByRole('form', { name: 'Post' }).getByRole('button', { name: 'Discard changes' }).waitFor();
    },
    STEP_MS,
  );

  it(
    'shows the change everywhere at once after Update post, and lists the earlier version with a diff',
    async () => {
      await page.getByRole('button', { name: 'Update post' }).click();
      await page.getByText('Updated: readers see the new version now.').waitFor();
      await pastSharedPageCache();
      const views = await publicViews();
      expect(views.post).toContain(NEW_WORD);
      expect(views.feed).toContain(NEW_WORD);
      expect(views.search).toContain(`/posts/${SLUG}`);
      expect(await copies()).toHaveLength(0);

      const versions = page.getByRole('region', { name: 'Earlier versions' }).getByRole('listitem');
      await expect(versions.count()).resolves.toBe(2);
      await expect(versions.nth(0).getByText('The same as the version on the site now.').count()).resolves.toBe(1);
      const earlier = versions.nth(1);
      await expect(earlier.getByRole('heading').textContent()).resolves.toContain('by Zoë O’Brien-Ñúñez');
      await expect(earlier.locator('ins').textContent()).resolves.toContain(NEW_WORD);
      await expect(earlier.locator('ins').textContent()).resolves.toContain('[on the site now:');
    },
    STEP_MS,
  );

  it(
    'restores the earlier version into the editor only; Update brings the old text back',
    async () => {
      await page.getByRole('region', { name: 'Earlier versions' }).getByRole('listitem').nth(1).getByRole('button', { name: 'Restore this version' }).click();
      await page.getByText(/^That version is in the editor now, saved privately/).waitFor();
      await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#field-body')?.value ?? '') === 'Start low, go slow.');
      expect(await text(`/posts/${SLUG}`)).toContain(NEW_WORD);

      // The editor with a working copy and revisions shown, in both colour schemes.
      for (const theme of ['light', 'dark']) {
        await page.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
        await page.reload();
        await page.getByText(/^You have unpublished changes from/).waitFor();
        expect({ theme, found: await violations(page) }).toEqual({ theme, found: [] });
      }

      await page.getByRole('button', { name: 'Update post' }).click();
      await page.getByText('Updated: readers see the new version now.').waitFor();
      await pastSharedPageCache();
      const post = await text(`/posts/${SLUG}`);
      expect(post).toContain('Start low, go slow.');
      expect(post).not.toContain(NEW_WORD);
    },
    STEP_MS,
  );

  it(
    'drops another change with Discard changes, leaving the post as it was',
    async () => {
      await body().fill('Never mind qqxqqword.');
      await page.getByText('Changes saved privately — not yet on the site.').waitFor(AUTOSAVE_WAIT);
      expect(await copies()).toHaveLength(1);
      await page.getByRole('button', { name: 'Discard changes' }).click();
      await page.getByText(/^Your unpublished changes were discarded/).waitFor();
      await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#field-body')?.value ?? '') === 'Start low, go slow.');
      expect(await copies()).toHaveLength(0);
      expect(await rowBody()).toBe('Start low, go slow.');
      expect(await text(`/posts/${SLUG}`)).not.toContain('qqxqqword');
    },
    STEP_MS,
  );

  it(
    'keeps the main button in view on a phone, on a new post before any save and while scrolling a long form',
    async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      const inView = async (name: string) => {
        const box = await page.getByRole('button', { name }).boundingBox();
        return Boolean(box && box.y >= 0 && box.y + box.height <= 812 && box.height >= 44);
      };
      await page.goto(`${server.url}/admin/posts/new`);
      await page.getByRole('heading', { level: 1, name: 'New post' }).waitFor();
      await expect(inView('Publish now')).resolves.toBe(true);
      await page.goto(`${server.url}/admin/posts/${postId}`);
      await page.getByLabel('Close comments on this post').scrollIntoViewIfNeeded();
      await expect(inView('Update post')).resolves.toBe(true);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    },
    STEP_MS,
  );
});

describe('pages: drafts and the same safe editing', () => {
  it(
    'answers 404 for a draft page until it is published, and keeps its edits private until Update page',
    async () => {
      const admin = await adminBrowser.newPage();
      await signInAsNewMember(admin, server.url, mail, 'ada@example.org', 'Ada', '/admin');
      await admin.goto(`${server.url}/admin/pages/new`);
      const form = admin.getByRole('form', { name: 'Page' });
      await form.getByLabel('Title').fill('Support groups ‹Żółć›');
      await form.getByLabel('Title').press('Tab'); // a web address is suggested from the title…
      await expect(form.getByLabel('Web address (slug)').inputValue()).resolves.toBe('support-groups-zo-c');
      await form.getByLabel('Web address (slug)').fill('support-groups'); // …and can be changed
      await form.getByLabel('Text (Markdown)').fill('We meet on Thursdays 🌿.');
      await form.getByRole('button', { name: 'Save draft' }).click();
      await admin.waitForURL(/\/admin\/pages\/\d+$/);
      await admin.getByText('Draft: readers cannot see this page.').waitFor();
      expect((await fetch(`${server.url}/support-groups`)).status).toBe(404);
      expect(await text('/sitemap.xml')).not.toContain('/support-groups');

      await admin.getByRole('button', { name: 'Publish now' }).click();
      await admin.getByText('Published: readers can see the page now.').waitFor();
      await pastSharedPageCache();
      const published = await fetch(`${server.url}/support-groups`);
      expect(published.status).toBe(200);
      expect(await published.text()).toContain('We meet on Thursdays 🌿.');

      await admin.getByRole('form', { name: 'Page' }).getByLabel('Text (Markdown)').fill('We meet on Fridays now.');
      await admin.getByText('Changes saved privately — not yet on the site.').waitFor(AUTOSAVE_WAIT);
      expect(await text('/support-groups')).toContain('We meet on Thursdays 🌿.');
      await admin.getByRole('button', { name: 'Update page' }).click();
      await admin.getByText('Updated: readers see the new version now.').waitFor();
      await pastSharedPageCache();
      expect(await text('/support-groups')).toContain('We meet on Fridays now.');
      await expect(admin.getByRole('region', { name: 'Earlier versions' }).getByRole('listitem').count()).resolves.toBe(2);
      await admin.close();
    },
    STEP_MS,
  );
});
