/**
 * An admin shapes the site from the browser, in Chromium against the built app: arranges the menu (a link
 * to the community's chat group, a new category, a page as a sub-item), and readers see that header, with
 * the sub-item reachable by keyboard and the menu folded behind one control on a phone; renames a category
 * with a new address, and the old address redirects permanently to the right list of posts. The three
 * admin pages pass axe in light and dark colours and fit a 375-pixel phone.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { violations } from './axe';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let adminBrowser: BrowserContext;
let readerBrowser: BrowserContext;
let admin: Page;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'zoe@example.org' } });
  adminBrowser = await launchBrowser();
  readerBrowser = await launchBrowser();
  admin = await adminBrowser.newPage();
  await signInAsNewMember(admin, server.url, mail, 'zoe@example.org', 'Zoë O’Brien-Ñúñez', '/admin');
}, 120_000);
afterAll(async () => {
  await adminBrowser?.close();
  await readerBrowser?.close();
  await server?.stop();
  await mail?.close();
});

const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Main' });
/** The header's top-level entries, in order (a sub-item's text is not part of its parent's). */
const topLevel = (page: Page) => mainMenu(page).locator(':scope > ul > li > a').allTextContents();
const itemCard = (name: string) => admin.locator('.menu-editor__items > li').filter({ has: admin.getByRole('heading', { level: 3, name, exact: true }) });

describe('shaping the site from the browser', () => {
  it('adds a category, arranges the menu with a chat link and a sub-item, and readers see that menu', async () => {
    await admin.goto(`${server.url}/admin/categories`);
    const add = admin.getByRole('region', { name: 'Add a category' });
    await add.getByLabel('Name').fill('Zoë’s Corner');
    await add.getByLabel('Description').fill('Notes from Zoë 🌱');
    await add.getByRole('button', { name: 'Add category' }).click();
    await add.getByText('Saved “Zoë’s Corner”, at /category/zoe-s-corner.').waitFor();

    await admin.goto(`${server.url}/admin/menu`);
    await itemCard('Privacy').getByRole('button', { name: 'Remove “Privacy” from the menu' }).click();
    const adding = admin.getByRole('region', { name: 'Add to the menu' });
    await adding.getByLabel('Link label').fill('Chat group');
    await adding.getByLabel('Link address').fill('https://chat.example.org/hearth');
    await adding.getByRole('button', { name: 'Add link' }).click();
    await adding.getByLabel('Category').selectOption({ label: 'Zoë’s Corner' });
    await adding.getByRole('button', { name: 'Add category' }).click();
    await adding.getByLabel('Page').selectOption({ label: 'Privacy' });
    await adding.getByRole('button', { name: 'Add page' }).click();
    await itemCard('Privacy').getByRole('button', { name: 'Make it a sub-item of “Zoë’s Corner”' }).click();
    await itemCard('Zoë’s Corner').getByRole('list', { name: 'Sub-items of “Zoë’s Corner”' }).getByRole('heading', { name: 'Privacy' }).waitFor();
    for (let i = 0; i < 2; i++) await itemCard('Chat group').getByRole('button', { name: 'Move “Chat group” up' }).click();

    // A bad address is refused before anything is sent, in words a volunteer can act on.
    await itemCard('Chat group').getByLabel('Address').fill('javascript:alert(1)');
    await admin.getByRole('button', { name: 'Save menu' }).click();
    await admin.getByText('“javascript:” addresses are not allowed').waitFor();
    await itemCard('Chat group').getByLabel('Address').fill('https://chat.example.org/hearth');
    await admin.getByRole('button', { name: 'Save menu' }).click();
    await admin.getByText(/The menu was saved \(10 items\)/).waitFor();

    const reader = await readerBrowser.newPage();
    await reader.goto(server.url);
    expect(await topLevel(reader)).toEqual(['Home', 'Community Stories', 'Living Well', 'Research News', 'Archive', 'Chat group (another site)', 'About Hearth', 'Medical disclaimer', 'Zoë’s Corner']);
    const chat = mainMenu(reader).getByRole('link', { name: 'Chat group (another site)' });
    expect([await chat.getAttribute('href'), await chat.getAttribute('rel'), await chat.getAttribute('target')]).toEqual(['https://chat.example.org/hearth', 'noopener', null]);

    // The sub-item, by keyboard: from the parent's link, Tab to its disclosure, open it, Tab to the sub-item.
    await mainMenu(reader).getByRole('link', { name: 'Zoë’s Corner' }).focus();
    await reader.keyboard.press('Tab');
    expect(await reader.evaluate(() => document.activeElement?.textContent)).toContain('More under Zoë’s Corner');
    await reader.keyboard.press('Enter');
    await reader.keyboard.press('Tab');
    expect(await reader.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('href')])).toEqual(['Privacy', '/privacy']);
    await reader.keyboard.press('Enter');
    await reader.waitForURL(/\/privacy$/);
    await reader.close();
  });

  it('folds the menu behind one "Menu" control on a 375-pixel phone, with no sideways scrolling', async () => {
    const phone = await readerBrowser.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await phone.goto(server.url);
    const about = mainMenu(phone).getByRole('link', { name: 'About Hearth' });
    expect(await about.isVisible()).toBe(false);
    const toggle = phone.getByRole('banner').locator('summary', { hasText: 'Menu' });
    expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await toggle.click();
    await about.waitFor({ state: 'visible' });
    await mainMenu(phone).locator('summary', { hasText: 'More under Zoë’s Corner' }).click();
    await mainMenu(phone).getByRole('link', { name: 'Privacy' }).waitFor({ state: 'visible' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.close();
  });

  it('renames “Living Well” with a new address: the old one redirects permanently to the same posts', async () => {
    const reader = await readerBrowser.newPage();
    await reader.goto(`${server.url}/category/living-well`);
    const titlesBefore = await reader.locator('.post-list article h2').allTextContents();
    expect(titlesBefore.length).toBeGreaterThan(0);

    await admin.goto(`${server.url}/admin/categories`);
    await admin.getByText('Edit “Living Well”').click();
    // The summary takes the new name once saved, so find the form by what both names start with.
    const form = admin.locator('details').filter({ hasText: 'Edit “Living Well' });
    await form.getByLabel('Name').fill('Living Well & Pacing');
    await form.getByLabel('Web address').fill('living-well-and-pacing');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('The old address /category/living-well now leads there.').waitFor();

    for (const [from, to] of [
      ['/category/living-well', '/category/living-well-and-pacing'],
      ['/category/living-well/page/2', '/category/living-well-and-pacing/page/2'],
      ['/category/living-well/feed.xml', '/category/living-well-and-pacing/feed.xml'],
    ]) {
      const response = await fetch(`${server.url}${from}`, { redirect: 'manual' });
      // Next's first, uncached render of a redirect repeats the same Location header (as for renamed posts); browsers accept that.
      const locations = [
        ...new Set(
          response.headers
            .get('location')!
            .split(', ')
            .map((l) => new URL(l, server.url).pathname),
        ),
      ];
      expect({ from, status: response.status, locations }).toEqual({ from, status: 308, locations: [to] });
    }

    await pastSharedPageCache();
    await reader.goto(`${server.url}/category/living-well`);
    await reader.waitForURL(/\/category\/living-well-and-pacing$/);
    await expect(reader.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Living Well & Pacing');
    expect(await reader.locator('.post-list article h2').allTextContents()).toEqual(titlesBefore);
    expect(await topLevel(reader)).toContain('Living Well & Pacing');
    await reader.close();
  });

  it.each(['light', 'dark'])(
    'has no axe violations on the categories, tags and menu pages in %s colours',
    async (theme) => {
      await admin.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
      const report: Record<string, string[]> = {};
      for (const path of ['/admin/categories', '/admin/tags', '/admin/menu']) {
        await admin.goto(`${server.url}${path}`);
        await admin.waitForLoadState('networkidle');
        await admin.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
        const found = await violations(admin);
        if (found.length) report[path] = found;
      }
      expect(report).toEqual({});
    },
    150_000,
  );

  it('fits the three admin pages on a 375-pixel phone, with controls at least 44 pixels tall', async () => {
    await admin.setViewportSize({ width: 375, height: 740 });
    const problems: Record<string, unknown> = {};
    for (const path of ['/admin/categories', '/admin/tags', '/admin/menu']) {
      await admin.goto(`${server.url}${path}`);
      await admin.locator('main details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
      const width = await admin.evaluate(() => document.documentElement.scrollWidth);
      const small = await admin
        .locator('main')
        .evaluate((main) =>
          [...main.querySelectorAll('button, select, input:not([type=hidden]), summary')]
            .filter((el) => (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height < 44)
            .map((el) => el.textContent || el.id),
        );
      if (width > 375 || small.length) problems[path] = { width, small: small.slice(0, 5) };
    }
    expect(problems).toEqual({});
  });
});
