/**
 * An address no route matches (/a/b/c) gets the reader 404 page with this response's CSP nonce, so its scripts
 * run like on every other page. Next's own 404 is rendered at build time, before any nonce exists: served for
 * such addresses, the browser refused every script on it and reading preferences were not applied.
 */
import type { BrowserContext } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser';

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('answers 404 with a page whose scripts run under the CSP, reading preferences included', async () => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // A reader who chose large text and the dark theme on an earlier visit.
  await page.goto(`${baseUrl()}/robots.txt`);
  await page.evaluate(() => localStorage.setItem('hearth:reading', JSON.stringify({ textSize: '4', theme: 'dark' })));

  const response = await page.goto(`${baseUrl()}/a/b/c`);
  expect(response!.status()).toBe(404);
  await page.getByRole('heading', { level: 1, name: 'We couldn’t find that page' }).waitFor();
  await page.waitForFunction(() => 'next' in window);
  expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ textSize: '4', theme: 'dark' });
  expect(violations).toEqual([]);
  await page.close();
});

it('keeps the real routes: static pages, posts and their 404s are not taken by the catch-all', async () => {
  const about = await fetch(`${baseUrl()}/about`);
  expect(about.status).toBe(200);
  expect(await about.text()).toContain('<h1 id="page-title">');
  expect((await fetch(`${baseUrl()}/posts/no-such-post`)).status).toBe(404);
  expect((await fetch(`${baseUrl()}/posts/no-such-post/and/more`)).status).toBe(404);
  expect((await fetch(`${baseUrl()}/feed.xml`)).status).toBe(200);
});
