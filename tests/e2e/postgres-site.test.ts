/**
 * The same Hearth on PostgreSQL (DATABASE_URL=postgres://…), through the same entry people use: the built
 * server starts on an empty throwaway database, migrates and seeds it, serves every kind of reader page, and
 * in Chromium a new member signs in with the emailed code and comments; a moderator in another browser
 * approves the held first comment and everyone sees it. The rows land in PostgreSQL, nothing in a SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startMailCatcher, readSignInEmail, type MailCatcher } from '../helpers/mail-catcher';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';
import { startServer } from './server';
import { pastSharedPageCache } from './shared-page-cache';
import { finishWithCode, signInAsNewMember, submitEmail } from './sign-in-steps';

type Server = Awaited<ReturnType<typeof startServer>>;
let cluster: PostgresCluster;
let mail: MailCatcher;
let server: Server;
let dataDir: string;
let member: BrowserContext;
let moderator: BrowserContext;
let postPath: string;

async function sql<T extends object>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  cluster = await startPostgres();
  mail = await startMailCatcher();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-pg-site-'));
  server = await startServer({ env: { DATABASE_URL: cluster.url, DATA_DIR: dataDir, EMAIL_SERVER: mail.url, ADMIN_EMAILS: 'mod@example.org' } });
  member = await launchBrowser();
  moderator = await launchBrowser();
  postPath = (await (await fetch(`${server.url}/`)).text()).match(/href="(\/posts\/[^"]+)"/)![1];
}, 120_000);

afterAll(async () => {
  await member?.close();
  await moderator?.close();
  await server?.stop();
  await mail?.close();
  await cluster?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Hearth on PostgreSQL', () => {
  it('migrates and seeds the empty database at start, saying which database it uses and never its password', async () => {
    expect(server.output()).toMatch(/database ready at hearth@127\.0\.0\.1:\d+\/hearth \(seeded with demo content\)/);
    expect(server.output()).not.toContain(decodeURIComponent(new URL(cluster.url).password));
    const [{ n }] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM posts WHERE status = 'published'");
    expect(n).toBeGreaterThan(5);
    expect(fs.existsSync(server.databaseFile)).toBe(false);
  });

  it('serves every kind of reader page', async () => {
    const page = async (pathname: string) => {
      const response = await fetch(`${server.url}${pathname}`);
      return { status: response.status, body: await response.text() };
    };
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('post-card__title');
    const post = await page(postPath);
    expect(post.status).toBe(200);
    expect(post.body).toMatch(/<article/);
    const category = home.body.match(/href="(\/category\/[^"/]+)"/)![1];
    for (const pathname of ['/archive', category, '/about', '/signin', '/feed.xml', '/sitemap.xml']) expect(await page(pathname)).toMatchObject({ status: 200 });
    expect((await page('/search?q=pacing')).body).toMatch(/<mark>pacing<\/mark>/i);
    expect((await page('/search?q=slep')).body).toMatch(/Did you mean/);
    expect((await page('/posts/no-such-post')).status).toBe(404);
    expect(server.output()).not.toMatch(/"level":50/);
  });

  it('lets a new member sign in with the emailed code and comment; a moderator approves it and everyone sees it', async () => {
    const page: Page = await member.newPage();
    await page.goto(`${server.url}${postPath}`);
    await page.getByRole('link', { name: 'Sign in to comment' }).click();
    await page.waitForURL(/\/signin\?callbackUrl=/);
    await submitEmail(page, 'zoe.pg@example.org');
    const { code } = readSignInEmail(await mail.waitFor('zoe.pg@example.org'));
    await finishWithCode(page, code, 'Zoë O’Brien-Ñúñez');
    await page.waitForURL((url) => url.pathname === postPath);
    await page.locator('#comment-form').getByLabel('Your comment').fill('Łódź winters and *flares*: this helped.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('Your comment is awaiting moderation').waitFor();

    const modPage = await moderator.newPage();
    await signInAsNewMember(modPage, server.url, mail, 'mod@example.org', 'Mo', postPath);
    const queue = modPage.getByRole('region', { name: 'Awaiting moderation on this post' });
    await queue.getByText('this helped').waitFor();
    await queue.getByRole('button', { name: 'Approve' }).click();
    await modPage.getByText(/^Approved: the comment is now public/).waitFor();
    await pastSharedPageCache();
    expect(await (await fetch(`${server.url}${postPath}`)).text()).toContain('Łódź winters and <em>flares</em>: this helped.');

    const stored = await sql<{ status: string; name: string }>("SELECT c.status, u.name FROM comments c JOIN users u ON u.id = c.author_id WHERE c.body LIKE 'Łódź winters%'");
    expect(stored).toEqual([{ status: 'approved', name: 'Zoë O’Brien-Ñúñez' }]);
  });
});
