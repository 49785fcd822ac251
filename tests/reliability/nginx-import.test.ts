/**
 * The admin import and export through the shipped nginx (deploy/nginx/hearth.conf), the way an admin uses
 * them: an export larger than the 10 MB every other request is held to goes through, unbuffered, to the
 * upload route; the import form in Chromium sends the export and an uploads archive, shows the job's
 * progress page and ends on the report; the "Export to WordPress" button downloads a WXR file.
 * The job runs the importer (lib/wordpress/import.ts), merged from its own branch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';
import { openSiteDatabase } from '../helpers/site-database';
import { freePort, startServer, type App } from './support/app';
import type { Person } from './support/database';
import { addPerson } from './support/site';
import { zipBuffer } from '../fixtures/wordpress/zip-writer';

const nginx = ensureNginx();
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;
jest.setTimeout(120_000);

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example.org</link><description></description>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.org</wp:base_site_url><wp:base_blog_url>https://old.example.org</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[mira]]></wp:author_login><wp:author_email><![CDATA[mira@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Mira]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
`;
const ITEM = `<item><title><![CDATA[Moving day notes]]></title><link>https://old.example.org/2024/05/01/moving-day-notes/</link><pubDate>Wed, 01 May 2024 09:00:00 +0000</pubDate><dc:creator><![CDATA[mira]]></dc:creator><guid isPermaLink="false">https://old.example.org/?p=42</guid><description></description><content:encoded><![CDATA[<p>We moved.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>42</wp:post_id><wp:post_date><![CDATA[2024-05-01 09:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-01 09:00:00]]></wp:post_date_gmt><wp:comment_status><![CDATA[open]]></wp:comment_status><wp:ping_status><![CDATA[closed]]></wp:ping_status><wp:post_name><![CDATA[moving-day-notes]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>0</wp:is_sticky></item>
`;
const TAIL = '</channel></rss>\n';
const ZIP = zipBuffer([{ name: '2024/05/readme.txt', data: Buffer.from('Uploads of the old site.') }]);

describeWithNginx('the admin import and export through the shipped nginx', () => {
  let app: App;
  let proxy: RunningNginx;
  let site: string;
  let admin: Person;
  let browser: BrowserContext | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-import-'));

  beforeAll(async () => {
    const proxyPort = await freePort();
    site = `http://localhost:${proxyPort}`;
    app = await startServer({ env: { SITE_URL: site, TRUSTED_PROXIES: '127.0.0.1' } });
    proxy = await startNginx((nginx as { binary: string }).binary, app.port, { port: proxyPort });
    const db = openSiteDatabase(app.databaseUrl);
    try {
      admin = await addPerson(db, 'admin', 'Ada Admin');
    } finally {
      await db.close();
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.stop();
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const put = (query: string, body: string) => fetch(`${site}/api/admin/import?${query}`, { method: 'PUT', headers: { Cookie: admin.cookie, 'Content-Type': 'application/octet-stream' }, body });

  test('an export over the 10 MB request limit reaches the app; other routes keep the limit', async () => {
    const big = HEAD + `<!-- ${'padding '.repeat(1_600_000)} -->\n` + ITEM + TAIL;
    expect(Buffer.byteLength(big)).toBeGreaterThan(12 * 1024 * 1024);
    const answer = await put('part=export', big);
    expect(answer.status).toBe(201);
    expect(await answer.json()).toMatchObject({ bytes: Buffer.byteLength(big) });
    const elsewhere = await fetch(`${site}/api/admin/uploads`, { method: 'POST', headers: { Cookie: admin.cookie, 'Content-Type': 'multipart/form-data; boundary=x' }, body: big });
    expect(elsewhere.status).toBe(413);
  });

  test('a file that is not an export gets the app’s own message through the proxy', async () => {
    const answer = await put('part=export', '%PDF-1.7 ' + 'x'.repeat(4000));
    expect(answer.status).toBe(415);
    expect((await answer.json()).error).toMatch(/not a WordPress export/);
  });

  test('in Chromium: choose the export and the uploads archive, watch the progress, read the report', async () => {
    fs.writeFileSync(path.join(dir, 'old-site.xml'), HEAD + ITEM + TAIL);
    fs.writeFileSync(path.join(dir, 'uploads.zip'), ZIP);
    browser = await launchBrowser();
    await browser.addCookies([{ name: 'authjs.session-token', value: admin.cookie.split('=')[1], url: site }]);
    const page = await browser.newPage();
    await page.goto(`${site}/admin/import`);
    await page.getByLabel('WordPress export (.xml)').setInputFiles(path.join(dir, 'old-site.xml'));
    await page.getByLabel(/uploads folder as a \.zip/).setInputFiles(path.join(dir, 'uploads.zip'));
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL(/\/admin\/import\/\d+$/, { timeout: 30_000 });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Import of old-site.xml');
    await page.getByRole('heading', { name: 'What was imported' }).waitFor({ timeout: 60_000 });
    const posts = page.getByRole('row', { name: /^Posts/ });
    expect(await posts.textContent()).toMatch(/Posts\s*1/);
    // A reload finds the same job and its report.
    await page.reload();
    await page.getByRole('heading', { name: 'What was imported' }).waitFor();
    expect((await fetch(`${site}/posts/moving-day-notes`)).status).toBe(200);
  });

  test('the Export to WordPress button downloads a WXR file with the imported post', async () => {
    browser ??= await launchBrowser();
    await browser.addCookies([{ name: 'authjs.session-token', value: admin.cookie.split('=')[1], url: site }]);
    const page = await browser.newPage();
    await page.goto(`${site}/admin/import`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to WordPress (WXR)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^hearth-export-\d{4}-\d{2}-\d{2}\.xml$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    expect(text).toContain(`<wp:base_site_url>${site}</wp:base_site_url>`);
  });
});
