/**
 * The whole admin area for checks that must hold on every admin page (a phone's width, axe): its list of pages,
 * a server whose database holds varied, awkward rows (long addresses, odd names, emoji, every queue filled),
 * and an admin signed in through the sign-in form in Chromium.
 * A new admin page goes into ADMIN_PAGES.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { openSiteDatabase } from '../helpers/site-database';
import { startServer } from './server';
import { signInAsNewMember } from './sign-in-steps';

/** `{post}`, `{draft}` and `{page}` stand for the awkward published post, draft and page written below; `{import…}` for import jobs. */
export const ADMIN_PAGES = [
  '/admin',
  '/admin/posts',
  '/admin/posts/new',
  '/admin/posts/{post}',
  '/admin/posts/{post}/preview',
  '/admin/posts/{draft}',
  '/admin/pages',
  '/admin/pages/new',
  '/admin/pages/{page}',
  '/admin/comments',
  '/admin/comments?show=reported',
  '/admin/people',
  '/admin/people?q=example',
  '/admin/subscribers',
  '/admin/subscribers/import',
  '/admin/activity',
  '/admin/settings',
  '/admin/categories',
  '/admin/tags',
  '/admin/menu',
  '/admin/media',
  '/admin/stats',
  '/admin/import',
  '/admin/import/{importDone}',
  '/admin/import/{importFailed}',
  '/admin/redirects',
];

export const ADMIN_EMAIL = 'ada.admin@example.org';

export type AdminSite = {
  url: string;
  mail: MailCatcher;
  browser: BrowserContext;
  /** A page of the signed-in admin's browser. */
  adminPage(): Promise<Page>;
  /** Opens every admin page in `page` and runs `check` on it. */
  eachPage(page: Page, check: (path: string) => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

const LONG = 'Ein-sehr-langes-Wort-ohne-Leerzeichen-Schmerztagebuchauswertungsbogen';
type AwkwardRow = 'post' | 'draft' | 'page' | 'importDone' | 'importFailed';

/** Rows of every kind the admin pages list, written straight into the server's database. Returns the ids the page list refers to. */
async function writeAwkwardRows(databaseUrl: string): Promise<Record<AwkwardRow, number>> {
  const db = openSiteDatabase(databaseUrl);
  try {
    const now = Date.now();
    const at = (ms: number) => new Date(ms);
    /** Runs an INSERT … RETURNING id and gives that id. */
    const inserted = async (sql: string, params: unknown[]) => (await db.get<{ id: number }>(`${sql} RETURNING id`, params))!.id;
    const person = async (name: string, email: string, role: string) => {
      const id = randomUUID();
      await db.run('INSERT INTO users (id, name, email, role, slug) VALUES (?, ?, ?, ?, ?)', [id, name, email, role, role === 'author' ? `author-${id.slice(0, 8)}` : null]);
      return id;
    };
    const luke = await person('Łukasz "Luke" ‹Żółć›', 'lukasz.zolc.with-a-rather-long-address-for-the-newsletter@example-community-health.org', 'author');
    const zoe = await person('Zoë O’Brien-Ñúñez', 'zoe.obrien-nunez@example.org', 'moderator');
    const sam = await person('Sam 🌻 Okonkwo-Lindqvist', 'sam.okonkwo.lindqvist@example.org', 'member');
    const category = (await db.get<{ id: number }>('SELECT id FROM categories ORDER BY id LIMIT 1'))!.id;
    const post = await inserted("INSERT INTO posts (slug, title, excerpt, body, status, published_at, author_id, category_id) VALUES (?, ?, ?, ?, 'published', ?, ?, ?)", [
      'zolc-notes',
      `Łukasz’s notes 🌿 on pacing: ${LONG}`,
      'Zoë O’Brien-Ñúñez asked; Łukasz answers.',
      `## ${LONG}\n\nZoë’s question, and Łukasz’s answer 🌿.`,
      at(now - 3600_000),
      luke,
      category,
    ]);
    const draft = await inserted("INSERT INTO posts (slug, title, body, status, author_id) VALUES ('zolc-draft', ?, ?, 'draft', ?)", [`Draft 📝 by Łukasz “Luke” ‹Żółć›`, 'Not yet 🌱', luke]);
    const page = await inserted("INSERT INTO pages (slug, title, body, status, nav_order) VALUES ('zolc-page', ?, ?, 'draft', NULL)", [`Über uns — ${LONG}`, 'Draft words 🌻']);
    const comment = 'INSERT INTO comments (post_id, author_id, body, html, status) VALUES (?, ?, ?, ?, ?)';
    await db.run(comment, [post, sam, `Held: call me on 0612 345 678 ${LONG}`, `<p>Held: call me on 0612 345 678 ${LONG}</p>`, 'pending']);
    await db.run(comment, [post, sam, 'Buy miracle cures 💊 here', '<p>Buy miracle cures 💊 here</p>', 'spam']);
    const reported = await inserted(comment, [post, luke, 'A reported but kind comment', '<p>A reported but kind comment</p>', 'approved']);
    await db.run('INSERT INTO comment_reports (comment_id, reporter_id, reason, note) VALUES (?, ?, ?, ?)', [reported, zoe, 'unkind', `It reads harshly to me — ${LONG}`]);
    const subscriber = 'INSERT INTO subscribers (email, status, frequency, all_categories, confirmed_at) VALUES (?, ?, ?, ?, ?)';
    await db.run(subscriber, ['lukasz.zolc.with-a-rather-long-address-for-the-newsletter@example-community-health.org', 'confirmed', 'weekly', false, at(now)]);
    await db.run(subscriber, ['zoe+living-well@example.org', 'pending', 'each-post', true, null]);
    await db.run(subscriber, ['gone.away@example.org', 'undeliverable', 'each-post', true, at(now)]);
    await db.run("INSERT INTO outbox (kind, to_address, subject, text, html, status, attempts, next_attempt_at, last_error) VALUES ('new-post', ?, ?, 'x', '<p>x</p>', 'failed', 5, ?, ?)", [
      'lukasz.zolc.with-a-rather-long-address-for-the-newsletter@example-community-health.org',
      `New post: Łukasz’s notes 🌿 on pacing: ${LONG}`,
      at(now),
      `550 5.1.1 <lukasz.zolc.with-a-rather-long-address-for-the-newsletter@example-community-health.org>: Recipient address rejected: ${LONG}`,
    ]);
    const activity = 'INSERT INTO activity_log (actor_id, actor_name, action, subject, at) VALUES (?, ?, ?, ?, ?)';
    await db.run(activity, [luke, 'Łukasz "Luke" ‹Żółć›', 'post.publish', `“Łukasz’s notes 🌿 on pacing: ${LONG}”`, at(now - 60_000)]);
    await db.run(activity, [zoe, 'Zoë O’Brien-Ñúñez', 'comment.approve', 'a comment by Sam 🌻 Okonkwo-Lindqvist', at(now)]);
    const report = {
      dryRun: false,
      counts: { post: { added: 12, updated: 3, skipped: 1 }, comment: { added: 240, updated: 0, skipped: 17 }, image: { added: 30, updated: 0, skipped: 2 } },
      notes: [
        { subject: `Post “${LONG}” (WordPress ID 42)`, outcome: 'changed', reason: 'Also in “Research”: kept as the tag “Research”' },
        { subject: 'Comment 7 by Łukasz', outcome: 'skipped', reason: 'Spam is never imported.' },
        { subject: '[gallery ids="1,2"] in “Zoë’s garden”', outcome: 'kept as text', reason: 'Hearth has no galleries: the shortcode is kept as text.' },
        { subject: `/wp-content/uploads/2024/05/${LONG}.jpg`, outcome: 'missing', reason: 'Not in the uploads archive: the post keeps its alt text.' },
      ],
      notesLeftOut: 0,
      startedAt: new Date(now - 60_000).toISOString(),
      finishedAt: new Date(now).toISOString(),
    };
    const job =
      "INSERT INTO import_jobs (kind, status, file_name, file_path, uploads_path, progress_done, progress_total, stage, report, error, started_by_id, created_at, heartbeat_at, finished_at) VALUES ('wordpress', ?, ?, '/nowhere/export.xml', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    const importDone = await inserted(job, [
      'done',
      `zoe-${LONG}.wordpress.2024-05-01.xml`,
      '/nowhere/uploads.zip',
      100,
      100,
      'Finished',
      JSON.stringify(report),
      null,
      luke,
      at(now - 60_000),
      at(now),
      at(now),
    ]);
    const importFailed = await inserted(job, [
      'failed',
      'not-an-export.xml',
      null,
      0,
      0,
      'Stopped',
      null,
      'This file is not a WordPress export: it has no <rss> element.',
      luke,
      at(now - 120_000),
      at(now - 100_000),
      at(now - 100_000),
    ]);
    await db.run("INSERT INTO redirects (from_path, to_path, hits, last_hit_at, origin) VALUES (?, '/posts/zolc-notes', 12, ?, 'wordpress')", [
      `/2019/03/04/łukasz-notes-${LONG.toLowerCase()}`,
      at(now),
    ]);
    return { post, draft, page, importDone, importFailed };
  } finally {
    await db.close();
  }
}

export async function openAdminSite(): Promise<AdminSite> {
  const mail = await startMailCatcher();
  const server = await startServer({ env: { EMAIL_SERVER: mail.url, ADMIN_EMAILS: ADMIN_EMAIL } });
  const ids = await writeAwkwardRows(server.databaseUrl);
  const browser = await launchBrowser();
  const signIn = await browser.newPage();
  await signInAsNewMember(signIn, server.url, mail, ADMIN_EMAIL, 'Ada Ñ. Admin', '/admin');
  await signIn.close();
  const resolve = (path: string) => path.replace(/\{(post|draft|page|import\w+)\}/, (_, name: keyof typeof ids) => String(ids[name]));
  return {
    url: server.url,
    mail,
    browser,
    adminPage: () => browser.newPage(),
    async eachPage(page, check) {
      for (const path of ADMIN_PAGES) {
        const response = await page.goto(`${server.url}${resolve(path)}`);
        if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
        await page.waitForLoadState('networkidle');
        await check(path);
      }
    },
    async close() {
      await browser.close();
      await server.stop();
      await mail.close();
    },
  };
}
