/**
 * The shipped nginx configuration (deploy/nginx/hearth.conf) in front of the built app: reader pages are
 * micro-cached for everyone, members included, a member's new comment is in the page they get at once (their
 * write marks their browser for a few seconds) and in everyone's within the cache lifetime, and nothing
 * per-visitor is ever answered from the cache.
 * Real processes only: the app on a migrated database of the run's engine, nginx, an SMTP catcher, Chromium for sign-in.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchData } from '../../bench/seed';
import { signInMembers } from '../../bench/sessions';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';
import { startServer, type App } from './support/app';
import { createLastingDatabase, type LastingDatabase } from './support/lasting-database';

const root = path.join(__dirname, '..', '..');
const nginx = ensureNginx();
const FROM_CACHE = ['HIT', 'STALE', 'UPDATING', 'REVALIDATED'];

// CI installs nginx (.ci/run): there a missing nginx is a failure, not a skip.
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
if ('unavailable' in nginx) console.warn(`Skipping the nginx micro-cache tests: ${nginx.unavailable}`);
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;

describeWithNginx('nginx micro-cache in front of Hearth', () => {
  let dir: string;
  let database: LastingDatabase;
  let mail: MailCatcher;
  let server: App;
  let proxy: RunningNginx;
  let data: BenchData;
  let cookie: string;
  let postPath: string;

  const get = (pathname: string, headers: Record<string, string> = {}) => fetch(proxy.url + pathname, { headers, redirect: 'manual' });
  const cacheStatus = (response: Response) => response.headers.get('x-cache-status') ?? '(none)';

  /** Fetches until `accept` holds for a response, at most `tries` times; returns every cache status seen. */
  async function fetchUntil(pathname: string, accept: (response: Response, body: string) => boolean, headers: Record<string, string> = {}, tries = 40) {
    const seen: string[] = [];
    for (let i = 0; i < tries; i++) {
      const response = await get(pathname, headers);
      const body = await response.text();
      seen.push(cacheStatus(response));
      if (accept(response, body)) return { found: true, seen };
      await new Promise((r) => setTimeout(r, 150));
    }
    return { found: false, seen };
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No build found: run `next build` first.');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-nginx-test-'));
    database = await createLastingDatabase(dir);
    // The benchmark's seeding, small: members who already have an approved comment, so a new one is published at once.
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'bench/seed-cli.ts', JSON.stringify({ posts: 25, threadComments: 2, subscribers: 0 })], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: dir },
      encoding: 'utf8',
    });
    data = JSON.parse(output) as BenchData;
    postPath = `/posts/${data.threadPost.slug}`;
    mail = await startMailCatcher();
    // The proxy is the app's only trusted peer, as the deployment docs say.
    server = await startServer(database.serverOptions({ EMAIL_SERVER: mail.url, TRUSTED_PROXIES: '127.0.0.1' }));
    proxy = await startNginx((nginx as { binary: string }).binary, server.port);
    // Cookies belong to a host, not a port: the session made on the app works through nginx on localhost too.
    [cookie] = await signInMembers(server.url, mail, [data.memberEmails[0]], 1);
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
    await mail?.close();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers anonymous readers from the cache, gzipped or plain, each from its own stored copy', async () => {
    const cached = await fetchUntil(postPath, (response) => response.headers.get('x-cache-status') === 'HIT');
    expect(cached).toMatchObject({ found: true });

    const gzip = await get(postPath, { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await get(postPath, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain(`id="comment-`);
    const plainCached = await fetchUntil(postPath, (response) => response.headers.get('x-cache-status') === 'HIT', { 'accept-encoding': 'identity' });
    expect(plainCached).toMatchObject({ found: true });
  });

  it('answers a feed reader whose copy is current with 304, from the cache and past it', async () => {
    for (const feed of ['/feed.xml', '/atom.xml', '/feed.json']) {
      const first = await get(feed);
      expect(first.status).toBe(200);
      await first.text();
      const etag = first.headers.get('etag');
      const lastModified = first.headers.get('last-modified');
      expect({ feed, etag, lastModified }).toEqual({ feed, etag: expect.any(String), lastModified: expect.any(String) });
      const byTag = await fetchUntil(feed, (response) => response.status === 304 && FROM_CACHE.includes(cacheStatus(response)), { 'if-none-match': etag! });
      expect({ feed, ...byTag }).toMatchObject({ feed, found: true });
      // After the cached copy's second, by date: whichever answers (a refreshed copy or the app) says not modified.
      await new Promise((r) => setTimeout(r, 1100));
      const byDate = await get(feed, { 'if-modified-since': lastModified! });
      expect({ feed, status: byDate.status, body: await byDate.text() }).toEqual({ feed, status: 304, body: '' });
      const stale = await get(feed, { 'if-none-match': '"not-this-one"' });
      expect({ feed, status: stale.status }).toEqual({ feed, status: 200 });
      expect((await stale.text()).length).toBeGreaterThan(100);
    }
  });

  it('shares search results for a second: the same address is the same HTML for everyone', async () => {
    const search = `/search?q=${encodeURIComponent(data.searchTerm)}&n=${Date.now()}`;
    const first = await get(search);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1');
    const html = await first.text();
    const again = await get(search, { cookie });
    expect(cacheStatus(again)).toBe('HIT');
    expect(await again.text()).toBe(html);
  });

  it('shows a new comment to its author at once and to everyone within the cache lifetime', async () => {
    // An anonymous copy without the comment is in the cache first.
    expect(await fetchUntil(postPath, (response) => response.headers.get('x-cache-status') === 'HIT')).toMatchObject({ found: true });

    const text = `Through the proxy, right now ${Date.now()}`;
    const posted = await fetch(`${proxy.url}/api/posts/${data.threadPost.id}/comments`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ body: text }),
    });
    expect(posted.status).toBe(201);
    const { id, status } = (await posted.json()) as { id: number; status: string };
    expect(status).toBe('approved');

    // The answer to the write marks the browser for a few seconds (server/just-wrote.js), which a browser sends back.
    const justWrote = posted.headers.getSetCookie().find((c) => c.startsWith('hearth-just-wrote='));
    expect(justWrote).toBeDefined();
    const own = await get(postPath, { cookie: `${cookie}; ${justWrote!.split(';')[0]}` });
    expect(cacheStatus(own)).toBe('BYPASS');
    expect(await own.text()).toContain(`id="comment-${id}"`);

    // Polled, never timed: the cached copy lives 1 s, so a few seconds is ample.
    const everyone = await fetchUntil(postPath, (_response, body) => body.includes(`id="comment-${id}"`));
    expect(everyone).toMatchObject({ found: true });
  });

  it('never answers per-visitor requests from the cache', async () => {
    for (let i = 0; i < 5; i++) {
      const me = await get('/api/me', { cookie });
      expect(FROM_CACHE).not.toContain(cacheStatus(me));
      expect(((await me.json()) as { user: { name: string } | null }).user).not.toBeNull();

      const anonymousMe = await get('/api/me');
      expect(FROM_CACHE).not.toContain(cacheStatus(anonymousMe));
      expect(((await anonymousMe.json()) as { user: unknown }).user).toBeNull();

      // Marked `private, no-store` by the app, without any session cookie: fetched, never stored.
      const signIn = await get('/signin');
      expect(signIn.headers.get('cache-control')).toMatch(/private|no-store/);
      expect(FROM_CACHE).not.toContain(cacheStatus(signIn));
      await signIn.arrayBuffer();
    }
  });

  it('shares cached pages with signed-in members: the same HTML, nothing of theirs in it', async () => {
    const me = (await (await get('/api/me', { cookie })).json()) as { user: { name: string } | null };
    expect(me.user).not.toBeNull();
    expect(await fetchUntil(postPath, (response) => response.headers.get('x-cache-status') === 'HIT')).toMatchObject({ found: true });
    const signedIn = await fetchUntil(postPath, (response) => response.headers.get('x-cache-status') === 'HIT', { cookie });
    expect(signedIn).toMatchObject({ found: true });

    // A page first asked for by the member is kept for the next visitor, and holds nothing of the member's.
    const fresh = `${postPath}?member-first=${Date.now()}`;
    const first = await get(fresh, { cookie });
    expect(cacheStatus(first)).toBe('MISS');
    const html = await first.text();
    expect(html).not.toContain(data.memberEmails[0]);
    const anonymous = await get(fresh);
    expect(cacheStatus(anonymous)).toBe('HIT');
    expect(await anonymous.text()).toBe(html);
  });
});
