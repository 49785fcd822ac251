/**
 * The admin area on a phone (375 × 812), in Chromium against the built app: no admin page scrolls sideways,
 * every form control is at least 44 px tall (a checkbox or radio by its label), the admin menu folds behind
 * one control that works without JavaScript, and staff find the admin area from the site header's account menu.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { openAdminSite, type AdminSite } from './admin-site';
import { launchBrowser } from './browser';
import { signInAsNewMember } from './sign-in-steps';

const PHONE = { width: 375, height: 812 };
let site: AdminSite;
let memberBrowser: BrowserContext;

beforeAll(async () => {
  site = await openAdminSite();
  memberBrowser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await memberBrowser?.close();
  await site?.close();
});

/** Visible form controls under 44 px tall, described for the failure message (a checkbox or radio counts its label's height). */
const smallControls = (page: Page) =>
  page.evaluate(() => {
    const small: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>('input, select, textarea, button')) {
      if (control.closest('[hidden], details:not([open]) > :not(summary)')) continue;
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || (control as HTMLInputElement).type === 'hidden') continue;
      const type = (control as HTMLInputElement).type;
      const label = (control as HTMLInputElement).labels?.[0];
      // A choice, or a control drawn as its label (visually hidden), is hit through its label.
      const height = (type === 'checkbox' || type === 'radio' || box.height <= 1) && label ? label.getBoundingClientRect().height : box.height;
      if (height < 44) small.push(`${control.tagName.toLowerCase()}[${type || ''}] "${control.getAttribute('name') ?? control.textContent?.trim().slice(0, 30)}" ${Math.round(height)} px`);
    }
    return small;
  });

/** How wide the page is, and what sticks out past the screen's right edge (outside any scrolling box), for the failure message. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    // A scrolling box clips what it contains, except absolutely placed things whose containing block lies outside it.
    const clipped = (el: Element): boolean => {
      let escapes = getComputedStyle(el).position === 'absolute';
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (escapes && style.position === 'static') continue;
        if (style.overflowX !== 'visible') return true;
        escapes = style.position === 'absolute';
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !clipped(el));
    return { width: document.documentElement.scrollWidth, culprits: sticking.slice(-3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`) };
  });

describe('the admin area on a 375-pixel phone', () => {
  it('never scrolls any admin page sideways, and every control is big enough to tap', async () => {
    const page = await site.adminPage();
    await page.setViewportSize(PHONE);
    const wide: Record<string, string> = {};
    const small: Record<string, string[]> = {};
    await site.eachPage(page, async (path) => {
      const { width, culprits } = await overflow(page);
      if (width > PHONE.width) wide[path] = `${width} px wide: ${culprits.join(', ')}`;
      const found = await smallControls(page);
      if (found.length) small[path] = found;
    });
    expect({ wide, small }).toEqual({ wide: {}, small: {} });
    await page.close();
  }, 300_000);

  it('keeps wide tables scrolling inside a labelled region a keyboard can reach', async () => {
    const page = await site.adminPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${site.url}/admin/subscribers`);
    const regions = await page.evaluate(() =>
      [...document.querySelectorAll('table')].map((table) => {
        const region = table.closest('[role="region"]');
        return { label: region?.getAttribute('aria-label') ?? null, focusable: region?.getAttribute('tabindex') === '0', scrolls: region ? region.scrollWidth > region.clientWidth : false };
      }),
    );
    expect(regions).toEqual([
      { label: 'Delivery problems', focusable: true, scrolls: true },
      { label: 'Subscribers', focusable: true, scrolls: true },
    ]);
    await page.close();
  });

  it('folds the admin menu behind one control that opens it without JavaScript', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    await noScript.addCookies(await site.browser.cookies(site.url));
    const page = await noScript.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${site.url}/admin`);
    const nav = page.getByRole('navigation', { name: 'Site administration' });
    const subscribers = nav.getByRole('link', { name: 'Subscribers' });
    await expect(subscribers.isVisible()).resolves.toBe(false);
    const toggle = nav.getByText('Admin menu');
    await expect(toggle.boundingBox().then((box) => box!.height)).resolves.toBeGreaterThanOrEqual(44);
    await toggle.click();
    await subscribers.click();
    await page.waitForURL(`${site.url}/admin/subscribers`);
    await page.getByRole('heading', { level: 1, name: 'Subscribers' }).waitFor();
    // On a wide screen the sections are all in view at once.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(nav.getByRole('link', { name: 'People' }).isVisible()).resolves.toBe(true);
    await noScript.close();
  });
});

describe('the way in from the site header', () => {
  it('offers staff the dashboard and a new post from the account menu on a phone, and a member neither', async () => {
    const page = await site.adminPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${site.url}/archive`);
    const header = page.getByRole('banner');
    // The account menu is one small disclosure beside "Menu": the header stays one row.
    const account = header.locator('.account-menu > summary');
    await account.click();
    await header.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.goto(`${site.url}/about`);
    await account.click();
    await header.getByRole('link', { name: 'Write a post' }).click();
    await page.getByRole('heading', { level: 1, name: 'New post' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await page.close();

    const member = await memberBrowser.newPage();
    await member.setViewportSize(PHONE);
    await signInAsNewMember(member, site.url, site.mail, 'bjorn.odegard@example.org', 'Bjørn Ødegård', '/archive');
    const memberHeader = member.getByRole('banner');
    await memberHeader.locator('.account-menu > summary', { hasText: 'Bjørn Ødegård' }).click();
    await memberHeader.getByRole('link', { name: 'Your account' }).waitFor();
    await expect(memberHeader.getByRole('link', { name: 'Dashboard' }).count()).resolves.toBe(0);
    await expect(memberHeader.getByRole('link', { name: 'Write a post' }).count()).resolves.toBe(0);
    await member.close();
  });
});
