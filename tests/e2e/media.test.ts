/**
 * Pictures where writers want them, in Chromium against the built app: the media library (several uploads
 * at once with progress, a hostile file refused on its own, alt text and caption, search, where-used, a used
 * image protected and an unused one deleted), inserting a library image into a post from the editor, and
 * what readers and link previews then get (sized responsive figure; the cover as the share image).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let browser: BrowserContext;
let page: Page;
let folder: string;
/** The published post's address, once the editor journey has published it. */
let postPath: string;

const GARDEN = 'Zoë’s garden ☀.jpg';
const LUKE = 'Łukasz "Luke" ‹Żółć›.png';
const SUNFLOWER = '🌻 sunflower.webp';
const GARDEN_ALT = 'Raised beds of beans and marigolds by a wooden shed';
const GARDEN_CAPTION = 'June at the allotment — 100% pacing, 0% digging ☀';
const POST_TITLE = 'Zoë’s garden in June';

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'media-admin@example.org' } });
  browser = await launchBrowser();
  page = await browser.newPage();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-media-'));
  const make = (width: number, height: number, background: string) => sharp({ create: { width, height, channels: 3, background } });
  await make(2000, 1333, '#4f7a3a').jpeg().toFile(path.join(folder, GARDEN));
  await make(640, 480, '#3a5f9a').png().toFile(path.join(folder, LUKE));
  await make(900, 900, '#e8b923').webp().toFile(path.join(folder, SUNFLOWER));
  await make(2400, 1260, '#e0642a').jpeg().toFile(path.join(folder, 'cover.jpg'));
  fs.writeFileSync(path.join(folder, 'notes.png'), 'Shopping list: beans, marigolds. Not a picture.');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mail?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const card = (name: string) =>
  page
    .getByRole('list', { name: 'Images' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name }) });
const search = async (text: string) => {
  await page.getByLabel('File name, alt text or caption').fill(text);
  await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === text);
};
const altField = (dialog: ReturnType<Page['getByRole']>) => dialog.getByRole('textbox', { name: 'Alt text', exact: true });
const setTheme = (theme: string) => page.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);

describe('the media library', () => {
  it('uploads several images at once, each with its own progress and answer, and shows their thumbnails', async () => {
    await signInAsNewMember(page, server.url, mail, 'media-admin@example.org', 'Zoë O’Brien-Ñúñez', '/admin');
    await page.getByRole('navigation', { name: 'Site administration' }).getByRole('link', { name: 'Media' }).click();
    await page.getByRole('heading', { level: 1, name: 'Media library' }).waitFor();
    await page.getByText('No images yet: add some above.').waitFor();

    // More than 20 at once is refused as a whole, before anything is sent.
    const tiny = {
      name: 'tiny.png',
      mimeType: 'image/png',
      buffer: await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    };
    await page.getByLabel('Choose images').setInputFiles(Array.from({ length: 21 }, (_, i) => ({ ...tiny, name: `tiny-${i}.png` })));
    await page.getByText('You chose 21 files: please upload at most 20 at a time. Nothing was uploaded.').waitFor();

    await page.getByLabel('Choose images').setInputFiles([GARDEN, LUKE, SUNFLOWER, 'notes.png'].map((name) => path.join(folder, name)));
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await expect(uploads.getByRole('progressbar').count()).resolves.toBe(4);
    await page.getByText('3 of 4 images uploaded.').waitFor({ timeout: 30_000 });
    await uploads.getByRole('listitem').filter({ hasText: 'notes.png' }).getByText('That file is not a JPEG, PNG, WebP or GIF image.').waitFor();
    for (const name of [GARDEN, LUKE, SUNFLOWER]) {
      await expect(uploads.getByRole('progressbar', { name: `Upload of ${name}` }).getAttribute('value')).resolves.toBe('1');
      await card(name).waitFor();
    }
    await expect(page.getByRole('list', { name: 'Images' }).getByRole('listitem').count()).resolves.toBe(3);
    // Thumbnails are the smallest stored copy, and they load.
    const thumbnail = card(GARDEN).locator('img'); // no alt text yet: a presentational image
    await expect(thumbnail.getAttribute('src')).resolves.toMatch(/^\/media\/[a-f0-9]{32}-400\.webp$/);
    await thumbnail.scrollIntoViewIfNeeded();
    await expect(thumbnail.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBe(400);
  }, 120_000);

  it('describes an image, and finds images by file name, alt text and caption', async () => {
    const form = page.getByRole('form', { name: `Describe ${GARDEN}` });
    await form.getByLabel('Alt text').fill(GARDEN_ALT);
    await form.getByLabel('Caption (optional)').fill(GARDEN_CAPTION);
    await form.getByRole('button', { name: 'Save description' }).click();
    await form.getByText('Saved.').waitFor();

    await search('sunflower');
    await card(SUNFLOWER).waitFor();
    await expect(page.getByRole('list', { name: 'Images' }).getByRole('listitem').count()).resolves.toBe(1);
    await search('marigolds');
    await card(GARDEN).waitFor();
    await expect(page.getByRole('list', { name: 'Images' }).getByRole('listitem').count()).resolves.toBe(1);
    await expect(
      page
        .getByRole('form', { name: `Describe ${GARDEN}` })
        .getByLabel('Caption (optional)')
        .inputValue(),
    ).resolves.toBe(GARDEN_CAPTION);
    await search('100% pacing');
    await card(GARDEN).waitFor();
    await search('nothing like this');
    await page.getByText('No image’s name, alt text or caption contains “nothing like this”.').waitFor();
  });

  it.each(['light', 'dark'])('has no axe violations in %s colours', async (theme) => {
    await setTheme(theme);
    await page.goto(`${server.url}/admin/media`);
    await card(GARDEN).waitFor();
    expect(await violations(page)).toEqual([]);
  });
});

describe('on a 375-pixel-wide phone', () => {
  it('fits the library and the insert dialog without sideways scrolling, with controls at least 44 px tall', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    // A checkbox's target is its whole label (label.choice), which is what is measured.
    const check = (scope: string) =>
      page.evaluate(
        (within) => ({
          width: document.documentElement.scrollWidth,
          small: [...document.querySelectorAll<HTMLElement>(['button', 'input:not([type=hidden]):not([type=checkbox])', 'label.choice'].map((c) => `${within} ${c}`).join(', '))]
            .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
            .map((el) => el.outerHTML.slice(0, 80)),
        }),
        scope,
      );
    try {
      await page.goto(`${server.url}/admin/media`);
      await card(GARDEN).waitFor();
      expect(await check('main')).toEqual({ width: 375, small: [] });
      await page.goto(`${server.url}/admin/posts/new`);
      await page.getByRole('button', { name: 'Insert image' }).click();
      await page.getByRole('dialog', { name: 'Insert an image' }).getByRole('button', { name: GARDEN }).click();
      // The editor around it is the editor's own business; the dialog is this one's.
      expect(await check('dialog[open]')).toEqual({ width: 375, small: [] });
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  }, 120_000);
});

describe('inserting an image into a post', () => {
  it('passes axe with the dialog open, in light and dark colours', async () => {
    for (const theme of ['light', 'dark']) {
      await setTheme(theme);
      await page.goto(`${server.url}/admin/posts/new`);
      await page.getByRole('button', { name: 'Insert image' }).click();
      const dialog = page.getByRole('dialog', { name: 'Insert an image' });
      await dialog.getByRole('button', { name: GARDEN }).click();
      await altField(dialog).waitFor();
      expect({ theme, found: await violations(page) }).toEqual({ theme, found: [] });
    }
    await setTheme('light');
  }, 120_000);

  it('picks a library image, insists on alt text, inserts it, and readers get a sized, responsive figure with its caption', async () => {
    await page.goto(`${server.url}/admin/posts/new`);
    const form = page.getByRole('form', { name: 'Post' });
    await form.getByLabel('Title').fill(POST_TITLE);
    await form.getByLabel('Summary').fill('What grew, and how I paced the watering.');
    await form.getByLabel('Text (Markdown)').fill('The beans came first.\n\nThen the marigolds.');
    // Saved first: a new post's first (auto)save moves the editor to the post's own address.
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/admin\/posts\/\d+$/);
    await form.getByText('All changes saved.').waitFor();
    // The cursor goes after the first paragraph.
    await form.getByLabel('Text (Markdown)').evaluate((t: HTMLTextAreaElement) => t.setSelectionRange(21, 21));

    await form.getByRole('button', { name: 'Insert image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert an image' });
    await dialog.getByRole('button', { name: GARDEN }).click();
    await expect(altField(dialog).inputValue()).resolves.toBe(GARDEN_ALT);
    await expect(dialog.getByLabel('Caption (optional)').inputValue()).resolves.toBe(GARDEN_CAPTION);
    await altField(dialog).fill('');
    await dialog.getByRole('button', { name: 'Insert into the text' }).click();
    await dialog.getByText('Describe the image for people who cannot see it, or mark it as decoration only.').waitFor();
    await altField(dialog).fill('Beans and marigolds in raised beds');
    await dialog.getByRole('button', { name: 'Insert into the text' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const body = await form.getByLabel('Text (Markdown)').inputValue();
    expect(body).toMatch(
      /^The beans came first\.\n\n!\[Beans and marigolds in raised beds\]\(\/media\/[a-f0-9]{32}\.webp "June at the allotment — 100% pacing, 0% digging ☀"\)\n\nThen the marigolds\.$/,
    );
    await page.getByTestId('post-preview').locator('figure figcaption').getByText(GARDEN_CAPTION).waitFor();

    await form.getByLabel('Upload a cover image').setInputFiles(path.join(folder, 'cover.jpg'));
    await form.getByText('Uploaded (1600 × 840 pixels).').waitFor();
    await form.getByLabel('Image description (alt text)').fill('An orange sunset over the allotment');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText(/^Saved at/).waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByText(/^Published\./).waitFor();

    postPath = `/posts/${await page.getByRole('form', { name: 'Post' }).getByLabel('Web address (slug)').inputValue()}`;
    const reader = await browser.newPage();
    await reader.goto(`${server.url}${postPath}`);
    const figure = reader.locator('.prose figure');
    await expect(figure.locator('figcaption').textContent()).resolves.toBe(GARDEN_CAPTION);
    const image = figure.getByRole('img', { name: 'Beans and marigolds in raised beds' });
    expect(
      await image.evaluate((img: HTMLImageElement) => ({ width: img.getAttribute('width'), height: img.getAttribute('height'), loading: img.loading, decoding: img.decoding, sizes: img.sizes })),
    ).toEqual({
      width: '1600',
      height: '1066',
      loading: 'lazy',
      decoding: 'async',
      sizes: '(max-width: 48rem) 100vw, 46rem',
    });
    const srcset = (await image.getAttribute('srcset'))!;
    expect(srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['400w', '800w', '1200w', '1600w']);
    for (const candidate of srcset.split(', ').map((s) => s.split(' ')[0])) expect((await fetch(`${server.url}${candidate}`)).status).toBe(200);
    await image.scrollIntoViewIfNeeded();
    await reader.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.prose figure img');
      return Boolean(img?.complete && img.naturalWidth > 0);
    });
    await reader.close();
  }, 120_000);

  it('uses the cover as the post’s share image, and the generated card for a post without one', async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    const withCover = postPath;
    const withoutCover = [...home.matchAll(/href="(\/posts\/[^"]+)"/g)].map((m) => m[1]).find((p) => p !== postPath)!;
    const meta = async (postPath: string) => {
      const html = await (await fetch(`${server.url}${postPath}`)).text();
      const value = (property: string) => html.match(new RegExp(`<meta property="${property}" content="([^"]*)"`))?.[1].replace(/&amp;/g, '&');
      return { image: value('og:image')!, alt: value('og:image:alt'), type: value('og:image:type'), width: value('og:image:width') };
    };

    const cover = await meta(withCover);
    expect(cover).toMatchObject({ alt: 'An orange sunset over the allotment', type: 'image/jpeg', width: '1200' });
    expect(cover.image).toMatch(new RegExp(`^${server.url}${withCover}/opengraph-image[^/]*/cover-[a-f0-9]{32}(\\?|$)`));
    const coverImage = await fetch(cover.image);
    expect([coverImage.status, coverImage.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const pixels = sharp(Buffer.from(await coverImage.arrayBuffer()));
    expect(await pixels.metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    const { channels } = await pixels.stats();
    expect(channels.map((c) => Math.round(c.mean / 16))).toEqual([14, 6, 3]); // the cover's orange (#e0642a), not the card

    const card = await meta(withoutCover);
    expect(card).toMatchObject({ alt: 'The post title and the site name', type: 'image/png' });
    expect(card.image).toMatch(new RegExp(`^${server.url}${withoutCover}/opengraph-image[^/]*/card(\\?|$)`));
    const cardImage = await fetch(card.image);
    expect([cardImage.status, cardImage.headers.get('content-type')]).toEqual([200, 'image/png']);
  });
});

describe('where images are used, and deleting', () => {
  it('protects a used image, and deletes an unused one with its files', async () => {
    await page.goto(`${server.url}/admin/media`);
    const used = card(GARDEN);
    await used.getByRole('link', { name: `the text of the post “${POST_TITLE}”` }).waitFor();
    const refused = used.getByRole('button', { name: `Delete ${GARDEN}` });
    await expect(refused.isDisabled()).resolves.toBe(true);
    await used.getByText(`It cannot be deleted while it is used in the text of the post “${POST_TITLE}”.`).waitFor();
    await card('cover.jpg')
      .getByRole('link', { name: `the cover of the post “${POST_TITLE}”` })
      .waitFor();

    const unused = card(LUKE);
    await unused.getByText('Not used anywhere yet.').waitFor();
    const file = (await unused.locator('img').getAttribute('src'))!.replace(/-\d+\.webp$/, '.webp');
    expect((await fetch(`${server.url}${file}`)).status).toBe(200);
    await unused.getByRole('button', { name: `Delete ${LUKE}` }).click();
    await unused.waitFor({ state: 'detached' });
    expect((await fetch(`${server.url}${file}`)).status).toBe(404);
    await card(GARDEN).waitFor();
  });
});
