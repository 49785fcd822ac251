/**
 * Private view counting end to end: real Chromium readers load a post from the app's in-process page
 * cache and through nginx's micro-cache (both answer without Next rendering), and each view is counted by
 * the page's beacon under the real CSP; readers with Do Not Track or Global Privacy Control, and a headless
 * browser that says so, are not counted (their browser sends nothing); nothing personal reaches the database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BenchData } from '../../bench/seed';
import { startServer as startServerUntyped } from '../e2e/server';
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';

const startServer = startServerUntyped as unknown as (options: { databaseFile: string; env: Record<string, string> }) => ReturnType<typeof startServerUntyped>;

const root = path.join(__dirname, '..', '..');
const nginx = ensureNginx();
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
if ('unavailable' in nginx) console.warn(`Skipping the view counting tests: ${nginx.unavailable}`);
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;

/** A desktop Chrome's User-Agent with a marker the database must never contain. */
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 ZoeMarker/9';

describeWithNginx('counting views from real browsers', () => {
  let dir: string;
  let databaseFile: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  let proxy: RunningNginx;
  let browser: Browser;
  let postPath: string;
  let postId: number;
  const cspErrors: string[] = [];

  const views = (): number => {
    const db = new Database(databaseFile, { readonly: true });
    try {
      return (db.prepare('SELECT coalesce(sum(views), 0) AS n FROM page_view_counts WHERE post_id = ?').get(postId) as { n: number }).n;
    } finally {
      db.close();
    }
  };
  /**
   * The server hands its counts to the app every two seconds: polled until they arrive, then one more
   * interval, so that a view counted twice (or one that should not count) would show too.
   */
  async function waitForViews(expected: number): Promise<number> {
    for (let i = 0; i < 100 && views() < expected; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2500));
    return views();
  }

  async function reader(options: Parameters<Browser['newContext']>[0] = {}, init?: () => void): Promise<{ context: BrowserContext; page: Page; beacons: string[] }> {
    const context = await browser.newContext({ userAgent: READER_UA, ...options });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const beacons: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/views') beacons.push(request.postData() ?? '');
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    return { context, page, beacons };
  }

  /** Loads `url` and waits for its beacon's answer. */
  async function viewWithBeacon(page: Page, url: string, referer?: string) {
    const beacon = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/views');
    const response = await page.goto(url, { referer });
    expect((await beacon).status()).toBe(204);
    return response!;
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No build found: run `next build` first.');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-views-test-'));
    databaseFile = path.join(dir, 'hearth.db');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'bench/seed-cli.ts', JSON.stringify({ posts: 12, threadComments: 2, subscribers: 0 })], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      encoding: 'utf8',
    });
    const data = JSON.parse(output) as BenchData;
    postPath = `/posts/${data.threadPost.slug}`;
    postId = data.threadPost.id;
    // The page cache keeps a page for a minute here (1 s in production), so a slow machine still gets a hit.
    server = await startServer({ databaseFile, env: { TRUSTED_PROXIES: '127.0.0.1', PAGE_CACHE_MS: '60000' } });
    proxy = await startNginx((nginx as { binary: string }).binary, server.port);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await proxy?.stop();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts a view served from the app’s in-process page cache, with the referring site by host only', async () => {
    const { context, page } = await reader();
    const before = views();
    const first = await viewWithBeacon(page, server.url + postPath, 'https://forum.example.org/threads/42?member=zoe');
    const second = await viewWithBeacon(page, server.url + postPath);
    // The same CSP nonce twice: the second copy came from the page cache, not from Next.
    expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
    expect(await waitForViews(before + 2)).toBe(before + 2);
    const db = new Database(databaseFile, { readonly: true });
    expect(db.prepare('SELECT host, views FROM referrer_counts').all()).toEqual([{ host: 'forum.example.org', views: 1 }]);
    db.close();
    await context.close();
  });

  it('counts a view served from nginx’s micro-cache (nginx answers, the beacon still reaches the app)', async () => {
    const { context, page } = await reader();
    const before = views();
    let hits = 0;
    let loads = 0;
    for (let i = 0; i < 6 && hits === 0; i++) {
      const response = await viewWithBeacon(page, proxy.url + postPath);
      loads++;
      if (response.headers()['x-cache-status'] === 'HIT') hits++;
    }
    expect(hits).toBe(1);
    expect(await waitForViews(before + loads)).toBe(before + loads);
    await context.close();
  });

  it('sends nothing and counts nothing for readers with Do Not Track or Global Privacy Control', async () => {
    const before = views();
    const dnt = await reader({ extraHTTPHeaders: { DNT: '1' } }, () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }));
    const gpc = await reader({ extraHTTPHeaders: { 'Sec-GPC': '1' } }, () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    for (const { page } of [dnt, gpc]) {
      await page.goto(server.url + postPath);
      await page.goto(proxy.url + postPath);
      await page.waitForLoadState('networkidle');
    }
    expect(dnt.beacons).toEqual([]);
    expect(gpc.beacons).toEqual([]);
    // A browser that sends the headers but runs no such check (an older one) is refused by the server;
    // a plain reader's view sent after them shows the server has handed over everything before it.
    for (const header of [{ DNT: '1' }, { 'Sec-GPC': '1' }, {}] as Record<string, string>[]) {
      const answer = await fetch(`${server.url}/api/views`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'User-Agent': READER_UA, ...header }, body: JSON.stringify({ path: postPath }) });
      expect(answer.status).toBe(204);
    }
    expect(await waitForViews(before + 1)).toBe(before + 1);
    await dnt.context.close();
    await gpc.context.close();
  });

  it('does not count a headless browser that says it is one', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/HeadlessChrome/);
    const before = views();
    const beacon = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/views');
    await page.goto(server.url + postPath);
    expect((await beacon).status()).toBe(204);
    await context.close();
    // Then a reader: once their view is stored, everything sent before it has been handed over too.
    const { context: readerContext, page: readerPage } = await reader();
    await viewWithBeacon(readerPage, server.url + postPath);
    expect(await waitForViews(before + 1)).toBe(before + 1);
    await readerContext.close();
  });

  it('ran every beacon under the CSP, and stored no address, browser name or cookie anywhere', async () => {
    expect(cspErrors).toEqual([]);
    const db = new Database(databaseFile, { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const found: string[] = [];
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        const text = JSON.stringify(row);
        for (const needle of ['ZoeMarker', 'HeadlessChrome', '127.0.0.1', '::1', 'threads/42', 'member=zoe']) if (text.includes(needle)) found.push(`${table}: ${needle}`);
      }
    }
    db.close();
    expect(found).toEqual([]);
  });
});
