/**
 * An admin sees what readers read, in Chromium against the built app: readers (a desktop browser's
 * User-Agent) view two posts, arriving from other sites; the admin opens Stats from the admin menu and
 * finds the counts, the top posts, the referring sites and the charts; turns counting off (a view is then
 * not counted) and on again. The page passes axe in light and dark colours and fits a 375-pixel phone.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { violations } from './axe';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';

const READER_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const PACING = '/posts/pacing-with-an-energy-budget';
const APOLOGISING = '/posts/the-year-i-stopped-apologising';

let mail: MailCatcher;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let admin: Page;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'zoe.admin@example.org' } });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mail?.close();
});

/** A reader's visit to `path` (a fresh browser each time, as separate readers), counted as the server answers it. */
async function readerViews(path: string, referer?: string): Promise<void> {
  const context = await browser.newContext({ userAgent: READER_UA });
  const page = await context.newPage();
  expect((await page.goto(server.url + path, { referer }))!.status()).toBe(200);
  await context.close();
}

const totals = () => admin.getByRole('list', { name: 'Totals' });
/** The first total, once the server has handed its counts over (every two seconds): reloaded until it shows `expected`. */
async function viewsTotal(expected: string): Promise<string | null> {
  let shown: string | null = null;
  for (let i = 0; i < 20 && shown !== expected; i++) {
    if (i > 0) await admin.waitForTimeout(250);
    await admin.reload();
    shown = await totals().getByRole('listitem').first().textContent();
  }
  return shown;
}
/** A view that must not count is handed over within this (server/view-counter.js hands over every 2 s). */
const HANDOVER_MS = 2500;

describe('an admin reads the stats', () => {
  it('shows the views, top posts, referring sites and charts readers produced', async () => {
    await readerViews(PACING, 'https://forum.example.org/t/flares/7');
    await readerViews(PACING, 'https://www.forum.example.org/latest');
    await readerViews(PACING);
    await readerViews(APOLOGISING, 'https://chat.patients-together.example/room?name=%C5%81ukasz');

    const context = await browser.newContext();
    admin = await context.newPage();
    await signInAsNewMember(admin, server.url, mail, 'zoe.admin@example.org', 'Zoë O’Brien-Ñúñez', '/admin');
    await admin.getByRole('navigation', { name: 'Site administration' }).getByRole('link', { name: 'Stats' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Stats' }).waitFor();

    await expect(viewsTotal('4 page views, 30 days')).resolves.toBe('4 page views, 30 days');
    const views = admin.getByRole('img', { name: /page views from/ });
    await expect(views.getAttribute('aria-label')).resolves.toMatch(/^4 page views from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}; the most, 4, on /);
    await expect(admin.locator('svg.stats-chart__svg').count()).resolves.toBe(4);

    const top = admin.getByRole('region', { name: 'Top posts' }).getByRole('row');
    await expect(top.nth(1).textContent()).resolves.toBe('Pacing with an energy budget3');
    await expect(top.nth(2).textContent()).resolves.toBe('The year I stopped apologising1');
    const referrers = admin.getByRole('region', { name: 'Where readers came from' }).getByRole('row');
    await expect(referrers.allTextContents()).resolves.toEqual(['SiteViews', 'forum.example.org2', 'chat.patients-together.example1']);

    // The figures behind the chart, for screen readers and anyone who wants the numbers.
    await admin.getByText('The figures').first().click();
    await expect(admin.getByRole('region', { name: 'Page views per day: the figures' }).getByRole('row').count()).resolves.toBe(31);
    // Five fresh browsers and a sign-in: on a busy shared machine this takes well over a minute.
  }, 180_000);

  it('turns counting off (a reader’s view is then not counted) and on again', async () => {
    await admin.getByRole('button', { name: 'Turn counting off' }).click();
    await admin.getByText('Counting is off: no views are counted until you turn it on again.').waitFor();
    await admin.getByRole('button', { name: 'Turn counting on' }).waitFor();
    await readerViews(APOLOGISING, 'https://forum.example.org/');
    await admin.waitForTimeout(HANDOVER_MS);

    await admin.getByRole('button', { name: 'Turn counting on' }).click();
    await admin.getByText('Views are counted again from now on.').waitFor();
    await readerViews(APOLOGISING);
    // 5, not 6: the view while counting was off was never stored.
    await expect(viewsTotal('5 page views, 30 days')).resolves.toBe('5 page views, 30 days');
    await admin.waitForTimeout(HANDOVER_MS);
    await expect(viewsTotal('5 page views, 30 days')).resolves.toBe('5 page views, 30 days');
  }, 120_000);

  it.each(['light', 'dark'])('has no axe violations in %s colours', async (theme) => {
    await admin.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: 'Stats' }).waitFor();
    for (const figures of await admin.locator('details').all()) await figures.evaluate((d) => d.setAttribute('open', ''));
    expect(await violations(admin)).toEqual([]);
  });

  it('fits a 375-pixel phone without sideways scrolling, with controls at least 44 pixels tall', async () => {
    await admin.setViewportSize({ width: 375, height: 740 });
    await admin.reload();
    await admin.getByRole('heading', { level: 1, name: 'Stats' }).waitFor();
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const heights = await admin.locator('.stats-counting button, .stats-chart summary').evaluateAll((controls) => controls.map((c) => c.getBoundingClientRect().height));
    expect(heights.length).toBe(5);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(44);
  });
});
