/** Search on the seeded content, with and without JavaScript: typos, partial matches, and hostile queries that must never cause a 500. */
import type { BrowserContext } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser';

const search = (q: string) => fetch(`${baseUrl()}/search?${new URLSearchParams({ q })}`);

describe('search', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('finds posts from the header form without JavaScript, with the matches highlighted', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl());
    await page.getByRole('search').first().getByLabel('Search posts').fill('pacing');
    await page.getByRole('search').first().getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=pacing/);
    await page.getByText(/posts? found for “pacing”/).waitFor();
    await expect(page.locator('.search-results mark').count()).resolves.toBeGreaterThan(0);
    await page.locator('.search-results h2 a').first().click();
    await page.waitForURL(/\/posts\//);
    await page.close();
  });

  it('answers empty and nonsense searches politely', async () => {
    expect(await (await search('')).text()).toContain('Type a word or two');
    expect(await (await search('***')).text()).toContain('no words we can look for');
    expect(await (await search('zzzqqqxxy')).text()).toContain('Nothing matched');
  });

  it.each(['"', '*', 'NEAR', 'OR', 'AND NOT', '"unterminated', 'a'.repeat(1000), '💛🔥', 'שלום עולם', "'; DROP TABLE posts; --", 'col:x', '(((', '\u0000'])('never fails on %j', async (q) => {
    const response = await search(q);
    expect(response.status).toBe(200);
  });

  it('never lists drafts or scheduled posts', async () => {
    const html = await (await search('winter')).text();
    expect(html).not.toContain('draft-notes-on-winter-flares');
    const spring = await (await search('spring gathering')).text();
    expect(spring).not.toContain('scheduled-spring-gathering');
  });
});

describe.each([true, false])('search that forgives (JavaScript %s)', (javaScriptEnabled) => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser({ javaScriptEnabled });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('offers the right word for a typo, and following it finds the post', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search`);
    const form = page.getByRole('search').filter({ has: page.locator('#search-page-q') });
    await form.getByLabel('Search posts').fill('gardning');
    await form.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=gardning/);
    await page.getByText('Did you mean').waitFor();
    await page.getByRole('link', { name: 'gardening', exact: true }).click();
    await page.waitForURL(/\/search\?q=gardening/);
    await page.getByRole('link', { name: 'Gardening from a stool' }).click();
    await page.waitForURL(/\/posts\//);
    await page.close();
  });

  it('says when no post has all the words, and lists those with most of them', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}/search?${new URLSearchParams({ q: 'gardening employer' })}`);
    await page.getByText('No post has all of your words; these have most of them.').waitFor();
    await page.getByRole('link', { name: 'Gardening from a stool' }).waitFor();
    await page.getByRole('link', { name: 'Talking to your employer about flexible work' }).waitFor();
    await page.close();
  });
});
