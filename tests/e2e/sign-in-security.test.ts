/**
 * Signing in as an attacker would try it, against the built app with a real SMTP server and Chromium:
 * login CSRF from a page on another origin, guessing codes through every path, earlier codes after a
 * new email, a session token read from a copy of the database, and open redirects after sign-in.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { hashSessionToken } from '../../lib/session-token';
import { readSignInEmail, startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { launchBrowser } from './browser';
import { startServer } from './server';
import { submitEmail, whoAmI } from './sign-in-steps';

type Server = Awaited<ReturnType<typeof startServer>>;

/** Journeys with several emails and browser steps: the machine is shared, so more than the suite's 60 s. */
const JOURNEY_TIMEOUT = 180_000;

let mail: MailCatcher;
let server: Server;
let db: SiteDatabase;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, EMAIL_FROM: 'Hearth <hello@hearth.test>' } });
  db = openSiteDatabase(server.databaseUrl);
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
  await mail?.close();
});

/** A fresh browser for one test, closed whatever happens. */
async function withBrowser(run: (browser: BrowserContext, page: Page) => Promise<void>) {
  const browser = await launchBrowser();
  try {
    await run(browser, await browser.newPage());
  } finally {
    await browser.close();
  }
}

/** Asks for a sign-in email in this page and returns the `nth` email's link and code (token as in the link). */
async function askForCode(page: Page, email: string, nth = 1) {
  await page.goto(`${server.url}/signin`);
  await submitEmail(page, email);
  const { link, code } = readSignInEmail(await mail.waitFor(email, nth));
  return { link, code, token: new URL(link).searchParams.get('token')! };
}

const callbackUrl = (email: string, token: string) => `${server.url}/api/auth/callback/email?${new URLSearchParams({ token, email, callbackUrl: '/' })}`;

const codesFor = async (email: string) => (await db.get<{ n: number }>('select cast(count(*) as integer) as n from verification_tokens where identifier = ?', [email]))!.n;

/**
 * A page on another origin (127.0.0.1 on its own port: another site than localhost) that tries to sign
 * its visitor in: a link, and forms sent by script on GET (`/get`) or POST (`/post`; Auth.js serves the
 * callback on both, reading the code from the query).
 */
async function startAttackerSite(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const action = new URL(target);
  const fields = [...action.searchParams].map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join('');
  const site = http.createServer((request, response) => {
    const form =
      request.url === '/get'
        ? `<form id="f" method="get" action="${action.origin}${action.pathname}">${fields}</form>`
        : request.url === '/post'
          ? `<form id="f" method="post" action="${target}"><input type="hidden" name="x" value="1"></form>`
          : '';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>Free tea</title><a id="claim" href="${target}">Claim your tea</a>${form}${form ? '<script>document.getElementById("f").submit()</script>' : ''}`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`, close: () => new Promise((resolve) => site.close(() => resolve())) };
}

describe('login CSRF', () => {
  it(
    'a page on another site cannot sign a visitor into the attacker’s account, by auto-submitted form or by link',
    async () => {
      let attack = { token: '', email: 'mallory@example.org' };
      await withBrowser(async (_browser, page) => {
        attack = { ...attack, token: (await askForCode(page, attack.email)).token };
      });
      const evil = await startAttackerSite(callbackUrl(attack.email, attack.token));
      try {
        await withBrowser(async (_browser, page) => {
          for (const attack of ['/get', '/post']) {
            await page.goto(`${evil.url}${attack}`);
            await page.waitForURL(/\/signin\/confirm\?/);
            await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in as mallory@example.org?');
            await expect(whoAmI(page)).resolves.toBeNull();
          }
          await page.goto(evil.url);
          await page.locator('#claim').click();
          await page.waitForURL(/\/signin\/confirm\?/);
          await expect(whoAmI(page)).resolves.toBeNull();
        });
        // Nothing was used up: the code still waits for its owner.
        await expect(codesFor(attack.email)).resolves.toBe(1);
      } finally {
        await evil.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});

describe('without JavaScript', () => {
  it(
    'the emailed link’s button and the typed code still sign in, through a link to continue',
    async () => {
      const browser = await launchBrowser({ javaScriptEnabled: false });
      try {
        const page = await browser.newPage();
        const { link } = await askForCode(page, 'plain@example.org');
        await page.goto(link);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('link', { name: 'Continue signing in' }).click();
        await page.waitForURL(/\/welcome/);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Welcome');

        const other = await browser.newPage();
        const { code } = await askForCode(other, 'typed@example.org');
        await other.getByLabel('Code from the email').fill(code);
        await other.getByRole('button', { name: 'Sign in with this code' }).click();
        await other.getByRole('link', { name: 'Continue signing in' }).click();
        await other.waitForURL(/\/welcome/);
      } finally {
        await browser.close();
      }
    },
    JOURNEY_TIMEOUT,
  );
});

describe('guessing sign-in codes', () => {
  it(
    'Auth.js’s callback tests no code that was not confirmed on this site: 100 guesses by GET and POST sign nobody in',
    async () => {
      const email = 'guessed@example.org';
      let token = '';
      await withBrowser(async (_browser, page) => {
        token = (await askForCode(page, email)).token;
      });
      const guesses = Array.from({ length: 100 }, (_, i) => `guess-${i}`);
      for (const [i, guess] of [...guesses, token].entries()) {
        const response = await fetch(callbackUrl(email, guess), { method: i % 2 ? 'POST' : 'GET', redirect: 'manual' });
        expect(response.status).toBe(303);
        expect(new URL(response.headers.get('location')!).pathname).toBe('/signin/confirm');
        expect(response.headers.get('set-cookie') ?? '').not.toContain('authjs.session-token');
      }
      await expect(codesFor(email)).resolves.toBe(1);
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'a proof granted for one address and code lets no other through, even repeated in the callback’s query',
    async () => {
      const victim = 'victim@example.org';
      let victimToken = '';
      await withBrowser(async (_browser, page) => {
        victimToken = (await askForCode(page, victim)).token;
      });
      await withBrowser(async (browser, page) => {
        const own = 'mallory.own@example.org';
        const { token } = await askForCode(page, own);
        // Press the button for one's own code, but keep the proof instead of letting the browser use it.
        await page.route('**/api/auth/callback/email**', (route) => route.abort());
        await page.goto(`${server.url}/signin/confirm?${new URLSearchParams({ email: own, token, callbackUrl: '/' })}`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        const proofCookie = async () => (await browser.cookies()).find((c) => c.path.startsWith('/api/auth/callback'));
        for (let wait = 0; wait < 100 && !(await proofCookie()); wait++) await page.waitForTimeout(100);
        const proof = (await proofCookie())!;
        expect(proof).toBeDefined();
        // Auth.js would read the last of repeated parameters: the victim's address and real code.
        const repeated = new URLSearchParams([
          ['email', own],
          ['token', token],
          ['email', victim],
          ['token', victimToken],
          ['callbackUrl', '/'],
        ]);
        for (const method of ['GET', 'POST']) {
          const response = await fetch(`${server.url}/api/auth/callback/email?${repeated}`, { method, headers: { cookie: `${proof.name}=${proof.value}` }, redirect: 'manual' });
          expect(response.status).toBe(303);
          expect(new URL(response.headers.get('location')!).pathname).toBe('/signin/confirm');
          expect(response.headers.get('set-cookie') ?? '').not.toContain('authjs.session-token');
        }
        await expect(codesFor(victim)).resolves.toBe(1);
      });
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the typed code and the link’s button share one limit of 10 tries; past it the codes are void and the person is told to ask again later',
    async () => {
      const email = 'unlucky@example.org';
      await withBrowser(async (_browser, page) => {
        const { code, token } = await askForCode(page, email);
        const wrong = ['WRNG-2345', 'WRNG-2346', 'WRNG-2347', 'WRNG-2348', 'WRNG-2349'];
        for (const guess of wrong) {
          await page.getByLabel('Code from the email').fill(guess);
          await page.getByRole('button', { name: 'Sign in with this code' }).click();
          await page.getByText('That code is not right').waitFor();
        }
        for (const guess of wrong) {
          await page.goto(`${server.url}/signin/confirm?${new URLSearchParams({ email, token: guess.replace('-', ''), callbackUrl: '/' })}`);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.waitForURL(/\/signin\?error=Verification/);
        }
        // The eleventh try is the right code: too late.
        await page.goto(`${server.url}/signin/check`);
        await page.getByLabel('Code from the email').fill(code);
        await page.getByRole('button', { name: 'Sign in with this code' }).click();
        await page.getByText('Too many tries for this sign-in').waitFor();
        await expect(page.getByText('Please ask for a new sign-in email in 15 minutes.').isVisible()).resolves.toBe(true);
        await expect(codesFor(email)).resolves.toBe(0);
        // The emailed link's button cannot use it either.
        await page.goto(`${server.url}/signin/confirm?${new URLSearchParams({ email, token, callbackUrl: '/' })}`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('Too many tries for this sign-in').waitFor();
        await expect(whoAmI(page)).resolves.toBeNull();
        // Refused tries are everyday events: no stack traces, and no codes in the log.
        expect(server.output()).not.toContain('[auth][error]');
        for (const secret of [code, token, ...wrong]) expect(server.output()).not.toContain(secret);
      });
    },
    JOURNEY_TIMEOUT,
  );
});

describe('codes and sessions at rest', () => {
  it(
    'a new email voids the earlier code; the database holds only a hash of the session token, which does not work as a cookie',
    async () => {
      const email = 'twice@example.org';
      await withBrowser(async (browser, page) => {
        const first = await askForCode(page, email, 1);
        const second = await askForCode(page, email, 2);
        expect(second.token).not.toBe(first.token);

        // The link carries no address, and a voided code leads to none: no button to press.
        expect(new URL(first.link).searchParams.has('email')).toBe(false);
        await page.goto(first.link);
        await page.getByRole('heading', { level: 1, name: 'This sign-in link is incomplete, used or expired' }).waitFor();
        await expect(whoAmI(page)).resolves.toBeNull();

        await page.goto(second.link);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(/\/welcome/);
        const cookie = (await browser.cookies(server.url)).find((c) => c.name === 'authjs.session-token')!;
        const stored = (await db.get<{ session_token: string }>('select s.session_token from sessions s join users u on u.id = s.user_id where u.email = ?', [email]))!.session_token;
        expect(stored).toBe(hashSessionToken(cookie.value));
        expect(stored).not.toBe(cookie.value);

        const me = async (token: string) => (await (await fetch(`${server.url}/api/me`, { headers: { Cookie: `authjs.session-token=${token}` } })).json()).user;
        await expect(me(stored)).resolves.toBeNull();
        await expect(me(cookie.value)).resolves.toMatchObject({ role: 'member' });
      });
    },
    JOURNEY_TIMEOUT,
  );

  it('a session row stored the old way (token in plain text) is not a credential', async () => {
    const id = randomUUID();
    const token = randomUUID();
    await db.run("insert into users (id, name, email, role) values (?, 'Old', ?, 'member')", [id, `${id}@example.org`]);
    await db.run('insert into sessions (session_token, user_id, expires) values (?, ?, ?)', [token, id, new Date(Date.now() + 3_600_000)]);
    const response = await fetch(`${server.url}/api/me`, { headers: { Cookie: `authjs.session-token=${token}` } });
    expect((await response.json()).user).toBeNull();
  });
});

describe('after signing in, only this site', () => {
  let cookie = '';
  beforeAll(async () => {
    const id = randomUUID();
    await db.run("insert into users (id, name, email, role) values (?, 'Named', ?, 'member')", [id, `${id}@example.org`]);
    const token = `welcome-${id}`;
    await db.run('insert into sessions (session_token, user_id, expires) values (?, ?, ?)', [hashSessionToken(token), id, new Date(Date.now() + 3_600_000)]);
    cookie = `authjs.session-token=${token}`;
  });

  it.each(['/.//evil.example', '/..//evil.example/x', '/%2e%2e//evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)'])(
    '/welcome?next=%s sends a signed-in member home, not to another host',
    async (next) => {
      const response = await fetch(`${server.url}/welcome?${new URLSearchParams({ next })}`, { headers: { Cookie: cookie }, redirect: 'manual' });
      expect(response.status).toBe(307);
      // Home: a foreign or ambiguous return path is dropped (and the member is signed in, not sent to /signin).
      expect(response.headers.get('location')).toBe('/');
    },
  );

  it('keeps a return path on this site', async () => {
    const response = await fetch(`${server.url}/welcome?next=${encodeURIComponent('/posts/x?y=1')}`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(response.headers.get('location')).toBe('/posts/x?y=1');
  });
});
