/**
 * Following the blog by email, in Chromium against the built app and a real SMTP server: subscribe from
 * a post page and from the footer, confirm from the captured email, get a scheduled post when its time
 * comes (nobody presses anything), leave in one click from the page or from a mail program (RFC 8058),
 * and the admin's view of it all.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';
import { confirmFromEmail as confirmWith, linkIn, subscriberStatus } from './subscription-steps';

type Server = Awaited<ReturnType<typeof startServer>>;
let mail: MailCatcher;
let server: Server;
let browser: BrowserContext;
let db: SiteDatabase;
let postPath: string;

beforeAll(async () => {
  mail = await startMailCatcher();
  server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'admin@example.org', MAIL_PER_SECOND: '50' } });
  db = openSiteDatabase(server.databaseUrl);
  browser = await launchBrowser();
  postPath = (await (await fetch(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
  await server?.stop();
  await mail?.close();
});

const statusOf = (email: string) => subscriberStatus(db, email);

const confirmFromEmail = (page: Page, email: string, count = 1) => confirmWith(page, mail, email, statusOf, count);

/** Writes a post scheduled `inMs` from now, as the editor will; the server publishes it at that time by itself. */
async function schedulePost(slug: string, title: string, inMs: number) {
  const author = (await db.get<{ id: string }>('select id from users where slug is not null limit 1'))!;
  const category = (await db.get<{ id: number }>("select id from categories where slug = 'community-stories'"))!;
  await db.run("insert into posts (slug, title, excerpt, body, status, published_at, author_id, category_id) values (?, ?, ?, ?, 'scheduled', ?, ?, ?)", [
    slug,
    title,
    `All about ${title.toLowerCase()}.`,
    `Some words about ${title.toLowerCase()}.`,
    new Date(Date.now() + inMs),
    author.id,
    category.id,
  ]);
}

describe('following the blog by email', () => {
  let page: Page;

  it('subscribes from a post page: bad input is explained, “send it again” works, the emailed button confirms', async () => {
    page = await browser.newPage();
    await page.goto(`${server.url}${postPath}`);
    const box = page.getByRole('region', { name: 'Get new posts by email' });
    await box.getByLabel('Email address').fill(`${'a'.repeat(250)}@example.org`);
    await box.getByRole('button', { name: 'Subscribe' }).click();
    await box.getByText('That address is too long (254 characters at most).').waitFor();
    await box.getByLabel('Email address').fill('not-an-address');
    await box.getByText('Enter a valid email address, like name@example.org.').waitFor();
    await box.getByLabel('Email address').fill('Reader@Example.org');
    await box.getByRole('button', { name: 'Subscribe' }).click();
    await box.getByText('Check your inbox to confirm: we sent a link to reader@example.org.').waitFor();

    await mail.waitFor('reader@example.org');
    await box.getByRole('button', { name: 'Send it again' }).click();
    await mail.waitFor('reader@example.org', 2);
    await confirmFromEmail(page, 'reader@example.org', 2);
    // Confirming brings a short welcome with the "change what you get" link.
    const welcome = await mail.waitFor('reader@example.org', 3);
    expect(welcome.subject).toBe('Welcome to Hearth');
    expect(welcome.text).toMatch(/Change what you get: http\S+\/subscription\?token=/);
  });

  it('subscribes from the footer of any page, with a weekly summary chosen there', async () => {
    const other = await browser.newPage();
    await other.goto(`${server.url}/archive`);
    const box = other.getByRole('region', { name: 'Follow by email' });
    await box.getByLabel('Email address').fill('mailer@example.org');
    await box.getByText('Choose topics or a weekly summary (optional)').click();
    await box.getByLabel('One summary a week (Mondays)').check();
    await box.getByLabel('An email for each new post').check(); // changed their mind
    await box.getByRole('button', { name: 'Subscribe' }).click();
    await box.getByText('Check your inbox to confirm').waitFor();
    await confirmFromEmail(other, 'mailer@example.org');
    await other.close();
  });

  it('emails a scheduled post to each subscriber once when its time comes, and refreshes the cached pages that show it', async () => {
    await schedulePost('subscribers-first-post', 'A post for subscribers', 3000);
    const categoryUrl = `${server.url}/category/community-stories`;
    for (const url of [`${server.url}/`, categoryUrl]) expect(await (await fetch(url)).text()).not.toContain('subscribers-first-post');
    expect((await fetch(`${server.url}/posts/subscribers-first-post`)).status).toBe(404);

    const message = await mail.waitFor('reader@example.org', 4);
    expect(message.subject).toBe('A post for subscribers');
    expect(message.text).toContain(`${server.url}/posts/subscribers-first-post`);
    expect((await mail.waitFor('mailer@example.org', 3)).subject).toBe('A post for subscribers');

    // The worker published it and had the cached pages refreshed: nobody pressed a button.
    for (const url of [`${server.url}/`, categoryUrl]) expect(await (await fetch(url)).text()).toContain('/posts/subscribers-first-post');
    expect((await fetch(`${server.url}/posts/subscribers-first-post`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2500)); // a few more worker ticks: still one email each
    expect(mail.messages.filter((m) => m.subject === 'A post for subscribers')).toHaveLength(2);
  });

  it('unsubscribes in one click from the emailed link, and from a mail program’s own button (RFC 8058)', async () => {
    const toReader = await mail.waitFor('reader@example.org', 4);
    await page.goto(linkIn(toReader.text, '/subscription'));
    await page.getByRole('heading', { level: 1, name: 'Your email subscription' }).waitFor();
    // The choices come before "Unsubscribe".
    const sections = (await page.getByRole('heading', { level: 2 }).allTextContents()).filter((h) => ['What you get', 'Unsubscribe'].includes(h));
    expect(sections).toEqual(['What you get', 'Unsubscribe']);
    expect(await statusOf('reader@example.org')).toBe('confirmed'); // opening the link changes nothing
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }).waitFor();
    expect(await statusOf('reader@example.org')).toBe('unsubscribed');

    const toMailer = await mail.waitFor('mailer@example.org', 3);
    const header = (name: string) => toMailer.headerLines.find((h) => h.key === name)?.line ?? '';
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const oneClick = header('list-unsubscribe').match(/<(\S+)>/)![1];
    expect((await fetch(oneClick, { redirect: 'manual' })).status).toBe(303); // a GET only leads to the page
    expect(await statusOf('mailer@example.org')).toBe('confirmed');
    const tampered = await fetch(`${oneClick}x`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(tampered.status).toBe(400);
    const response = await fetch(oneClick, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(200);
    expect(await statusOf('mailer@example.org')).toBe('unsubscribed');

    await schedulePost('after-everyone-left', 'Nobody is emailed this', 500);
    await new Promise((r) => setTimeout(r, 4000));
    expect(mail.messages.some((m) => m.subject === 'Nobody is emailed this')).toBe(false);
  });

  it('shows admins the counts, the list, the outbox and a CSV; members get no addresses', async () => {
    const admin = await browser.newPage();
    await signInAsNewMember(admin, server.url, mail, 'admin@example.org', 'Admin', '/account');
    await admin.getByRole('link', { name: 'subscribers and outgoing email' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Subscribers' }).waitFor();
    const counts = admin.getByRole('definition');
    expect(await counts.allTextContents()).toEqual(['0', '0', '2', '0', '0', '0', '0', expect.any(String)]);
    await admin.getByLabel('Search by address').fill('mailer');
    await admin.getByRole('region', { name: 'Everyone on the list' }).getByRole('button', { name: 'Search' }).click();
    await admin.getByRole('cell', { name: 'mailer@example.org' }).waitFor();
    await expect(admin.getByRole('cell', { name: 'reader@example.org' }).count()).resolves.toBe(0);
    // Subscribers with different topics: the list and the CSV show each one's own (once they showed another's).
    const topic = async (slug: string) => (await db.get<{ id: number }>('SELECT id FROM categories WHERE slug = ?', [slug]))!.id;
    for (const [email, slugs] of [
      ['zoe.topics@example.org', ['living-well']],
      ['luke.topics@example.org', ['research-news', 'living-well']],
      ['kim.topics@example.org', ['community-stories']],
    ] as const) {
      const { id } = (await db.get<{ id: number }>("INSERT INTO subscribers (email, status, frequency, all_categories, confirmed_at) VALUES (?, 'confirmed', 'weekly', ?, ?) RETURNING id", [
        email,
        false,
        new Date(),
      ]))!;
      for (const slug of slugs) await db.run('INSERT INTO subscriber_categories (subscriber_id, category_id) VALUES (?, ?)', [id, await topic(slug)]);
    }
    await admin.getByLabel('Search by address').fill('.topics@');
    await admin.getByRole('region', { name: 'Everyone on the list' }).getByRole('button', { name: 'Search' }).click();
    await admin.getByRole('cell', { name: 'zoe.topics@example.org' }).waitFor();
    const rows = await admin.getByRole('row').allTextContents();
    expect(rows.filter((r) => r.includes('.topics@'))).toEqual([
      expect.stringMatching(/^kim\.topics@example\.org.*Community Stories/),
      expect.stringMatching(/^luke\.topics@example\.org.*Living Well, Research News/),
      expect.stringMatching(/^zoe\.topics@example\.org.*Living Well/),
    ]);
    const csv = await admin.request.get(`${server.url}/admin/subscribers/export`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const body = await csv.text();
    expect(body.split('\n')[0]).toBe('email,status,frequency,topics,subscribed_at,confirmed_at');
    expect(body).toContain('mailer@example.org,unsubscribed,each-post,All posts');
    expect(body).toContain('zoe.topics@example.org,confirmed,weekly,Living Well,');
    expect(body).toContain('luke.topics@example.org,confirmed,weekly,"Living Well, Research News",');
    expect(body).toContain('kim.topics@example.org,confirmed,weekly,Community Stories,');

    const anonymous = await fetch(`${server.url}/admin/subscribers/export`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('@example.org');
  });

  it('subscribes without JavaScript, and only the box that was sent answers', async () => {
    const noScript = await launchBrowser({ javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${server.url}${postPath}`);
      const postBox = plain.getByRole('region', { name: 'Get new posts by email' });
      const footerBox = plain.getByRole('region', { name: 'Follow by email' });
      await footerBox.getByLabel('Email address').fill('no.script+footer@example.org');
      await footerBox.getByRole('button', { name: 'Subscribe' }).click();
      await plain.getByText('Check your inbox to confirm').waitFor();
      await expect(footerBox.getByText('Check your inbox to confirm').count()).resolves.toBe(1);
      await expect(postBox.getByText('Check your inbox to confirm').count()).resolves.toBe(0);
      await expect(postBox.getByLabel('Email address').isVisible()).resolves.toBe(true);
      // The answer's page opens at the box that was sent.
      expect(new URL(plain.url()).hash).toBe('#footer-subscribe-heading');
      await mail.waitFor('no.script+footer@example.org');
    } finally {
      await noScript.close();
    }
  });
});
