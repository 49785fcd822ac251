/**
 * Private view counting end to end, with no request beyond the page itself: real Chromium readers load a
 * post rendered fresh, from the app's in-process page cache and from nginx's micro-cache (which never
 * reaches the app and writes the view into the log the app reads), and follow a link inside the site (a Next client
 * navigation); each view is counted exactly once, and the link prefetches Next makes are not. Readers with
 * Do Not Track or Global Privacy Control, and a headless browser that says so, are not counted by the app
 * nor by nginx; nothing personal reaches the database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BenchData } from '../../bench/seed';
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer, type App } from './support/app';
import { createLastingDatabase, type LastingDatabase } from './support/lasting-database';

const root = path.join(__dirname, '..', '..');
const nginx = ensureNginx();
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
if ('unavailable' in nginx) console.warn(`Skipping the view counting tests: ${nginx.unavailable}`);
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;

/** A desktop Chrome's User-Agent with a marker the database must never contain. */
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 ZoeMarker/9';

describeWithNginx('counting views from real browsers', () => {
  let dir: string;
  let database: LastingDatabase;
  let db: SiteDatabase;
  let server: App;
  let proxy: RunningNginx;
  let browser: Browser;
  let postPath: string;
  const cspErrors: string[] = [];

  /** Views stored for one path, or for all post pages. */
  const views = async (counted = postPath): Promise<number> => {
    const where = counted === '/posts/*' ? "path LIKE '/posts/%'" : 'path = ?';
    return (await db.get<{ n: number }>(`SELECT CAST(coalesce(sum(views), 0) AS INTEGER) AS n FROM page_view_counts WHERE ${where}`, counted === '/posts/*' ? [] : [counted]))!.n;
  };
  /**
   * The server hands its counts to the app every two seconds: polled until they arrive, then one more
   * interval, so that a view counted twice (or one that should not count) would show too.
   */
  async function waitForViews(expected: number, counted = postPath): Promise<number> {
    for (let i = 0; i < 100 && (await views(counted)) < expected; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2500));
    return views(counted);
  }

  async function reader(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ userAgent: READER_UA, ...options });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    return { context, page };
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No build found: run `next build` first.');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-views-test-'));
    database = await createLastingDatabase(dir);
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'bench/seed-cli.ts', JSON.stringify({ posts: 12, threadComments: 2, subscribers: 0 })], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: dir },
      encoding: 'utf8',
    });
    const data = JSON.parse(output) as BenchData;
    postPath = `/posts/${data.threadPost.slug}`;
    const viewsLog = path.join(dir, 'nginx-views.log');
    // The page cache keeps a page for a minute here (1 s in production), so a slow machine still gets a hit.
    server = await startServer(database.serverOptions({ TRUSTED_PROXIES: '127.0.0.1', PAGE_CACHE_MS: '60000', NGINX_VIEWS_LOG: viewsLog }));
    db = openSiteDatabase(database.url);
    proxy = await startNginx((nginx as { binary: string }).binary, server.port, { viewsLog });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.stop();
    await db?.close();
    await server?.stop();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts a view rendered fresh and one served from the app’s in-process page cache, with the referring site by host only', async () => {
    const { context, page } = await reader();
    const before = await views();
    const first = await page.goto(server.url + postPath, { referer: 'https://forum.example.org/threads/42?member=zoe' });
    const second = await page.goto(server.url + postPath);
    // The same CSP nonce twice: the second copy came from the page cache, not from Next.
    expect(second!.headers()['content-security-policy']).toBe(first!.headers()['content-security-policy']);
    await page.waitForLoadState('networkidle');
    expect(await waitForViews(before + 2)).toBe(before + 2);
    expect(await db.all('SELECT host, views FROM referrer_counts')).toEqual([{ host: 'forum.example.org', views: 1 }]);
    await context.close();
  });

  it('counts each view through nginx once: its micro-cache HITs (reported by nginx) and what reaches the app', async () => {
    const { context, page } = await reader();
    const before = await views();
    const statuses: string[] = [];
    for (let i = 0; i < 6 && !statuses.includes('HIT'); i++) {
      const response = await page.goto(proxy.url + postPath);
      statuses.push(response!.headers()['x-cache-status']);
    }
    expect(statuses).toContain('HIT');
    expect(statuses.some((status) => status !== 'HIT')).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(await waitForViews(before + statuses.length)).toBe(before + statuses.length);
    await context.close();
  });

  it('counts a client navigation to another post once, and none of the prefetches Next made for its links', async () => {
    const allPosts = await views('/posts/*');
    const { context, page } = await reader();
    // Next prefetches the post links in view once the page is idle: none of those may count.
    const prefetched = page.waitForRequest((request) => Boolean(request.headers()['next-router-prefetch']) && new URL(request.url()).pathname.startsWith('/posts/'), { timeout: 20_000 });
    await page.goto(`${server.url}/`);
    await prefetched;
    await page.waitForLoadState('networkidle');
    const link = page.locator('main a[href^="/posts/"]').first();
    const target = (await link.getAttribute('href'))!.split(/[?#]/)[0];
    const before = await views(target);
    const rsc: string[] = [];
    page.on('request', (request) => {
      if (request.headers().rsc === '1') rsc.push(request.url());
    });
    await page.evaluate(() => Object.assign(window, { stayedOnThePage: true }));
    await link.click();
    await page.waitForURL(`**${target}`);
    await page.waitForLoadState('networkidle');
    // A client navigation: the same document, the page fetched as an RSC payload.
    expect(await page.evaluate(() => (window as unknown as { stayedOnThePage?: boolean }).stayedOnThePage)).toBe(true);
    expect(rsc.some((url) => new URL(url).pathname === target)).toBe(true);
    expect(await waitForViews(before + 1, target)).toBe(before + 1);
    expect(await views('/posts/*')).toBe(allPosts + 1);
    await context.close();
  });

  it('counts nothing for readers with Do Not Track or Global Privacy Control, fresh, cached or through nginx', async () => {
    const before = await views();
    for (const headers of [{ DNT: '1' }, { 'Sec-GPC': '1' }] as Record<string, string>[]) {
      const { context, page } = await reader({ extraHTTPHeaders: headers });
      for (let i = 0; i < 2; i++) {
        await page.goto(server.url + postPath);
        await page.goto(proxy.url + postPath);
      }
      await page.waitForLoadState('networkidle');
      await context.close();
    }
    // Then a plain reader: once their view is stored, everything before it has been handed over too.
    const { context, page } = await reader();
    await page.goto(proxy.url + postPath);
    expect(await waitForViews(before + 1)).toBe(before + 1);
    await context.close();
  });

  it('does not count a headless browser that says it is one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/HeadlessChrome/);
    const before = await views();
    await page.goto(server.url + postPath);
    await page.goto(proxy.url + postPath);
    await page.goto(proxy.url + postPath);
    await context.close();
    const { context: readerContext, page: readerPage } = await reader();
    await readerPage.goto(server.url + postPath);
    expect(await waitForViews(before + 1)).toBe(before + 1);
    await readerContext.close();
  });

  it('ran every page under the CSP, and stored no address, browser name or cookie anywhere', async () => {
    expect(cspErrors).toEqual([]);
    const found: string[] = [];
    for (const table of await db.tables()) {
      for (const row of await db.all<Record<string, unknown>>(`SELECT * FROM ${table}`)) {
        const text = JSON.stringify(row);
        for (const needle of ['ZoeMarker', 'HeadlessChrome', '127.0.0.1', '::1', 'threads/42', 'member=zoe']) if (text.includes(needle)) found.push(`${table}: ${needle}`);
      }
    }
    expect(found).toEqual([]);
  });
});
