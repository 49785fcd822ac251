/**
 * `npm run db:copy -- --to postgres://…` on a real, throwaway PostgreSQL cluster: the demo site plus varied rows
 * (odd names, reply threads whose parent has a higher id, drafts, scheduled posts, tags, subscribers with topics,
 * outbox, sessions, settings) arrive whole, converted and searchable; the target's sequences continue after the
 * copied ids; and every refusal (a filled or foreign target, a closed port, a wrong password, a value that
 * cannot be converted) says why, prints no password and changes nothing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { eq, is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { Client } from 'pg';
import { getDb, writingDb } from '@/db/index';
import * as schema from '@/db/schema-sqlite';
import { comments, menuItems, outbox, posts, postWorkingCopies, rateLimitHits, sessions, siteSettings, users } from '@/db/schema';
import { seedIfEmpty } from '@/db/seed';
import { MAX_BATCH_ROWS } from '@/db/copy-to-postgres';
import { createAuthor, createCategory, createPost, createSubscriber, createTag } from '../../helpers/fixtures';
import { startPostgres, type PostgresCluster } from '../../helpers/postgres';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../e2e/server') as { freePort: () => Promise<number> };

jest.setTimeout(90_000);
const exec = promisify(execFile);

type Run = { code: number; stdout: string; stderr: string };

/** `npm run db:copy -- …` as an admin runs it; the source defaults to this test's DATABASE_URL. */
async function dbCopy(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec('npm', ['run', '-s', 'db:copy', '--', ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Run;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const password = (url: string) => decodeURIComponent(new URL(url).password);

let cluster: PostgresCluster;
let target: Client;

async function query<T extends object>(text: string, values: unknown[] = [], client = target): Promise<T[]> {
  return (await client.query<T>(text, values)).rows;
}

/** A second database in the cluster, owned by the test's role (as a hosting panel would make one). */
async function createDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} OWNER hearth`);
  await admin.end();
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

const tableNames = () =>
  Object.values(schema as Record<string, unknown>)
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => getTableConfig(table).name);

async function countsIn(client: Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of tableNames()) counts[name] = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`, [], client))[0].n;
  return counts;
}

const exact = new Date(Date.UTC(2026, 1, 3, 4, 5, 6, 789));
let zoe: typeof users.$inferSelect;
let lodzPost: typeof posts.$inferSelect;
let reply: typeof comments.$inferSelect;
let parent: typeof comments.$inferSelect;

beforeAll(async () => {
  cluster = await startPostgres();
  // Straight onto the writing connection, in SQLite's own synchronous way: this file is about SQLite.
  const db = writingDb();
  expect(await seedIfEmpty()).toBe(true);
  zoe = await createAuthor({ name: 'Zoë O’Brien-Ñúñez', email: 'zoe@example.org', slug: 'zoe', commentingBlocked: true });
  const lukasz = await createAuthor({ name: 'Łukasz', email: 'lukasz@example.org', slug: 'lukasz', role: 'member', emailVerified: exact });
  const topic = await createCategory('flare-days');
  const tag = await createTag('łódź-meetups');
  lodzPost = await createPost({ authorId: zoe.id, title: 'Meeting in Łódź', body: 'Gentle walks for “brain fog” days.', categoryId: topic.id, tagIds: [tag.id], publishedAt: exact });
  await createPost({ authorId: lukasz.id, status: 'draft', publishedAt: null, title: 'A draft' });
  await createPost({ authorId: zoe.id, status: 'scheduled', publishedAt: new Date(Date.UTC(2027, 0, 1)), title: 'Later' });
  // A reply whose parent has a higher id and arrives in a later batch (PostgreSQL checks foreign keys per
  // statement): copying in id order alone would break the foreign key.
  parent = db.insert(comments).values({ id: 9000, postId: lodzPost.id, authorId: lukasz.id, body: 'First!', html: '<p>First!</p>', status: 'approved' }).returning().get();
  reply = db
    .insert(comments)
    .values({ id: 5, postId: lodzPost.id, parentId: 9000, depth: 2, authorId: zoe.id, body: 'Dziękuję', html: '<p>Dziękuję</p>', status: 'approved', editedAt: exact })
    .returning()
    .get();
  db.transaction((tx) => {
    for (let n = 0; n < MAX_BATCH_ROWS; n++)
      tx.insert(comments)
        .values({ id: 10 + n, postId: lodzPost.id, body: `Note ${n}`, html: `<p>Note ${n}</p>`, status: 'approved' })
        .run();
  });
  db.insert(comments).values({ postId: lodzPost.id, guestName: 'Ana', guestEmail: 'ana@example.com', body: 'Held', html: '<p>Held</p>', status: 'pending', contentNote: 'pain' }).run();
  await createSubscriber({ email: 'sub1@example.org', categoryIds: [topic.id] });
  await createSubscriber({ email: 'sub2@example.org', status: 'pending', confirmedAt: null });
  db.insert(outbox)
    .values({ kind: 'reply', toAddress: 'lukasz@example.org', subject: 'Re: Łódź', text: 't', html: '<p>t</p>', headers: { 'List-Unsubscribe': '<https://example.org/u>' }, nextAttemptAt: exact })
    .run();
  db.insert(sessions).values({ sessionToken: 'token-1', userId: zoe.id, expires: exact }).run();
  db.insert(rateLimitHits).values({ key: 'sign-in:zoe', at: exact }).run();
  db.insert(postWorkingCopies)
    .values({ postId: lodzPost.id, fields: { title: 'Łódź “draft”', nested: { list: [1, 2] } }, savedById: zoe.id, savedAt: exact })
    .run();
  db.update(siteSettings)
    .set({ holdFirstComment: false, blockedWords: ['spam', 'ñandú'] })
    .run();
  target = new Client({ connectionString: cluster.url });
  await target.connect();
}, 90_000);

afterAll(async () => {
  await target?.end();
  await cluster?.stop();
});

describe('npm run db:copy', () => {
  let first: Run;
  beforeAll(async () => {
    first = await dbCopy(['--to', cluster.url]);
  });

  it('copies every table with the same row count, and prints a table of them and the total', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const counts = await countsIn(target);
    const db = getDb().$client;
    for (const [name, rows] of Object.entries(counts)) {
      expect([name, rows]).toEqual([name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]);
      expect(first.stdout).toMatch(new RegExp(`^${name}\\s+${rows}$`, 'm'));
    }
    expect(counts.posts).toBeGreaterThan(8);
    expect(counts.comments).toBe(MAX_BATCH_ROWS + 3);
    expect(counts.menu_items).toBeGreaterThan(0);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(first.stdout).toMatch(new RegExp(`^copied ${total} rows in \\d+\\.\\d s$`, 'm'));
    expect(first.stdout).not.toContain(password(cluster.url));
  });

  it('converts times to the millisecond, flags to booleans and JSON to jsonb, and keeps NULLs', async () => {
    const [post] = await query<{ published_at: Date; created_at: Date }>('SELECT published_at, created_at FROM posts WHERE id = $1', [lodzPost.id]);
    expect(post.published_at.toISOString()).toBe('2026-02-03T04:05:06.789Z');
    // A time SQLite's own default wrote (unixepoch('subsec') * 1000) arrives as the app reads it.
    expect(post.created_at.getTime()).toBe(getDb().select().from(posts).where(eq(posts.id, lodzPost.id)).get()!.createdAt.getTime());
    const people = await query<{ name: string; commenting_blocked: boolean; email_verified: Date | null }>(
      'SELECT name, commenting_blocked, email_verified FROM users WHERE slug IN ($1, $2) ORDER BY slug',
      ['lukasz', 'zoe'],
    );
    expect(people).toEqual([
      { name: 'Łukasz', commenting_blocked: false, email_verified: exact },
      { name: 'Zoë O’Brien-Ñúñez', commenting_blocked: true, email_verified: null },
    ]);
    const [settings] = await query<{ hold_first_comment: boolean; blocked_words: unknown; community_links: unknown; type: string }>(
      'SELECT hold_first_comment, blocked_words, community_links, jsonb_typeof(blocked_words) AS type FROM site_settings',
    );
    expect(settings).toEqual({ hold_first_comment: false, blocked_words: ['spam', 'ñandú'], community_links: getDb().select().from(siteSettings).get()!.communityLinks, type: 'array' });
    const [copy] = await query<{ fields: unknown }>('SELECT fields FROM post_working_copies');
    expect(copy.fields).toEqual({ title: 'Łódź “draft”', nested: { list: [1, 2] } });
    const [draft] = await query<{ published_at: Date | null }>("SELECT published_at FROM posts WHERE title = 'A draft'");
    expect(draft.published_at).toBeNull();
    const [mail] = await query<{ headers: unknown; lease_until: Date | null }>('SELECT headers, lease_until FROM outbox');
    expect(mail).toEqual({ headers: { 'List-Unsubscribe': '<https://example.org/u>' }, lease_until: null });
  });

  it('keeps reply threads: a reply points at its parent, whatever their ids', async () => {
    const rows = await query<{ id: number; parent_id: number | null; edited_at: Date | null }>('SELECT id, parent_id, edited_at FROM comments ORDER BY id');
    expect(rows.find((row) => row.id === reply.id)).toEqual({ id: 5, parent_id: parent.id, edited_at: exact });
    expect(rows.find((row) => row.id === 9000)!.parent_id).toBeNull();
    const menu = getDb().select().from(menuItems).all();
    expect(await query('SELECT id, parent_id FROM menu_items ORDER BY id')).toEqual(menu.map((item) => ({ id: item.id, parent_id: item.parentId })).sort((a, b) => a.id - b.id));
  });

  it('fills the search index: one document per post, and a post is found by a word of it, accents ignored', async () => {
    const [{ posts: total, documents }] = await query<{ posts: number; documents: number }>('SELECT (SELECT count(*)::int FROM posts) AS posts, (SELECT count(*)::int FROM posts_search) AS documents');
    expect(documents).toBe(total);
    const found = await query<{ id: number }>("SELECT post_id AS id FROM posts_search WHERE document @@ to_tsquery('hearth_search', 'lodz')");
    expect(found).toEqual([{ id: lodzPost.id }]);
  });

  it('resets the sequences: a new row gets the next id after the copied ones', async () => {
    const [row] = await query<{ id: number }>("INSERT INTO comments (post_id, body, html, status) VALUES ($1, 'after', '<p>after</p>', 'approved') RETURNING id", [lodzPost.id]);
    const sqliteMax = (getDb().$client.prepare('SELECT max(id) AS n FROM comments').get() as { n: number }).n;
    expect(sqliteMax).toBeGreaterThanOrEqual(9000);
    expect(row.id).toBe(sqliteMax + 1);
    const [maxTag] = await query<{ n: number }>('SELECT max(id) AS n FROM tags');
    expect((await query<{ id: number }>("INSERT INTO tags (slug, name) VALUES ('new', 'New') RETURNING id"))[0].id).toBe(maxTag.n + 1);
    await query("DELETE FROM tags WHERE slug = 'new'");
    await query("DELETE FROM comments WHERE body = 'after'");
  });

  it('refuses a second copy into the now filled database, and changes nothing', async () => {
    const before = await countsIn(target);
    const second = await dbCopy(['--to', cluster.url]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^db:copy failed, no row was copied: The target database already holds Hearth data \(in [a-z_, ]*users[a-z_, ]*\): db:copy never overwrites/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(await countsIn(target)).toEqual(before);
  });
});

describe('npm run db:copy refuses', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-copy-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  /** A copy of this test's site database with one statement run on it, to pass as --from. */
  async function alteredSource(name: string, statement: string): Promise<string> {
    const file = path.join(scratch, name);
    await getDb().$client.backup(file);
    const altered = new Database(file);
    altered.prepare(statement).run();
    altered.close();
    return file;
  }

  it('a database holding a table that is not Hearth’s, before touching it', async () => {
    const url = await createDatabase('other_app');
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("CREATE TABLE notes (id serial PRIMARY KEY, body text); INSERT INTO notes (body) VALUES ('keep me')");
      const run = await dbCopy(['--to', url]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/holds tables that are not Hearth's \(public\.notes\)/);
      expect(await query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', ['public'], other)).toEqual([{ table_name: 'notes' }]);
    } finally {
      await other.end();
    }
  });

  it('a closed port and a wrong password with plain reasons, no stack trace and no password', async () => {
    const closed = new URL(cluster.url);
    closed.port = String(await freePort());
    const unreachable = await dbCopy(['--to', closed.toString()]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(new RegExp(`Cannot reach the PostgreSQL server at hearth@127\\.0\\.0\\.1:${closed.port}/hearth: check that it is running`));
    const wrong = new URL(cluster.url);
    wrong.password = 'Wr0ng-Sëcret';
    const refused = await dbCopy(['--to', wrong.toString()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PostgreSQL refused the password for user "hearth" at hearth@127\.0\.0\.1:\d+\/hearth/);
    for (const run of [unreachable, refused]) {
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout + run.stderr).not.toContain(password(cluster.url));
      expect(run.stdout + run.stderr).not.toContain('Wr0ng');
    }
  });

  it('a value that cannot be converted: the whole copy rolls back, leaving no row', async () => {
    // The outbox comes after users, posts and comments: those were already inserted when the copy fails.
    const file = await alteredSource('broken.db', "UPDATE outbox SET headers = 'not json'");
    const url = await createDatabase('rolled_back');
    // The password may stay out of the URL (and so out of the shell's history): node-postgres reads PGPASSWORD.
    const withoutPassword = new URL(url);
    withoutPassword.password = '';
    const run = await dbCopy(['--to', withoutPassword.toString(), '--from', `file:${file}`], { PGPASSWORD: password(url) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^db:copy failed, no row was copied: outbox\.headers: a text value cannot become jsonb \(.*JSON.*\)\.?$/m);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      expect(Object.values(await countsIn(client)).every((n) => n === 0)).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('a source that lacks a migration of this version, before connecting anywhere', async () => {
    const file = await alteredSource('behind.db', 'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)');
    const closed = new URL(cluster.url);
    closed.port = String(await freePort());
    const run = await dbCopy(['--to', closed.toString(), '--from', `file:${file}`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/behind\.db lacks migrations this version of Hearth has: start the site once \(or run npm run db:migrate\)/);
  });

  it('a missing --to, with the usage and exit code 2', async () => {
    const run = await dbCopy([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--to must be a postgres:\/\/ URL\.\nUsage: npm run db:copy/);
  });
});
