/** axe-core (WCAG 2.2 A and AA rules) on every reader page type and every admin page, in light and dark colours. */
import type { BrowserContext } from 'playwright-core';
import { openAdminSite, type AdminSite } from './admin-site';
import { violations } from './axe';
import { baseUrl, launchBrowser } from './browser';

describe('accessibility', () => {
  let browser: BrowserContext;
  let postPath: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    postPath = (await (await fetch(`${baseUrl()}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
  });
  afterAll(async () => {
    await browser.close();
  });

  it('would notice a violation (the check itself works)', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1><img src="x.png"><button></button></main></body></html>');
    const found = await violations(page);
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
    await page.close();
  });

  const pages = () => ['/', postPath, '/category/living-well', '/archive', '/about', '/search?q=pacing', '/signin', '/subscription/confirm?token=cut-short', '/no-such-page'];

  it.each(['light', 'dark'])('has no axe violations on any page type in %s colours', async (theme) => {
    const page = await browser.newPage();
    await page.goto(baseUrl());
    await page.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
    const report: Record<string, string[]> = {};
    for (const path of pages()) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      const found = await violations(page);
      if (found.length) report[path] = found;
    }
    expect(report).toEqual({});
    await page.close();
  });

  it('fits a 320-pixel-wide phone screen without sideways scrolling', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    const wide: Record<string, number> = {};
    for (const path of pages()) {
      await page.goto(`${baseUrl()}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide[path] = width;
    }
    expect(wide).toEqual({});
    await page.close();
  });

  it('prints just the article with its references', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl()}${postPath}`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(['.site-header', '.site-footer', '#comments', '.post-neighbours', '.prose'].map((s) => [s, getComputedStyle(document.querySelector(s)!).display !== 'none'])),
    );
    expect(shown).toEqual({ '.site-header': false, '.site-footer': false, '#comments': false, '.post-neighbours': false, '.prose': true });
    await page.close();
  });
});

describe('accessibility of the admin area', () => {
  let site: AdminSite;
  beforeAll(async () => {
    site = await openAdminSite();
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  // At a phone's width, where wide tables scroll inside their regions (axe checks those can be reached by keyboard).
  it.each(['light', 'dark'])(
    'has no axe violations on any admin page in %s colours',
    async (theme) => {
      const page = await site.adminPage();
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(site.url);
      await page.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
      const report: Record<string, string[]> = {};
      await site.eachPage(page, async (path) => {
        const found = await violations(page);
        if (found.length) report[path] = found;
      });
      expect(report).toEqual({});
      await page.close();
    },
    600_000,
  );
});
