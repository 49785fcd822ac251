/**
 * An admin looks after moved addresses at /admin/redirects in Chromium, at a desktop's width and a phone's:
 * adds a redirect, edits it and removes it, and between each step a visitor following the old address gets
 * the change at once (a cached 404 or redirect of the old address is dropped by the action); the visit shows
 * in the list within seconds.
 */
import type { Page } from 'playwright-core';
import { openAdminSite, type AdminSite } from './admin-site';

let site: AdminSite;
beforeAll(async () => {
  site = await openAdminSite();
}, 120_000);
afterAll(async () => {
  await site?.close();
});

/** Where a visitor following `path` is sent: the Location of a permanent redirect, or the status. */
async function visit(path: string): Promise<string> {
  const response = await fetch(`${site.url}${path}`, { redirect: 'manual' });
  await response.arrayBuffer();
  if (response.status === 308 || response.status === 301) return `→ ${response.headers.get('location')}`;
  return String(response.status);
}

async function fillAndSave(scope: ReturnType<Page['locator']>, values: { from?: string; to: string }, button: string) {
  if (values.from !== undefined) await scope.getByLabel('Old address').fill(values.from);
  await scope.getByLabel('Goes to').fill(values.to);
  await scope.getByRole('button', { name: button }).click();
  await scope.getByRole('status').filter({ hasText: 'Saved:' }).waitFor();
}

describe.each([
  ['a desktop', { width: 1280, height: 900 }, '/2018/03/04/Ünïcode-Move/', '/2018/03/04/%C3%BCn%C3%AFcode-move', '/2018/03/04/ünïcode-move'],
  // A single slug is answered by the (cached) page route: its cached 404 must give way at once.
  ['a phone', { width: 375, height: 812 }, '/Old-Welcome', '/old-welcome/', '/old-welcome'],
])('on %s', (_name, viewport, typed, requested, stored) => {
  it('adds, edits and removes a redirect, each served at once', async () => {
    const page = await site.adminPage();
    await page.setViewportSize(viewport);
    expect(await visit(requested)).toMatch(/^(404|→ \/old-welcome)$/);
    if (requested.endsWith('/')) expect(await visit(requested.slice(0, -1))).toBe('404');

    await page.goto(`${site.url}/admin/redirects`);
    const add = page.locator('section', { has: page.getByRole('heading', { name: 'Add a redirect' }) });
    // Hearth's own addresses are refused, with the reason next to the field.
    await add.getByLabel('Old address').fill('/admin/people');
    await add.getByLabel('Goes to').fill('/about');
    await add.getByRole('button', { name: 'Add redirect' }).click();
    await add.getByText('Hearth answers addresses under /admin itself.', { exact: false }).waitFor();

    await fillAndSave(add, { from: typed, to: '/about' }, 'Add redirect');
    const final = async (path: string) => {
      const first = await visit(path);
      return first === '→ ' + stored ? visit(stored) : first;
    };
    expect(await final(requested)).toBe('→ /about');

    await page.reload();
    const search = page.getByRole('searchbox', { name: 'Old or new address contains' });
    await search.fill(stored.slice(1, 12));
    await Promise.all([page.waitForURL(/[?&]q=/), search.press('Enter')]);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: stored, exact: true }) });
    // The server hands its hit counts over every two seconds: the admin sees the visit on a later look.
    const counted = card.getByText(/→ \/about · 1 visit, last/);
    for (let look = 0; look < 30 && !(await counted.isVisible()); look++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await counted.waitFor();
    await card.getByText(`Edit the redirect from “${stored}”`).click();
    await fillAndSave(card, { to: '/archive' }, 'Save');
    expect(await final(requested)).toBe('→ /archive');

    await card.getByText(`Remove the redirect from “${stored}”…`).click();
    await card.getByRole('button', { name: `Remove the redirect from “${stored}”` }).click();
    // The list is refreshed by the action: the card goes (or says so, if it stays until the next visit).
    await page.waitForFunction((path) => ![...document.querySelectorAll('h3')].some((h) => h.textContent === path) || document.body.textContent!.includes('Removed the redirect'), stored);
    expect(await final(requested)).toBe('404');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.close();
  });
});
