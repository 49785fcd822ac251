/**
 * Security headers on every kind of response, a fresh CSP nonce per response that matches every
 * script in it, a browser that runs the page's own scripts and blocks an injected one, the refusal
 * to start on an insecure configuration, and logs that keep members' details out.
 */
import type { BrowserContext } from 'playwright-core';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { baseUrl, launchBrowser } from './browser';
import { startServer, startServerExpectingFailure } from './server';
import { signInAsNewMember } from './sign-in-steps';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });

function policyOf(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function nonceOf(response: Response): string {
  const source = policyOf(response)
    .get('script-src')
    ?.find((s) => s.startsWith("'nonce-"));
  expect(source).toMatch(/^'nonce-[A-Za-z0-9_-]{22}'$/);
  return source!.slice("'nonce-".length, -1);
}

/** Nonces on executable scripts (JSON-LD data blocks are not scripts that run). */
const scriptNonces = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>/g)].filter(([, attrs]) => !attrs.includes('application/ld+json')).map(([, attrs]) => attrs.match(/nonce="([^"]*)"/)?.[1] ?? null);

async function firstPostPath(): Promise<string> {
  const home = await (await get(`${baseUrl()}/`)).text();
  return home.match(/href="(\/posts\/[^"]+)"/)![1];
}

describe('security headers', () => {
  const kinds: Array<[string, () => Promise<string>]> = [
    ['the home page', async () => '/'],
    ['a post', firstPostPath],
    ['a search', async () => '/search?q=sleep'],
    ['a 404', async () => '/no-such-page'],
    ['the sign-in page', async () => '/signin'],
    ['an admin redirect', async () => '/admin'],
    ['a JSON route', async () => '/api/me'],
    ['the RSS feed', async () => '/feed.xml'],
    ['robots.txt', async () => '/robots.txt'],
    ['a script file', async () => (await (await get(`${baseUrl()}/`)).text()).match(/src="(\/_next\/static\/[^"]+\.js)"/)![1]],
  ];

  it.each(kinds)('are on %s', async (_kind, pathOf) => {
    const response = await get(`${baseUrl()}${await pathOf()}`);
    expect(response.status).toBeLessThan(500);
    const policy = policyOf(response);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).toContain("'strict-dynamic'");
    const nonce = nonceOf(response);
    // Any nonce repeated in a header (React's Link preload header) is this response's.
    for (const [name, value] of response.headers) {
      for (const [, other] of value.matchAll(/nonce(?:-|=")([A-Za-z0-9_-]+)/g)) expect({ name, nonce: other }).toEqual({ name, nonce });
    }
    if (/text\/html/.test(response.headers.get('content-type') ?? '')) {
      expect(new Set(scriptNonces(await response.text()))).toEqual(new Set([nonce]));
    }
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\)/);
    // Served over http here: no HSTS (browsers ignore it over http, and it must not pin a test host).
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('puts the nonce of its header on every script in the body, gzipped or not, and draws a new one for each stored copy', async () => {
    const path = await firstPostPath();
    const nonceOfCopy = async (encoding: string) => {
      const response = await get(`${baseUrl()}${path}`, { 'accept-encoding': encoding });
      const nonce = nonceOf(response);
      // fetch un-gzips the body itself: the nonce was swapped in before compression.
      const html = await response.text();
      expect(response.headers.get('content-encoding')).toBe(encoding === 'gzip' ? 'gzip' : null);
      const nonces = scriptNonces(html);
      expect(nonces.length).toBeGreaterThan(3);
      expect(new Set(nonces)).toEqual(new Set([nonce]));
      // The same nonce inside Next's inlined payload; no other nonce-like value anywhere.
      expect([...html.matchAll(/nonce\\?"\s*[:=]\s*\\?"([A-Za-z0-9_-]+)/g)].every((m) => m[1] === nonce)).toBe(true);
      return nonce;
    };
    const first = await nonceOfCopy('identity');
    const gzipped = await nonceOfCopy('gzip');
    expect(gzipped).not.toBe(first);
    // The copies of one shared page have one nonce (drawn after its content was fixed); the next copy gets a new one.
    await pastSharedPageCache();
    expect(await nonceOfCopy('identity')).not.toBe(first);
  });

  it('gzips pages and feeds for clients that accept it, and sends small JSON answers as they are', async () => {
    const encodingOf = async (path: string) => (await get(`${baseUrl()}${path}`, { 'accept-encoding': 'gzip' })).headers.get('content-encoding');
    expect(await encodingOf(await firstPostPath())).toBe('gzip');
    expect(await encodingOf('/feed.xml')).toBe('gzip');
    expect(await encodingOf('/api/me')).toBeNull();
  });

  it('lets shared caches keep public pages one second and never per-visitor answers', async () => {
    expect((await get(`${baseUrl()}${await firstPostPath()}`)).headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1');
    expect((await get(`${baseUrl()}/api/me`)).headers.get('cache-control')).toMatch(/private.*no-store|no-store.*private/);
    // Search results are the same HTML for everyone at one address: shared for a second too.
    expect((await get(`${baseUrl()}/search?q=sleep`)).headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1');
    expect((await get(`${baseUrl()}/account`)).headers.get('cache-control')).toMatch(/private|no-store/);
  });
});

describe('in a browser', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs the page's own scripts with no policy violations, and blocks an injected inline script", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const postUrl = `${baseUrl()}${await firstPostPath()}`;
    await page.goto(postUrl);
    await page.waitForFunction(() => 'next' in window);
    expect(violations).toEqual([]);

    // The same page with a script slipped into its HTML, as a stored XSS would: it must not run.
    await page.route(postUrl, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</body>', '<script>window.__injected = true</script></body>');
      await route.fulfill({ response, body: html });
    });
    await page.reload();
    await page.waitForFunction(() => 'next' in window);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(violations.some((v) => /inline script/i.test(v))).toBe(true);
    await page.close();
  });
});

describe('configuration', () => {
  it('refuses to start a public site over http, saying what to change', async () => {
    const { code, output } = await startServerExpectingFailure({ env: { SITE_URL: 'http://blog.example.org', EMAIL_SERVER: 'smtp://127.0.0.1:9' } });
    expect(code).toBe(1);
    expect(output).toMatch(/refusing to start: SITE_URL is http:\/\/blog\.example\.org: a public site must be served over https/);
  });

  it('sends HSTS and upgrades requests when the site is served over https', async () => {
    const server = await startServer({ env: { SITE_URL: 'https://localhost' } });
    try {
      const response = await get(`${server.url}/robots.txt`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
      expect(policyOf(response).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe('logs', () => {
  let server: Server;
  let mail: MailCatcher;
  let browser: BrowserContext;
  beforeAll(async () => {
    mail = await startMailCatcher();
    server = await startServer({ env: { EMAIL_SERVER: `smtp://127.0.0.1:${mail.port}?ignoreTLS=true` } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  it('are JSON lines without addresses, tokens, searches or comment text', async () => {
    const email = 'private.reader@example.org';
    const story = 'My rheumatologist said the flare came from stress';
    const page = await browser.newPage();
    await signInAsNewMember(page, server.url, mail, email, 'Private Reader');
    const postPath = (await (await get(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
    const commentsRequest = page.waitForRequest(/\/api\/posts\/\d+\/comments/);
    await page.goto(`${server.url}${postPath}`);
    const postId = (await commentsRequest).url().match(/\/api\/posts\/(\d+)\//)![1];
    const posted = await page.evaluate(
      async ([id, body]) => (await fetch(`/api/posts/${id}/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }) })).status,
      [postId, story] as const,
    );
    expect(posted).toBe(201);
    await get(`${server.url}/subscription/confirm?token=not-a-real-token-but-secret`);
    await get(`${server.url}/search?q=lupus+diagnosis`);
    await page.close();

    const logged = (path: string) => server.output().includes(`"path":"${path}"`);
    for (let tries = 0; tries < 50 && !logged('/search'); tries++) await new Promise((r) => setTimeout(r, 100));
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    const records = lines.map((line) => JSON.parse(line) as { msg: string; path?: string });
    expect(records.some((r) => r.msg === 'request' && r.path === '/search')).toBe(true);
    expect(records.some((r) => r.msg === 'request' && r.path === `/api/posts/${postId}/comments`)).toBe(true);
    for (const secret of [email, 'private.reader', story, 'flare came', 'not-a-real-token', 'lupus']) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
