/**
 * An editor runs the blog from the browser, in Chromium against the built app: writes a post with a cover
 * image, watches the live preview, lets autosave keep the draft, previews it as readers will see it,
 * publishes it, and a reader finds it on the home page. Members and strangers get nothing of the admin area.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
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
let editorBrowser: BrowserContext;
let memberBrowser: BrowserContext;
let page: Page;
let imageFile: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'editor@example.org' } });
  db = openSiteDatabase(server.databaseUrl);
  editorBrowser = await launchBrowser();
  memberBrowser = await launchBrowser();
  imageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-image-')), 'heat-pad.png');
  await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#c96' } })
    .png()
    .toFile(imageFile);
});
afterAll(async () => {
  await db?.close();
  await editorBrowser?.close();
  await memberBrowser?.close();
  await server?.stop();
  await mail?.close();
  fs.rmSync(path.dirname(imageFile), { recursive: true, force: true });
});

const editorForm = () => page.getByRole('form', { name: 'Post' });

describe('writing and publishing a post from the browser', () => {
  it('writes a post with a cover image and a live preview, and autosave keeps the draft', async () => {
    page = await editorBrowser.newPage();
    await signInAsNewMember(page, server.url, mail, 'editor@example.org', 'Edie', '/admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Write a new post' }).click();
    await page.getByRole('heading', { level: 1, name: 'New post' }).waitFor();

    const form = editorForm();
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText('Give the post a title.').waitFor();

    await form.getByLabel('Title').fill('Tea with a heat pad');
    await expect(form.getByLabel('Web address (slug)').inputValue()).resolves.toBe('tea-with-a-heat-pad');
    await form.getByLabel('Summary').fill('A small winter ritual that helps some of us.');
    await form.getByLabel('Category').selectOption({ label: 'Living Well' });
    await form.getByLabel('Tags').fill('Winter, Comfort');
    await form.getByLabel('Text (Markdown)').fill('## Why it helps\n\nWarmth, a **pause**, and a cup.');
    await page.getByTestId('post-preview').getByRole('heading', { name: 'Why it helps' }).waitFor();
    await expect(page.getByTestId('post-preview').locator('strong').textContent()).resolves.toBe('pause');

    await form.getByLabel('Upload a cover image').setInputFiles(imageFile);
    await form.getByText('Uploaded (1600 × 1067 pixels).').waitFor();
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText('Describe the image for people who cannot see it.').waitFor();
    await form.getByLabel('Image description (alt text)').fill('A mug of tea beside a folded heat pad');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/admin\/posts\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Edit “Tea with a heat pad”' }).waitFor();

    // Autosave: a change is saved within a few seconds without pressing anything.
    await editorForm().getByLabel('Text (Markdown)').fill('## Why it helps\n\nWarmth, a **pause**, and a cup. Saved by itself.');
    await editorForm()
      .getByText(/^Unsaved changes/)
      .waitFor();
    await editorForm().getByText('All changes saved.').waitFor({ timeout: 15_000 });
    await page.reload();
    // The form fills in once the page's script runs.
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('#field-body')?.value ?? '').includes('Saved by itself.'));
  });

  it('previews it as readers will see it, while readers still get nothing', async () => {
    expect((await fetch(`${server.url}/posts/tea-with-a-heat-pad`)).status).toBe(404);
    await page.getByRole('link', { name: 'Preview as readers will see it' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tea with a heat pad' }).waitFor();
    const cover = page.getByRole('img', { name: 'A mug of tea beside a folded heat pad' });
    await expect(cover.getAttribute('width')).resolves.toBe('1600');
    await expect(cover.getAttribute('height')).resolves.toBe('1067');
    const image = await fetch(`${server.url}${await cover.getAttribute('src')}`);
    expect(image.headers.get('cache-control')).toContain('immutable');
    await page.getByRole('link', { name: 'Back to the editor' }).click();
  });

  it('publishes it, and a reader finds it on the home page and at its address', async () => {
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText('Published. Subscribers are being emailed.').waitFor();
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toContain('href="/posts/tea-with-a-heat-pad"');
    const post = await (await fetch(`${server.url}/posts/tea-with-a-heat-pad`)).text();
    expect(post).toContain('Warmth, a <strong>pause</strong>, and a cup. Saved by itself.');
    expect(post).toContain('A mug of tea beside a folded heat pad');

    // A new address keeps the old one working (a published post changes with Update post).
    await editorForm().getByLabel('Web address (slug)').fill('tea-and-a-heat-pad');
    await editorForm().getByRole('button', { name: 'Update post' }).click();
    await page.getByText('Updated: readers see the new version now.').waitFor();
    await pastSharedPageCache();
    const moved = await fetch(`${server.url}/posts/tea-with-a-heat-pad`, { redirect: 'manual' });
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toMatch(/\/posts\/tea-and-a-heat-pad$/);
  });

  it('lets the autosave give a new post its address in place: typing and an upload in progress carry on, one post is made', async () => {
    const writer = await editorBrowser.newPage();
    await writer.goto(`${server.url}/admin/posts/new`);
    const form = writer.getByRole('form', { name: 'Post' });
    await form.getByLabel('Title').fill('Łukasz’s slow mornings');
    await form.getByLabel('Summary').fill('Notes on getting going when everything aches.');
    const body = form.getByLabel('Text (Markdown)');
    await body.fill('First line, typed before the autosave.');
    // The autosave (every few seconds) makes the draft: the address changes, the page stays as it is (the
    // mark put on the form is still there: it was not rendered again from the server).
    await form.evaluate((el) => el.setAttribute('data-test-mark', 'typed here'));
    await writer.waitForURL(/\/admin\/posts\/\d+$/, { timeout: 20_000 });
    await writer.waitForTimeout(1500);
    await writer.getByRole('heading', { level: 1, name: 'New post' }).waitFor();
    await expect(form.getAttribute('data-test-mark')).resolves.toBe('typed here');
    await body.focus();
    await body.press('End');
    await body.pressSequentially(' And more after it.');
    await form.getByLabel('Upload a cover image').setInputFiles(imageFile);
    await form.getByText('Uploaded (1600 × 1067 pixels).').waitFor();
    await form.getByLabel('Image description (alt text)').fill('A window with morning light');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await writer.getByRole('heading', { level: 1, name: 'Edit “Łukasz’s slow mornings”' }).waitFor();
    await expect(form.getByLabel('Text (Markdown)').inputValue()).resolves.toBe('First line, typed before the autosave. And more after it.');
    await expect(form.getByLabel('Image description (alt text)').inputValue()).resolves.toBe('A window with morning light');
    expect(await db.get('SELECT CAST(count(*) AS INTEGER) AS n FROM posts WHERE title = ?', ['Łukasz’s slow mornings'])).toEqual({ n: 1 });
    await writer.close();
  });

  it('keeps members and strangers out of every admin page and route', async () => {
    const member = await memberBrowser.newPage();
    await signInAsNewMember(member, server.url, mail, 'reader@example.org', 'Rae', '/');
    for (const adminPath of ['/admin', '/admin/posts', '/admin/posts/new', '/admin/activity', '/admin/subscribers']) {
      await member.goto(`${server.url}${adminPath}`);
      await expect(member.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not available to you');
    }
    const preview = await member.request.post(`${server.url}/api/admin/preview`, { data: { body: '# hi' } });
    expect(preview.status()).toBe(403);
    const upload = await member.request.post(`${server.url}/api/admin/uploads`, { multipart: { file: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('not an image') } } });
    expect(upload.status()).toBe(403);
    expect((await fetch(`${server.url}/api/admin/preview`, { method: 'POST', body: '{"body":"x"}' })).status).toBe(401);
    const anonymous = await fetch(`${server.url}/admin/posts`, { redirect: 'manual' });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toContain('/signin?callbackUrl=%2Fadmin%2Fposts');
  });
});
