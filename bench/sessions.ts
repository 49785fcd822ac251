/**
 * Real sessions for the benchmark: each member signs in through the real flow in Chromium
 * (the sign-in form, the email caught by a real SMTP server, the emailed link and its "Sign in"
 * button), a few at a time. Returns one `Cookie` header value per member.
 */
import { chromium, type Browser } from 'playwright-core';
import { submitEmail } from '../tests/e2e/sign-in-steps';
import { readSignInEmail, type MailCatcher } from '../tests/helpers/mail-catcher';

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token$/;

async function signIn(browser: Browser, baseUrl: string, mail: MailCatcher, email: string, address: string): Promise<string> {
  // Each member comes from an address of their own, as real members do (the sign-in form allows 20 emails per address); the
  // benchmark's server trusts this loopback "proxy" (TRUSTED_PROXIES=127.0.0.1 in bench/run.ts).
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signin?callbackUrl=/`);
    await submitEmail(page, email);
    const { link } = readSignInEmail(await mail.waitFor(email));
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    const cookie = (await context.cookies()).find((c) => SESSION_COOKIE.test(c.name));
    if (!cookie) throw new Error(`Signing in ${email} set no session cookie`);
    return `${cookie.name}=${cookie.value}`;
  } finally {
    await context.close();
  }
}

/** Signs every address in, at most `parallel` at once; the cookies come back in the order of `emails`. */
export async function signInMembers(baseUrl: string, mail: MailCatcher, emails: string[], parallel = 4): Promise<string[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const cookies: string[] = new Array(emails.length);
    let next = 0;
    const worker = async () => {
      while (next < emails.length) {
        const i = next++;
        const address = `10.99.${Math.floor(i / 250)}.${(i % 250) + 1}`;
        cookies[i] = await signIn(browser, baseUrl, mail, emails[i], address).catch((error: Error) => {
          // Seen twice here: Chromium's first navigation refused although the server answered; one retry, said aloud.
          console.log(`[bench] signing in ${emails[i]} failed (${error.message.split('\n')[0]}); trying once more`);
          return signIn(browser, baseUrl, mail, emails[i], address);
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, emails.length) }, worker));
    return cookies;
  } finally {
    await browser.close();
  }
}

/** Who the server thinks a cookie belongs to (null: not signed in). */
export async function whoIs(baseUrl: string, cookie: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
  if (!response.ok) throw new Error(`/api/me answered ${response.status}`);
  return ((await response.json()) as { user: { name: string } | null }).user?.name ?? null;
}
