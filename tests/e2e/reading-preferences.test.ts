/** Reading preferences in Chromium: applied at once, remembered, and in place before the first paint. */
import type { BrowserContext } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser';

describe('reading preferences', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('changes text size, spacing, colours, font and motion, and keeps them across reloads and pages', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl());
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await rootSize()).toBe(18);

    await page.getByText('Reading settings', { exact: true }).click();
    await page.getByRole('group', { name: 'Text size' }).getByLabel('Largest').check();
    await page.getByRole('group', { name: 'Line spacing' }).getByLabel('More space between lines').check();
    await page.getByRole('group', { name: 'Colours' }).getByLabel('Dark').check();
    await page
      .getByRole('group', { name: 'Font' })
      .getByLabel(/Atkinson Hyperlegible/)
      .check();
    await page.getByRole('group', { name: 'Motion' }).getByLabel('Reduce motion').check();
    expect(await rootSize()).toBe(23);

    await page.goto(`${baseUrl()}/archive`);
    // Read before any React code runs: the boot script in <head> already applied the choices.
    const firstPaint = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    expect(firstPaint).toEqual({ textSize: '4', spacing: 'relaxed', theme: 'dark', font: 'readable', motion: 'reduce' });
    expect(await rootSize()).toBe(23);
    const look = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, font: body.fontFamily, lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize) };
    });
    expect(look.background).toBe('rgb(29, 25, 22)');
    expect(look.font).toContain('Atkinson Hyperlegible');
    expect(look.lineHeight).toBeCloseTo(1.95, 1);
    await page.close();
  });

  it('ignores tampered saved values', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl());
    await page.evaluate(() => localStorage.setItem('hearth:reading', JSON.stringify({ textSize: '9"><script>', theme: 'dark' })));
    await page.reload();
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({ theme: 'dark' });
    await page.close();
  });
});
