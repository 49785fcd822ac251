/** A reader's first visit, in Chromium: home → post → category, and reading without JavaScript. */
import type { BrowserContext } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser';

describe('reading the blog', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens the home page, follows a post, reads its heading and follows its category', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Latest from/);
    const cards = page.locator('.post-list article');
    await expect(cards.count()).resolves.toBe(10);

    const firstTitle = (await cards.first().locator('h2').textContent())!.trim();
    await cards.first().getByRole('link', { name: firstTitle }).click();
    await page.waitForURL(/\/posts\//);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(firstTitle);
    await expect(page.locator('.prose p').first().isVisible()).resolves.toBe(true);

    const category = page.locator('.post__category a');
    const categoryName = (await category.textContent())!.trim();
    await category.click();
    await page.waitForURL(/\/category\//);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(categoryName);
    await expect(page.getByRole('link', { name: firstTitle }).count()).resolves.toBe(1);
    await page.close();
  });

  it('pages through older posts and reaches the archive and a static page from the navigation', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl());
    await page.getByRole('link', { name: /Older posts/ }).click();
    await page.waitForURL(/\/page\/2$/);
    await page.getByRole('navigation', { name: 'Pagination' }).getByText('Page 2 of').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click();
    await page.waitForURL(/\/archive$/);
    await expect(page.locator('.archive h2').count()).resolves.toBeGreaterThanOrEqual(4);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About Hearth' }).click();
    await page.waitForURL(/\/about$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('About Hearth');
    await page.close();
  });

  it('serves whole, copyable pages with JavaScript turned off', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(baseUrl());
    const href = await page.locator('.post-list article h2 a').first().getAttribute('href');
    await page.goto(`${baseUrl()}${href}`);
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    expect(title?.length).toBeGreaterThan(3);
    const selected = await page.evaluate(() => {
      const article = document.querySelector('.prose')!;
      const range = document.createRange();
      range.selectNodeContents(article);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return { text: selection.toString(), userSelect: getComputedStyle(article).userSelect };
    });
    expect(selected.text.length).toBeGreaterThan(200);
    expect(selected.userSelect).not.toBe('none');
    await noScript.close();
  });
});
