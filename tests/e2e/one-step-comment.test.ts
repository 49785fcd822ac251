/**
 * Commenting in one step while signed out (issue 16), in Chromium against the built app: the reader
 * writes the comment, their name and address on the post and presses Post; the emailed link, opened in
 * another browser, asks for one button press, which signs them in and posts the comment, once. A reply
 * to someone's comment goes the same way, from the Reply button under that comment.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let db: SiteDatabase;
let reader: BrowserContext;
let phone: BrowserContext | undefined;
let stranger: BrowserContext | undefined;
let postPath: string;

const NAME = 'Zoë O’Brien-Ñúñez';
const ADDRESS = 'zoe.onestep@example.org';
const TEXT = 'Reading this on a *bad* day helped, thank you.';

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, EMAIL_FROM: 'Hearth <hello@hearth.test>' } });
  reader = await launchBrowser();
  postPath = (await (await fetch(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
  // A new member's first comment is published at once here, so the signed-out browser can see it too.
  db = openSiteDatabase(server.databaseUrl);
  await db.run('UPDATE site_settings SET hold_first_comment = ?', [false]);
});
afterAll(async () => {
  await db?.close();
  await stranger?.close();
  await phone?.close();
  await reader?.close();
  await server?.stop();
  await mail?.close();
});

const commentBox = (page: Page) => page.locator('#comment-form').getByLabel('Your comment');
const draftOffered = (page: Page, text: string) =>
  page.waitForFunction((expected) => document.querySelector<HTMLTextAreaElement>('#comment-form textarea')?.value === expected, text, { timeout: 10_000 });
const publicHtml = async () => (await fetch(`${server.url}${postPath}`)).text();
const storedCount = async () => (await db.get<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM comments WHERE body = ?', [TEXT]))!.n;

it('posts a signed-out reader’s comment once its emailed link is confirmed on another device', async () => {
  const page = await reader.newPage();
  await page.goto(`${server.url}${postPath}`);
  await page.getByLabel('Your name, as shown with the comment').waitFor();
  await commentBox(page).fill(TEXT);
  await page.reload();
  await draftOffered(page, TEXT);
  await page.getByLabel('Your name, as shown with the comment').fill(NAME);
  await page.getByLabel('Your email address').fill(ADDRESS);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByText(/^Almost there: we emailed you a link/).waitFor();
  expect(await publicHtml()).not.toContain('on a <em>bad</em> day');
  expect(await storedCount()).toBe(0);

  const email = await mail.waitFor(ADDRESS);
  expect(email.text).not.toContain('bad* day');
  const link = new URL(email.text!.match(/https?:\/\/\S+\/comment\/confirm\?\S+/)![0]);
  const confirmUrl = `${server.url}${link.pathname}${link.search}`;

  phone = await launchBrowser();
  const other = await phone.newPage();
  await other.goto(confirmUrl);
  await other.getByRole('heading', { name: /^Post your comment on “/ }).waitFor();
  await other.getByRole('button', { name: 'Confirm and post' }).click();
  await other.waitForURL((url) => url.pathname === postPath);
  await other
    .getByRole('article', { name: new RegExp(`^${NAME}`) })
    .getByText('helped, thank you')
    .waitFor();
  const me = await other.evaluate(async () => (await (await fetch('/api/me')).json()) as { user: { name: string } | null });
  expect(me.user?.name).toBe(NAME);

  // The link again (a second tap, another tab): nothing more is posted.
  await other.goto(confirmUrl);
  await other.getByRole('heading', { name: 'This link was already used' }).waitFor();
  expect(await storedCount()).toBe(1);

  // The first browser, still signed out, sees the comment after the server's one-second page cache, and no stale draft.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  await page.reload();
  await page
    .getByRole('article', { name: new RegExp(`^${NAME}`) })
    .getByText('helped, thank you')
    .waitFor();
  await page.getByLabel('Your name, as shown with the comment').waitFor();
  await expect(commentBox(page).inputValue()).resolves.toBe('');
});

it('posts a signed-out reader’s reply under the comment they pressed Reply on, once its emailed link is confirmed', async () => {
  const REPLIER = 'Łukasz Żółć';
  const page = await reader.newPage();
  await page.goto(`${server.url}${postPath}`);
  const zoe = page.getByRole('article', { name: new RegExp(`^${NAME}`) });
  await zoe.getByRole('button', { name: 'Reply' }).click();
  await zoe.getByLabel('Your reply').fill('Same here, Zoë: **one** good hour a day.');
  await zoe.getByLabel('Your name, as shown with the comment').fill(REPLIER);
  await zoe.getByLabel('Your email address').fill('lukasz.reply@example.org');
  await zoe.getByRole('button', { name: 'Post reply' }).click();
  await zoe.getByText(/^Almost there: we emailed you a link/).waitFor();
  expect(await publicHtml()).not.toContain('good hour a day');

  const email = await mail.waitFor('lukasz.reply@example.org');
  expect(email.text).not.toContain('good hour');
  const link = new URL(email.text!.match(/https?:\/\/\S+\/comment\/confirm\?\S+/)![0]);
  await page.goto(`${server.url}${link.pathname}${link.search}`);
  await page.getByRole('heading', { name: /^Post your reply on “/ }).waitFor();
  await page.getByRole('button', { name: 'Confirm and post' }).click();
  await page.waitForURL((url) => url.pathname === postPath);
  const replies = page.getByRole('article', { name: new RegExp(`^${NAME}`) }).getByRole('list', { name: `Replies to ${NAME}` });
  await replies
    .getByRole('article', { name: new RegExp(`^${REPLIER}`) })
    .getByText('good hour a day')
    .waitFor();
  await expect(replies.locator('strong', { hasText: 'one' }).count()).resolves.toBe(1);
});

it('tells a replier whose comment was hidden before they confirmed, and posts the reply under the thread only after saying so', async () => {
  stranger = await launchBrowser(); // the first browser is signed in as Łukasz now
  const page = await stranger.newPage();
  await pastSharedPageCache();
  await page.goto(`${server.url}${postPath}`);
  const lukasz = page.getByRole('article', { name: /^Łukasz Żółć/ });
  await lukasz.getByRole('button', { name: 'Reply' }).first().click();
  await lukasz.getByLabel('Your reply').fill('Thank you, Łukasz, for the hour idea.');
  await lukasz.getByLabel('Your name, as shown with the comment').fill('Ñandú Ó Briain');
  await lukasz.getByLabel('Your email address').fill('nandu@example.org');
  await lukasz.getByRole('button', { name: 'Post reply' }).click();
  await lukasz.getByText(/^Almost there: we emailed you a link/).waitFor();
  const email = await mail.waitFor('nandu@example.org');
  const link = new URL(email.text!.match(/https?:\/\/\S+\/comment\/confirm\?\S+/)![0]);
  await page.goto(`${server.url}${link.pathname}${link.search}`);
  await page.getByRole('button', { name: 'Confirm and post' }).waitFor();

  // A moderator hides the comment while the page is open: pressing the button then posts nothing.
  await db.run("UPDATE comments SET status = 'spam' WHERE body LIKE '%good hour a day%'");
  await page.getByRole('button', { name: 'Confirm and post' }).click();
  await page.getByText(/^The comment you replied to was removed a moment ago/).waitFor();
  const reply = () => db.get(`SELECT parent_id AS "parentId" FROM comments WHERE body LIKE '%for the hour idea%'`);
  expect(await reply()).toBeUndefined();

  await page.reload();
  await page.getByText(/^The comment you replied to has been removed since you wrote your reply/).waitFor();
  await page.getByRole('button', { name: 'Confirm and post under the thread' }).click();
  await page.waitForURL((url) => url.pathname === postPath);
  await page
    .getByRole('article', { name: /^Ñandú Ó Briain/ })
    .getByText('for the hour idea')
    .waitFor();
  expect(await reply()).toEqual({ parentId: null });
});
