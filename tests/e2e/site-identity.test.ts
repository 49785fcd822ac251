/**
 * Site identity against the built app over real HTTP and in Chromium: /favicon.ico is a real icon before
 * anything is uploaded; an admin uploads a site icon on /admin/settings (a non-image is refused first), sets
 * the time zone to America/New_York and the US date format, and then readers' pages show dates that way,
 * link the new icon, and /favicon.ico and the touch icons serve it. The settings page passes axe in light
 * and dark colours and fits a 375-pixel phone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { violations } from './axe';
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
let page: Page;
let folder: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'zoe@example.org' } });
  browser = await launchBrowser();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-identity-'));
  await sharp({ create: { width: 640, height: 640, channels: 3, background: '#e07020' } })
    .png()
    .toFile(path.join(folder, 'flame icon.png'));
  fs.writeFileSync(path.join(folder, 'not-really.png'), 'GIF? no: just text pretending to be a picture');
  // A post published late in the evening in New York (03:30 the next day in UTC), by a seeded author.
  db = openSiteDatabase(server.databaseUrl);
  const author = (await db.get<{ id: string }>("SELECT id FROM users WHERE role IN ('author', 'admin') LIMIT 1"))!;
  await db.run("INSERT INTO posts (slug, title, excerpt, body, status, published_at, author_id) VALUES ('late-night-notes', 'Late-night notes ✍️', '', 'Written after midnight.', 'published', ?, ?)", [
    new Date('2026-11-20T03:30:00Z'),
    author.id,
  ]);
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  await mail?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const fetchBytes = async (url: string) => {
  const response = await fetch(`${server.url}${url}`);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
};
/** The images an .ico holds (each a PNG), by the sizes its directory gives. */
const icoImages = (ico: Buffer) =>
  Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.subarray(ico.readUInt32LE(6 + 16 * i + 12), ico.readUInt32LE(6 + 16 * i + 12) + ico.readUInt32LE(6 + 16 * i + 8)));
const meanColour = async (png: Buffer) => (await sharp(png).stats()).channels.slice(0, 3).map((c) => Math.round(c.mean));
const iconHref = (html: string, rel: string) => new RegExp(`<link rel="${rel}" href="([^"]+)"`).exec(html)?.[1].replace(/&amp;/g, '&');

let defaultFavicon: Buffer;
let defaultTouchIcon: Buffer;

describe('site identity', () => {
  it('answers /favicon.ico with Hearth’s own icon before one is uploaded, and pages link it', async () => {
    const { response, body } = await fetchBytes('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    expect(body.readUInt16LE(2)).toBe(1); // an icon file
    expect(await sharp(icoImages(body)[0]).metadata()).toMatchObject({ format: 'png', width: 16 });
    defaultFavicon = body;
    const touch = await fetchBytes('/apple-touch-icon.png');
    expect(touch.response.headers.get('content-type')).toBe('image/png');
    defaultTouchIcon = touch.body;
    const home = await (await fetch(server.url)).text();
    expect(iconHref(home, 'icon')).toBe('/favicon.ico?v=hearth-1');
    expect(iconHref(home, 'apple-touch-icon')).toBe('/apple-touch-icon.png?v=hearth-1');
  });

  it('lets an admin upload an icon and set the time zone and date format; the settings page passes axe and fits a phone', async () => {
    page = await browser.newPage();
    await signInAsNewMember(page, server.url, mail, 'zoe@example.org', 'Zoë O’Brien-Ñúñez', '/admin/settings');
    await page.getByRole('heading', { level: 1, name: 'Site settings' }).waitFor();
    await page.waitForLoadState('networkidle');
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
      await page.reload();
      await page.waitForLoadState('networkidle');
      expect({ theme, found: await violations(page) }).toEqual({ theme, found: [] });
    }
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const zone = page.getByLabel('Time zone');
    expect((await zone.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    await page.getByLabel('Upload a site icon').setInputFiles(path.join(folder, 'not-really.png'));
    await page.getByText('That file is not a JPEG, PNG, WebP or GIF image.').waitFor();
    await page.getByLabel('Upload a site icon').setInputFiles(path.join(folder, 'flame icon.png'));
    await page.getByText('Uploaded (640 × 640 pixels).').waitFor();
    await zone.selectOption('America/New_York');
    await page.getByRole('radio', { name: /^US:/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/^Saved\./).waitFor();
  });

  it('shows readers dates in the US format and New York’s zone, and links and serves the new icon', async () => {
    const reader = await browser.newPage();
    await reader.goto(server.url);
    const firstDate = (await reader.locator('.post-card time').first().textContent())!;
    expect(firstDate).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    const iconUrl = await reader.locator('link[rel="icon"]').first().getAttribute('href');
    expect(iconUrl).toMatch(/^\/favicon\.ico\?v=u\d+$/);
    const touchUrl = (await reader.locator('link[rel="apple-touch-icon"]').getAttribute('href'))!;

    // 03:30 UTC on 20 November is still the 19th in New York.
    await reader.goto(`${server.url}/archive`);
    const late = reader.getByRole('listitem').filter({ hasText: 'Late-night notes ✍️' });
    await expect(late.locator('time').textContent()).resolves.toBe('November 19, 2026');
    await expect(late.locator('time').getAttribute('datetime')).resolves.toBe('2026-11-20T03:30:00.000Z');
    await reader.getByRole('heading', { level: 2, name: 'November 2026' }).waitFor();
    await reader.close();

    for (const url of ['/favicon.ico', iconUrl!]) {
      const { response, body } = await fetchBytes(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/x-icon');
      expect(body.equals(defaultFavicon)).toBe(false);
      const [r, g, b] = await meanColour(icoImages(body).at(-1)!);
      expect([Math.abs(r - 0xe0) < 12, Math.abs(g - 0x70) < 12, Math.abs(b - 0x20) < 12]).toEqual([true, true, true]);
    }
    const touch = await fetchBytes(touchUrl);
    expect(touch.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(touch.body.equals(defaultTouchIcon)).toBe(false);
    expect(await sharp(touch.body).metadata()).toMatchObject({ width: 180, height: 180 });
  });

  it('shows the admin’s dates in the site’s format too', async () => {
    await page.goto(`${server.url}/admin/people`);
    await expect(page.locator('main time').first().textContent()).resolves.toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    await page.close();
  });
});
