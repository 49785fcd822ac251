/**
 * Issue 16, sections 2 and 4, in Chromium at 375 × 812 against the built app: the header stays one short row
 * (menu, search and reading settings behind one "Menu" disclosure, by keyboard alone and without JavaScript);
 * footnote markers open the note in place (and jump without JavaScript), with "Back to text" returning; the
 * criteria table scrolls in a labelled region with a visible cue and row headers; axe finds nothing.
 */
import type { Page } from 'playwright-core';
import { violations } from './axe';
import { baseUrl, launchBrowser } from './browser';

const PHONE = { width: 375, height: 812 };
const POST = '/posts/understanding-the-fibromyalgia-diagnostic-criteria';
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let noScript: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  browser = await launchBrowser();
  noScript = await launchBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await noScript?.close();
});

async function phonePage(context: typeof browser, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(`${baseUrl()}${path}`);
  return page;
}
const headerHeight = (page: Page) => page.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height);
const focused = (page: Page) => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), id: document.activeElement?.id, tag: document.activeElement?.tagName }));
/** True once the element is on screen (the jump may scroll smoothly), false after 5 s. Polled with evaluate: it works with JavaScript off. */
async function inView(page: Page, selector: string): Promise<boolean> {
  for (const end = Date.now() + 5000; Date.now() < end; await page.waitForTimeout(100)) {
    const seen = await page.evaluate((s) => {
      const box = document.querySelector(s)!.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }, selector);
    if (seen) return true;
  }
  return false;
}

describe('the header on a phone', () => {
  it('is at most 120 pixels tall on the home page, a post and /signin, where the form starts above the fold', async () => {
    const page = await phonePage(browser, '/');
    const heights: Record<string, number> = {};
    for (const path of ['/', POST, '/signin']) {
      await page.goto(`${baseUrl()}${path}`);
      await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
      heights[path] = await headerHeight(page);
    }
    expect(Object.entries(heights).filter(([, height]) => height > 120)).toEqual([]);
    const email = (await page.getByRole('main').getByLabel('Email address').boundingBox())!;
    expect(email.y + email.height).toBeLessThan(PHONE.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });

  it('opens the menu, search and reading settings from one control, by keyboard alone', async () => {
    const page = await phonePage(browser, '/');
    const archive = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' });
    expect(await archive.isVisible()).toBe(false);
    for (let i = 0; i < 4 && (await focused(page)).text !== 'Menu, search and reading settings'; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).tag).toBe('SUMMARY');
    expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible') && getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await archive.waitFor({ state: 'visible' });
    expect(await headerHeight(page)).toBeLessThanOrEqual(120); // the panel drops down over the page

    // In order: the menu's links first, then search, then reading settings.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('nav[aria-label="Main"]'))).toBe(true);
    for (let i = 0; i < 30 && (await focused(page)).id !== 'header-search-q'; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('header-search-q');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'SUMMARY', text: 'Reading settings' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('Text size');
    expect(await violations(page)).toEqual([]);

    // A menu link, reached and followed by keyboard.
    await archive.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/archive$/);
    await page.close();
  });

  it('opens without JavaScript', async () => {
    const page = await phonePage(noScript, '/');
    const archive = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' });
    expect(await archive.isVisible()).toBe(false);
    await page.getByRole('banner').locator('summary', { hasText: 'Menu' }).click();
    await archive.waitFor({ state: 'visible' });
    expect(await page.getByRole('banner').getByRole('button', { name: 'Search' }).isVisible()).toBe(true);
    expect(await page.getByRole('banner').getByText('Reading settings', { exact: true }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('footnotes and tables on a phone', () => {
  it('opens a footnote in place, and the note’s "Back to text" link returns to the marker', async () => {
    const page = await phonePage(browser, POST);
    const marker = page.getByRole('link', { name: 'Footnote 1', exact: true });
    const box = (await marker.boundingBox())!;
    expect([box.width >= 44, box.height >= 44]).toEqual([true, true]);
    await marker.click();
    const popover = page.getByRole('dialog', { name: 'Footnote 1' });
    await popover.waitFor({ state: 'visible' });
    expect(await popover.textContent()).toContain('Wolfe et al., 2010. See References.');
    expect(page.url()).not.toContain('#fn1');
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });

    await marker.click();
    await popover.getByRole('link', { name: 'Go to the note' }).click();
    await page.waitForURL(/#fn1$/);
    const back = page.locator('#fn1').getByRole('link', { name: 'Back to text (footnote 1)' });
    const backBox = (await back.boundingBox())!;
    expect([backBox.width >= 44, backBox.height >= 44, await back.textContent()]).toEqual([true, true, 'Back to text']);
    await back.click();
    await page.waitForURL(/#fnref1$/);
    expect(await inView(page, '#fnref1')).toBe(true);
    await page.close();
  });

  it('jumps to the note and back without JavaScript', async () => {
    const page = await phonePage(noScript, POST);
    await page.getByRole('link', { name: 'Footnote 2', exact: true }).click();
    await page.waitForURL(/#fn2$/);
    expect(await inView(page, '#fn2')).toBe(true);
    await page.locator('#fn2').getByRole('link', { name: 'Back to text (footnote 2)' }).click();
    await page.waitForURL(/#fnref2$/);
    expect(await inView(page, '#fnref2')).toBe(true);
    await page.close();
  });

  it('scrolls the wide criteria table in a labelled region that shows it scrolls, with row headers', async () => {
    const page = await phonePage(browser, POST);
    const region = page.getByRole('region', { name: 'Table: 1990' });
    const shape = await region.evaluate((element) => ({
      scrolls: element.scrollWidth > element.clientWidth,
      tabIndex: element.tabIndex,
      hint: getComputedStyle(element, '::before').content,
      hintHeight: parseFloat(getComputedStyle(element, '::before').height),
      rowHeaders: Array.from(element.querySelectorAll('th[scope="row"]'), (th) => th.textContent),
    }));
    expect(shape).toEqual({
      scrolls: true,
      tabIndex: 0,
      hint: '"Scroll sideways to see more →" / "Scroll sideways to see more"',
      hintHeight: expect.any(Number),
      rowHeaders: ['Tender point exam', 'Fatigue, sleep and cognition counted', 'Generalised pain requirement', 'Other diagnoses rule it out?'],
    });
    expect(shape.hintHeight).toBeGreaterThan(10);
    // On a wide screen the same table fits: no hint.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await region.evaluate((element) => [element.scrollWidth > element.clientWidth, parseFloat(getComputedStyle(element, '::before').height)])).toEqual([false, 0]);
    await page.setViewportSize(PHONE);
    expect(await violations(page)).toEqual([]);
    // "Reduce motion" stops animations, not this hint: it still shows.
    await page.evaluate(() => localStorage.setItem('hearth:reading', JSON.stringify({ motion: 'reduce' })));
    await page.reload();
    expect(await region.evaluate((element) => parseFloat(getComputedStyle(element, '::before').height))).toBeGreaterThan(10);
    await page.close();
  });
});
