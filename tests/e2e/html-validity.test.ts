/**
 * The Nu HTML Checker (vnu-jar) finds no error on any page type, as the built app serves it (signed in
 * where the page needs it). All pages go to one vnu run: each start of its JVM takes seconds.
 */
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashSessionToken } from '../../lib/session-token';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';

type Server = Awaited<ReturnType<typeof startServer>>;
type VnuMessage = { type: string; url: string; message: string; lastLine?: number; extract?: string };

let server: Server;
let db: SiteDatabase;
let dir: string;
const pages: { name: string; path: string; cookie?: string }[] = [];

/** A member of `role` with a live session (stored hashed, as the app stores it): the Cookie header carrying it. */
async function sessionFor(role: 'member' | 'admin', name: string): Promise<string> {
  const id = randomUUID();
  const token = randomUUID();
  await db.run('insert into users (id, name, email, role) values (?, ?, ?, ?)', [id, name, `${id}@example.org`, role]);
  await db.run('insert into sessions (session_token, user_id, expires) values (?, ?, ?)', [hashSessionToken(token), id, new Date(Date.now() + 3_600_000)]);
  return `authjs.session-token=${token}`;
}

beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(path.join(tmpdir(), 'hearth-vnu-'));
  db = openSiteDatabase(server.databaseUrl);
  const one = async <T>(sql: string) => (await db.get<T>(sql)) as T;
  // A post with every kind of content: a table, footnotes, an image, comments by a member and a guest.
  const post = await one<{ id: number; slug: string; body: string }>("select id, slug, body from posts where status = 'published' order by published_at desc limit 1");
  const table = '\n\n| Day | Energy |\n| --- | --- |\n| Monday | Low |\n| Tuesday | Better |\n\nPacing helps.[^pace]\n\n[^pace]: Zoë O’Brien-Ñúñez, 2026.\n';
  const image = (await one<{ body: string } | undefined>("select body from posts where body like '%![%' limit 1"))?.body.match(/!\[[^\]]*\]\([^)]+\)/)?.[0] ?? '';
  await db.run('update posts set body = ? where id = ?', [`${post.body}${table}\n${image}\n`, post.id]);
  await db.run("insert into comments (post_id, depth, author_id, body, html, status, created_at, guest_name, guest_email) values (?, 0, null, ?, ?, 'approved', ?, ?, ?)", [
    post.id,
    'Dzięki',
    '<p>Dzięki</p>',
    new Date(Date.now() - 60_000),
    'Łukasz',
    'lukasz@example.org',
  ]);
  const page = await one<{ slug: string }>("select slug from pages where status = 'published' limit 1");
  const category = await one<{ slug: string }>('select c.slug from categories c join posts p on p.category_id = c.id group by c.id limit 1');
  const tag = await one<{ slug: string }>('select t.slug from tags t join post_tags pt on pt.tag_id = t.id group by t.id limit 1');
  const author = await one<{ slug: string }>("select u.slug from users u join posts p on p.author_id = u.id where p.status = 'published' limit 1");
  const member = await sessionFor('member', 'Zoë O’Brien-Ñúñez');
  const admin = await sessionFor('admin', 'Łukasz Admin');
  pages.push(
    { name: 'home', path: '/' },
    { name: 'post', path: `/posts/${post.slug}` },
    { name: 'page', path: `/${page.slug}` },
    { name: 'category', path: `/category/${category.slug}` },
    { name: 'tag', path: `/tag/${tag.slug}` },
    { name: 'author', path: `/author/${author.slug}` },
    { name: 'archive', path: '/archive' },
    { name: 'search-results', path: '/search?q=pacing' },
    { name: 'search-none', path: '/search?q=zzqqxxnothing' },
    { name: 'sign-in', path: '/signin' },
    { name: 'account', path: '/account', cookie: member },
    { name: 'not-found', path: '/no-such-page-anywhere/at-all' },
    { name: 'admin-dashboard', path: '/admin', cookie: admin },
    { name: 'editor-new', path: '/admin/posts/new', cookie: admin },
    { name: 'editor-existing', path: `/admin/posts/${post.id}`, cookie: admin },
  );
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('finds no HTML error on any page type', async () => {
  const files: Record<string, string> = {};
  for (const { name, path: pathname, cookie } of pages) {
    const response = await fetch(`${server.url}${pathname}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });
    expect([name, response.status]).toEqual([name, name === 'not-found' ? 404 : 200]);
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, await response.text());
    files[`file:${file}`] = name;
  }
  const vnu = path.join(__dirname, '..', '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  const run = spawnSync('java', ['-jar', vnu, '--format', 'json', '--stdout', ...Object.keys(files).map((url) => url.slice('file:'.length))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.error).toBeUndefined();
  const messages: VnuMessage[] = JSON.parse(run.stdout).messages;
  const errors = messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${files[m.url] ?? m.url} (line ${m.lastLine}): ${m.message} ${m.extract ? `[${m.extract.trim()}]` : ''}`);
  if (errors.length > 0) console.log(errors.join('\n'));
  expect(errors).toEqual([]);
}, 180_000);
