/** Real HTTP against the built app: every reader route answers, and bad addresses get a 404, never a 500. */
import { baseUrl } from './browser';
import { startServerExpectingFailure } from './server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const get = (pathname: string) => fetch(`${baseUrl()}${pathname}`, { redirect: 'manual' });

describe('reader routes', () => {
  it.each(['/', '/page/2', '/archive', '/archive/2026', '/about', '/privacy', '/medical-disclaimer', '/category/research-news', '/category/living-well', '/category/community-stories'])(
    '%s renders',
    async (pathname) => {
      const response = await get(pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    },
  );

  it('reaches every tag and author linked from a post', async () => {
    const home = await (await get('/')).text();
    const postPath = home.match(/href="(\/posts\/[^"]+)"/)![1];
    const post = await (await get(postPath)).text();
    const links = [...post.matchAll(/href="(\/(?:tag|author)\/[^"]+)"/g)].map((m) => m[1]);
    expect(links.some((l) => l.startsWith('/tag/'))).toBe(true);
    expect(links.some((l) => l.startsWith('/author/'))).toBe(true);
    for (const link of links) expect((await get(link)).status).toBe(200);
    expect(post).toContain('id="related-heading"');
  });

  it.each([
    '/page/0',
    '/page/-1',
    '/page/abc',
    '/page/99999',
    '/page/1.5',
    '/posts/draft-notes-on-winter-flares',
    '/posts/scheduled-spring-gathering',
    '/posts/no-such-post',
    '/category/no-such-category',
    '/category/research-news/page/99',
    '/category/research-news/pages/2',
    '/tag/no-such-tag',
    '/author/no-such-author',
    '/no-such-page',
    '/archive/1999',
    '/archive/abc',
    '/some/deep/path',
  ])('%s is a 404', async (pathname) => {
    const response = await get(pathname);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('couldn’t find that page');
  });

  it('never shows a draft or scheduled post in lists', async () => {
    const pages = await Promise.all(['/', '/page/2', '/archive'].map(async (p) => (await get(p)).text()));
    for (const html of pages) {
      expect(html).not.toContain('draft-notes-on-winter-flares');
      expect(html).not.toContain('scheduled-spring-gathering');
    }
  });

  it('sends /page/1 to the home page', async () => {
    const response = await get('/page/1');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toMatch(/\/$/);
  });

  it('never shows an author’s email address', async () => {
    const html = await (await get('/')).text();
    expect(html).not.toMatch(/[\w.+-]+@example\.(org|com)/);
  });
});

describe('start-up', () => {
  it('refuses to start on a database path that cannot be opened, naming the path or its folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bad-db-'));
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const badPath = path.join(blocker, 'hearth.db');
    // With AUTH_SECRET set, nothing else needs the folder: the database says why it cannot open.
    const withSecret = await startServerExpectingFailure({ env: { DATABASE_URL: `file:${badPath}`, AUTH_SECRET: 'a-secret-long-enough-for-this-test-0123456789' } });
    expect(withSecret.code).not.toBe(0);
    expect(withSecret.output).toContain(`Cannot open the database at ${badPath}`);
    // Without it, the generated secret's place in that folder is the first thing found wanting.
    const withoutSecret = await startServerExpectingFailure({ env: { DATABASE_URL: `file:${badPath}` } });
    expect(withoutSecret.code).not.toBe(0);
    expect(withoutSecret.output).toContain(`the data folder ${blocker} cannot hold the auth secret`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('Auth.js endpoints', () => {
  it('refuses sign-in emails asked for past the sign-in form (its per-address and per-IP limits)', async () => {
    const csrf = await get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const response = await fetch(`${baseUrl()}/api/auth/signin/email`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ csrfToken, email: 'bypass@example.org', callbackUrl: '/' }),
    });
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/sign-in page/);
  });
});
