/**
 * A moderator's alert email, in Chromium against the built app and a real SMTP server: the moderator
 * chooses "at once" on /account, a member's first comment is held, the email arrives, its link opens
 * that comment in the moderation queue, and the moderator approves it and then edits its text (the
 * public page says "edited by a moderator"). The changed staff pages pass axe in light and dark.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { violations } from './axe';
import { signInAsNewMember } from './sign-in-steps';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let db: SiteDatabase;
let member: BrowserContext;
let moderator: BrowserContext;
let postPath: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url } });
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

/** The post as a stranger sees it once the shared one-second copy is past. */
const publicHtml = async () => {
  await pastSharedPageCache();
  return (await fetch(`${server.url}${postPath}`)).text();
};

async function noAxeViolations(page: Page, paths: string[]) {
  const report: Record<string, string[]> = {};
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => localStorage.setItem('hearth:reading', JSON.stringify({ theme: t })), theme);
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      const found = await violations(page);
      if (found.length) report[`${theme} ${path}`] = found;
    }
  }
  expect(report).toEqual({});
}

describe('a moderator told at once', () => {
  let modPage: Page;
  let link = '';
  const commentText = 'First time here. Text me on 07700 900123 and I will share what helped.';

  it('chooses “at once” on /account (members never see the choice)', async () => {
    modPage = await moderator.newPage();
    await signInAsNewMember(modPage, server.url, mail, 'rosa@example.org', 'Rosa “Mod” Díaz', '/account');
    await db.run("UPDATE users SET role = 'moderator' WHERE email = ?", ['rosa@example.org']);
    await modPage.reload();
    const atOnce = modPage.getByLabel('At once, one email per held comment or report');
    await atOnce.check();
    await modPage.getByRole('button', { name: 'Save moderation emails' }).click();
    await modPage.locator('form', { has: atOnce }).getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await modPage.reload();
    await expect(atOnce.isChecked()).resolves.toBe(true);
  });

  it('gets an email when a member’s comment is held, whose link opens it in the queue, and approves it', async () => {
    const memberPage = await member.newPage();
    await signInAsNewMember(memberPage, server.url, mail, 'zoe@example.org', 'Zoë O’Brien-Ñúñez', postPath);
    await memberPage.goto(`${server.url}/account`);
    await memberPage.getByText('Email me when someone replies to my comments').waitFor();
    await expect(memberPage.getByText('Email me about comments held for moderation').count()).resolves.toBe(0);
    await memberPage.goto(`${server.url}${postPath}`);
    await memberPage.locator('#comment-form').getByLabel('Your comment').fill(commentText);
    await memberPage.getByRole('button', { name: 'Post comment' }).click();
    await memberPage.getByText('Your comment is awaiting moderation').waitFor();

    const alert = await mail.waitFor('rosa@example.org', 2); // the first was the sign-in email
    expect(alert.subject).toMatch(/^A comment is waiting for moderation on “.+”$/);
    expect(alert.text).toContain('A comment by Zoë O’Brien-Ñúñez on');
    expect(alert.text).not.toContain('zoe@example.org');
    expect(alert.text).not.toContain('07700');
    link = alert.text!.match(/http:\/\/\S+\/admin\/comments\?show=pending#comment-\d+/)![0];
    expect(mail.messages.filter((m) => JSON.stringify(m.to).includes('zoe@example.org'))).toHaveLength(1); // only her sign-in

    await modPage.goto(link);
    const item = modPage.locator(`#${link.split('#')[1]}`);
    await item.getByText('Text me on 07700 900123').waitFor();
    expect(await item.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    const entry = modPage.locator('li.queue-item', { has: item });
    await entry.getByRole('button', { name: 'Approve' }).click();
    await modPage
      .getByRole('status')
      .getByText(/^Approved: the comment is now public/)
      .waitFor();
    expect(await publicHtml()).toContain('Text me on 07700 900123');
  });

  it('edits the comment’s text from the queue: the change is public at once and marked', async () => {
    await modPage.goto(`${server.url}/admin/comments?show=all`);
    // Found by the comment's anchor: its text is what changes.
    const entry = modPage.locator('li.queue-item', { has: modPage.locator(`#${link.split('#')[1]}`) });
    await entry.getByRole('button', { name: 'Edit text' }).click();
    await entry.getByLabel(/^Text of Zoë O’Brien-Ñúñez’s comment/).fill('First time here. [Phone number removed by a moderator] I will share what helped.');
    await entry.getByRole('button', { name: 'Save the new text' }).click();
    await modPage
      .getByRole('status')
      .getByText(/^Saved: the new text is shown now/)
      .waitFor();
    const html = await publicHtml();
    expect(html).not.toContain('07700');
    expect(html).toContain('[Phone number removed by a moderator]');
    expect(html).toContain('edited by a moderator');
  });

  it('passes axe on the account page, the moderation queue and the dashboard, in light and dark', async () => {
    await noAxeViolations(modPage, ['/account', '/admin/comments?show=all', '/admin']);
  });
});
