/**
 * A conversation under a post, in Chromium against the built app: a draft that survives signing in,
 * a first comment held for moderation, a moderator approving it from a second browser, a reply, an edit
 * and a deletion, an edit held for moderation while the approved text stays public. The post page stays one cached HTML; everything per-person comes from /api.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { readSignInEmail, startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { violations } from './axe';
import { finishWithCode, signInAsNewMember, submitEmail } from './sign-in-steps';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let db: SiteDatabase;
let member: BrowserContext;
let moderator: BrowserContext;
let postPath: string;
/** When Ash last wrote or edited a comment, for the flood limit. */
let ashWroteAt = 0;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'mod@example.org' } });
  db = openSiteDatabase(server.databaseUrl);
  member = await launchBrowser();
  moderator = await launchBrowser();
  postPath = (await (await fetch(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
});
afterAll(async () => {
  await db?.close();
  await member?.close();
  await moderator?.close();
  await server?.stop();
  await mail?.close();
});

const commentBox = (page: Page) => page.locator('#comment-form').getByLabel('Your comment');
/** The draft is offered once the page knows who is writing (after /api answers). */
const draftOffered = (page: Page, text: string) =>
  page.waitForFunction((expected) => document.querySelector<HTMLTextAreaElement>('#comment-form textarea')?.value === expected, text, { timeout: 10_000 });
const publicHtml = async () => (await fetch(`${server.url}${postPath}`)).text();
/** Flood protection allows one comment or edit every 10 seconds per member. */
const waitOutFloodLimit = (since: number) => new Promise((r) => setTimeout(r, Math.max(0, since + 10_500 - Date.now())));

describe('a conversation under a post', () => {
  let page: Page;
  let firstSentAt = 0;

  it('keeps a signed-out reader’s draft through signing in, and holds a first comment for moderation', async () => {
    page = await member.newPage();
    await page.goto(`${server.url}${postPath}`);
    await commentBox(page).fill('This post put words to *exactly* how my week felt.');
    await page.reload();
    await draftOffered(page, 'This post put words to *exactly* how my week felt.');

    await page.getByRole('link', { name: 'Sign in to comment' }).click();
    await page.waitForURL(/\/signin\?callbackUrl=/);
    await submitEmail(page, 'ash@example.org');
    const { code } = readSignInEmail(await mail.waitFor('ash@example.org'));
    await finishWithCode(page, code, 'Ash');
    await page.waitForURL((url) => url.pathname === postPath);
    await draftOffered(page, 'This post put words to *exactly* how my week felt.');

    // Sent as JSON to the comments route, not as a server action (whose answer would carry the whole page).
    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/comments'));
    await page.getByRole('button', { name: 'Post comment' }).click();
    expect((await sent).headers()['content-type']).toBe('application/json');
    firstSentAt = Date.now();
    await page.getByText('Your comment is awaiting moderation').waitFor();
    const held = page.getByRole('region', { name: 'Your comments awaiting moderation' });
    await held.getByText('exactly').waitFor();
    await expect(held.getByText('Awaiting moderation', { exact: true }).count()).resolves.toBe(1);
    await expect(commentBox(page).inputValue()).resolves.toBe('');
    expect(await publicHtml()).not.toContain('put words to');
  });

  it('lets a moderator in another browser approve it, after which everyone sees it', async () => {
    const modPage = await moderator.newPage();
    await signInAsNewMember(modPage, server.url, mail, 'mod@example.org', 'Mo', postPath);
    const queue = modPage.getByRole('region', { name: 'Awaiting moderation on this post' });
    await queue.getByText('exactly').waitFor();
    await queue.getByRole('button', { name: 'Approve' }).click();
    await modPage.getByText(/^Approved: the comment is now public/).waitFor();
    await pastSharedPageCache();
    expect(await publicHtml()).toContain('put words to <em>exactly</em> how my week felt.');
    await modPage.close();

    await page.reload();
    const comment = page.getByRole('article', { name: /^Ash/ });
    await comment.getByText('exactly').waitFor();
    await expect(page.getByRole('heading', { name: '1 comment' }).count()).resolves.toBe(1);
  });

  it('threads a reply, marks an edit, and leaves a placeholder for a deleted comment with replies', async () => {
    await waitOutFloodLimit(firstSentAt);
    const first = page.getByRole('article', { name: /^Ash/ }).first();
    await first.getByRole('button', { name: 'Reply' }).first().click();
    await first.getByLabel('Your reply').fill('Adding: pacing helped me too.');
    await first.getByRole('button', { name: 'Post reply' }).click();
    const replySentAt = Date.now();
    const replies = page.getByRole('list', { name: 'Replies to Ash' });
    await replies.getByText('pacing helped me too').waitFor();

    // Edits share the pace of new comments.
    await waitOutFloodLimit(replySentAt);
    const reply = replies.getByRole('article');
    await reply.getByRole('button', { name: 'Edit' }).click();
    await reply.getByLabel('Edit your comment').fill('Adding: pacing helped me a lot too.');
    await reply.getByRole('button', { name: 'Save changes' }).click();
    ashWroteAt = Date.now();
    await reply.getByText('pacing helped me a lot too').waitFor();
    await reply.getByText('edited', { exact: true }).waitFor();

    const top = page.locator('.comment-thread > li > article').first();
    await top
      .getByRole('group', { name: /Actions for Ash/ })
      .first()
      .getByRole('button', { name: 'Delete' })
      .click();
    await top.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByRole('heading', { name: 'This comment was deleted' }).waitFor();
    const html = await publicHtml();
    expect(html).not.toContain('put words to');
    expect(html).toContain('pacing helped me a lot too');
  });

  it('shows signed-out readers the thread with only Reply (the one-step form by email), no member or moderator controls', async () => {
    const reader = await launchBrowser();
    const readerPage = await reader.newPage();
    await readerPage.goto(`${server.url}${postPath}`);
    await readerPage.getByText('pacing helped me a lot too').waitFor();
    await readerPage.getByRole('link', { name: 'Sign in to comment' }).waitFor();
    await readerPage.getByRole('button', { name: 'Reply' }).first().waitFor();
    for (const control of ['Edit', 'Delete', 'Report', 'Approve', 'Spam']) await expect(readerPage.getByRole('button', { name: control }).count()).resolves.toBe(0);
    await reader.close();
  });
});

describe('reports and the moderation queue', () => {
  it('thanks a reporter with support links; the moderator sees earlier versions and closes the report from the queue', async () => {
    const reporter = await launchBrowser();
    const bo = await reporter.newPage();
    await signInAsNewMember(bo, server.url, mail, 'bo@example.org', 'Bo', postPath);
    const reply = bo.getByRole('article', { name: /^Ash/ }).filter({ hasText: 'pacing helped me a lot too' });
    await reply.getByRole('button', { name: 'Report' }).click();
    await reply.getByRole('button', { name: 'Send report' }).click();
    await reply.getByText('Choose a reason.').waitFor();
    await reply.getByLabel('Unkind or hurtful').check();
    await reply.getByRole('button', { name: 'Send report' }).click();
    await reply.getByText('Thank you for telling us.').waitFor();
    await reply.getByRole('link', { name: /Samaritans/ }).waitFor();

    // A member is refused the moderators' page and the earlier versions.
    await bo.goto(`${server.url}/admin/comments`);
    await bo.getByRole('heading', { name: 'Not available to you' }).waitFor();
    const commentId = Number((await (await fetch(`${server.url}${postPath}`)).text()).match(/id="comment-(\d+)"[^>]*>(?:(?!<\/article>).)*pacing helped me a lot too/s)![1]);
    const forbidden = await bo.evaluate(async (id) => (await fetch(`/api/comments/${id}/revisions`)).status, commentId);
    expect(forbidden).toBe(403);
    await reporter.close();

    const mod = await moderator.newPage();
    await mod.goto(`${server.url}${postPath}`);
    const modReply = mod.locator(`#comment-${commentId}`);
    await modReply.getByRole('button', { name: 'Earlier versions' }).click();
    await modReply.getByText('Adding: pacing helped me too.').waitFor();

    await mod.goto(`${server.url}/admin/comments?show=reported`);
    await mod.getByRole('link', { name: 'Reported (1)' }).waitFor();
    await mod.getByText('1 report', { exact: true }).waitFor();
    await mod
      .getByRole('list', { name: /^Reports on Ash/ })
      .getByText('Unkind or hurtful (no note)')
      .waitFor();
    await mod.getByRole('button', { name: 'Keep it (close reports)' }).click();
    await mod.getByText(/^Reports closed: the comment stays public/).waitFor();
    await mod.getByRole('link', { name: 'Reported (0)' }).waitFor();
    await mod.close();
  });
});

describe('an edit that needs moderation', () => {
  it('keeps the approved text public until a moderator approves an edit with a blocked word', async () => {
    await db.run('UPDATE site_settings SET blocked_words = ? WHERE id = 1', [JSON.stringify(['miracle cure', 'snake oil'])]);
    const before = 'Adding: pacing helped me a lot too.';
    const after = 'Adding: pacing helped me a lot too. Someone once sold me a “Miracle Cure” — £40, ça n’a rien fait.';

    await waitOutFloodLimit(ashWroteAt);
    const ashPage = await member.newPage();
    await ashPage.goto(`${server.url}${postPath}`);
    const reply = ashPage.getByRole('article', { name: /^Ash/ }).filter({ hasText: before });
    await reply.getByRole('button', { name: 'Edit' }).click();
    await reply.getByLabel('Edit your comment').fill(after);
    await reply.getByRole('button', { name: 'Save changes' }).click();
    ashWroteAt = Date.now();
    await ashPage.getByText('Your edit is awaiting moderation. Until a moderator approves it, everyone else sees the text above.').waitFor();
    await expect(reply.locator('.comment__body').innerText()).resolves.toBe(before);

    // Another visitor, not signed in, still reads the approved text.
    const reader = await launchBrowser();
    const readerPage = await reader.newPage();
    await readerPage.goto(`${server.url}${postPath}`);
    await readerPage.getByText(before, { exact: true }).waitFor();
    await expect(readerPage.getByText('Miracle Cure').count()).resolves.toBe(0);
    expect(await publicHtml()).not.toContain('Miracle Cure');

    // The moderator sees the old and the new text side by side, and approves the edit.
    const mod = await moderator.newPage();
    await mod.goto(`${server.url}/admin/comments`);
    const proposed = mod.getByRole('region', { name: 'Proposed edit of Ash’s comment' });
    await proposed.getByText('held because it contains a blocked word').waitFor();
    await proposed.getByText('Miracle Cure').waitFor();
    const item = mod.locator('.queue-item').filter({ has: proposed });
    await expect(item.locator('.comment > .comment__body').innerText()).resolves.toBe(before);
    await item.getByRole('button', { name: 'Approve the edit' }).click();
    await mod.getByText(/^Edit approved: the new text is now public/).waitFor();
    await mod.close();

    await pastSharedPageCache();
    await readerPage.reload();
    await readerPage.getByText('Someone once sold me a “Miracle Cure”').waitFor();
    expect(await publicHtml()).toContain('ça n’a rien fait');
    await reader.close();
    await ashPage.reload();
    await ashPage.getByText('Someone once sold me a “Miracle Cure”').waitFor();
    await expect(ashPage.getByText('Your edit is awaiting moderation').count()).resolves.toBe(0);
    await ashPage.close();
  });
});

describe('reply notifications', () => {
  it('emails a member who chose "at once" about a reply, and mutes the conversation from the email', async () => {
    const ashPage = await member.newPage();
    await ashPage.goto(`${server.url}/account`);
    await ashPage.getByLabel('At once, one email per reply').check();
    await ashPage.getByRole('button', { name: 'Save email choices' }).click();
    await ashPage.getByText('Saved.', { exact: true }).waitFor();

    const mod = await moderator.newPage();
    await mod.goto(`${server.url}${postPath}`);
    const ashReply = mod.getByRole('article', { name: /^Ash/ }).filter({ hasText: 'pacing helped me a lot too' });
    await ashReply.getByRole('button', { name: 'Reply' }).click();
    await ashReply.getByLabel('Your reply').fill('So glad pacing is helping, Ash.');
    await ashReply.getByRole('button', { name: 'Post reply' }).click();
    await mod.getByText('So glad pacing is helping').first().waitFor();
    await mod.close();

    const notice = await mail.waitFor('ash@example.org', 2);
    expect(notice.subject).toMatch(/^Mo replied to you on “/);
    expect(notice.text).toContain('So glad pacing is helping, Ash.');
    const readLink = notice.text!.match(/Read the conversation: (\S+)/)![1];
    expect(readLink).toMatch(/\/comments\/\d+$/);
    await ashPage.goto(readLink);
    await ashPage.waitForURL(new RegExp(`${postPath}#comment-\\d+$`));
    await ashPage
      .locator(`#${new URL(ashPage.url()).hash.slice(1)}`)
      .getByText('So glad pacing is helping')
      .waitFor();
    const muteLink = notice.text!.match(/Mute this conversation: (\S+)/)![1];
    expect(new URL(muteLink).origin).toBe(server.url);
    await ashPage.goto(muteLink);
    await ashPage.getByRole('button', { name: 'Mute this conversation' }).click();
    await ashPage.getByText('you won’t get emails about this conversation any more').waitFor();
    await ashPage.close();
  });
});

describe('keyboard only', () => {
  it('reaches the skip link first, then a Reply button, and Enter opens the reply form with the cursor in it', async () => {
    const page = await member.newPage();
    await page.goto(`${server.url}${postPath}`);
    await page.getByRole('button', { name: 'Reply' }).first().waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    let label = '';
    for (let i = 0; i < 300 && label !== 'Reply'; i++) {
      await page.keyboard.press('Tab');
      label = (await page.evaluate(() => document.activeElement?.textContent?.trim())) ?? '';
    }
    expect(label).toBe('Reply');
    await page.keyboard.press('Enter');
    await page.getByLabel('Your reply').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', undefined, { timeout: 5000 });
    await page.keyboard.type('Typed without a mouse.');
    await expect(page.getByLabel('Your reply').first().inputValue()).resolves.toBe('Typed without a mouse.');
    await page.close();
  });
});

describe('accessibility of member and moderator pages', () => {
  it('has no axe violations on the account page, the post page with controls, and the moderation queue', async () => {
    const ashPage = await member.newPage();
    const modPage = await moderator.newPage();
    const report: Record<string, string[]> = {};
    for (const [who, page, path] of [
      ['member', ashPage, '/account'],
      ['member', ashPage, postPath],
      ['moderator', modPage, '/admin/comments?show=all'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      const found = await violations(page);
      if (found.length) report[`${who} ${path}`] = found;
    }
    expect(report).toEqual({});
    await ashPage.close();
    await modPage.close();
  });
});
