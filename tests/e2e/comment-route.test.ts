/**
 * POST /api/posts/<id>/comments over HTTP against the built app (what the comment form sends), and the
 * pages of a long thread: the post page carries the newest conversations, earlier ones have their own
 * cached pages, and /comments/<id> plus the page's helper keep every comment link leading to its comment.
 * Members and their sessions are written straight into the server's database (sign-in has its own tests).
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { hashSessionToken } from '../../lib/session-token';
import { launchBrowser } from './browser';
import { startServer } from './server';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let db: Database.Database;
let postId: number;
let postSlug: string;

beforeAll(async () => {
  server = await startServer();
  db = new Database(server.databaseFile);
  const posts = db.prepare("select id, slug from posts where status = 'published' order by published_at desc").all() as { id: number; slug: string }[];
  ({ id: postId, slug: postSlug } = posts[0]);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

/** A member with a live database session (stored hashed, as the app stores it); returns the Cookie header that carries it. */
function member(name: string, options: { approvedCommentOn?: number } = {}): { id: string; cookie: string } {
  const id = randomUUID();
  const token = randomUUID();
  db.prepare("insert into users (id, name, email, role) values (?, ?, ?, 'member')").run(id, name, `${id}@example.org`);
  db.prepare('insert into sessions (session_token, user_id, expires) values (?, ?, ?)').run(hashSessionToken(token), id, Date.now() + 3_600_000);
  if (options.approvedCommentOn) {
    db.prepare("insert into comments (post_id, depth, author_id, body, html, status, created_at) values (?, 1, ?, 'Earlier words', '<p>Earlier words</p>', 'approved', ?)").run(
      options.approvedCommentOn,
      id,
      Date.now() - 86_400_000,
    );
  }
  return { id, cookie: `authjs.session-token=${token}` };
}

const commentsBy = (userId: string) => (db.prepare('select count(*) as n from comments where author_id = ?').get(userId) as { n: number }).n;

function post(body: string, headers: Record<string, string>, id = postId) {
  return fetch(`${server.url}/api/posts/${id}/comments`, { method: 'POST', headers, body, redirect: 'manual' });
}
const json = (cookie: string) => ({ 'Content-Type': 'application/json', Cookie: cookie });

describe('POST /api/posts/<id>/comments', () => {
  it('holds a new member’s first comment (201 pending), not shown in the public page', async () => {
    const ash = member('Ash');
    const response = await post(JSON.stringify({ body: 'My very first words here.', website: '' }), json(ash.cookie));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const answer = await response.json();
    expect(answer).toMatchObject({ ok: true, status: 'pending', message: expect.stringContaining('awaiting moderation') });
    expect(db.prepare('select status, post_id as postId from comments where id = ?').get(answer.id)).toEqual({ status: 'pending', postId });
    expect(await (await fetch(`${server.url}/posts/${postSlug}`)).text()).not.toContain('My very first words here.');
  });

  it('publishes a known member’s comment (201 approved), in the page at once for its author and within a second for everyone, and a reply under it', async () => {
    const bo = member('Bo', { approvedCommentOn: postId });
    const response = await post(JSON.stringify({ body: 'Pacing *really* helped me.', contentNote: 'mentions fatigue' }), json(bo.cookie));
    expect(response.status).toBe(201);
    const answer = await response.json();
    expect(answer).toMatchObject({ ok: true, status: 'approved', message: 'Your comment is published.' });
    // The answer marks the author's browser for a few seconds, which sends it past the shared page cache.
    const justWrote = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('hearth-just-wrote='))!
      .split(';')[0];
    expect(await (await fetch(`${server.url}/posts/${postSlug}`, { headers: { Cookie: `${bo.cookie}; ${justWrote}` } })).text()).toContain('Pacing <em>really</em> helped me.');
    await pastSharedPageCache();
    expect(await (await fetch(`${server.url}/posts/${postSlug}`)).text()).toContain('Pacing <em>really</em> helped me.');

    const mo = member('Mo', { approvedCommentOn: postId });
    const reply = await post(JSON.stringify({ body: 'Same here.', parentId: answer.id }), json(mo.cookie));
    expect(reply.status).toBe(201);
    const { id } = await reply.json();
    expect(db.prepare('select parent_id as parentId, depth from comments where id = ?').get(id)).toEqual({ parentId: answer.id, depth: 2 });
  });

  it('refuses, storing nothing: signed out 401, not JSON 415, too big 413, unreadable 400, invalid 400 with field errors, rules 422', async () => {
    const cy = member('Cy', { approvedCommentOn: postId });
    const before = commentsBy(cy.id);
    const refusals: [string, Promise<Response>, number][] = [
      ['signed out', post(JSON.stringify({ body: 'Hello' }), { 'Content-Type': 'application/json' }), 401],
      ['unknown session', post(JSON.stringify({ body: 'Hello' }), json('authjs.session-token=forged')), 401],
      ['form-encoded', post('body=Hello', { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cy.cookie }), 415],
      ['over 64 KB', post(JSON.stringify({ body: 'x'.repeat(70_000) }), json(cy.cookie)), 413],
      ['malformed JSON', post('{"body": "Hello"', json(cy.cookie)), 400],
      ['an array', post('["Hello"]', json(cy.cookie)), 400],
      ['honeypot filled', post(JSON.stringify({ body: 'Buy now', website: 'spam.example' }), json(cy.cookie)), 400],
      ['no such post', post(JSON.stringify({ body: 'Hello' }), json(cy.cookie), 999_999), 422],
    ];
    for (const [what, pending, status] of refusals) {
      const response = await pending;
      expect({ what, status: response.status }).toEqual({ what, status });
      expect(await response.json()).toMatchObject({ ok: false, message: expect.any(String) });
    }

    const empty = await post(JSON.stringify({ body: '   ', contentNote: 'x'.repeat(81) }), json(cy.cookie));
    expect(empty.status).toBe(400);
    expect((await empty.json()).fieldErrors).toEqual({ body: ['Write something before posting.'], contentNote: ['Keep the content note to 80 characters.'] });
    expect(commentsBy(cy.id)).toBe(before);

    // Flood limit: one comment every 10 seconds.
    expect((await post(JSON.stringify({ body: 'First.' }), json(cy.cookie))).status).toBe(201);
    const tooSoon = await post(JSON.stringify({ body: 'Second.' }), json(cy.cookie));
    expect(tooSoon.status).toBe(422);
    expect((await tooSoon.json()).message).toMatch(/very quickly/);
    expect(commentsBy(cy.id)).toBe(before + 1);

    const closed = (db.prepare("select id from posts where status = 'published' and id != ? limit 1").get(postId) as { id: number }).id;
    db.prepare('update posts set comments_closed = 1 where id = ?').run(closed);
    const dee = member('Dee', { approvedCommentOn: closed });
    const refused = await post(JSON.stringify({ body: 'Hello' }), json(dee.cookie), closed);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ ok: false, message: 'Comments are closed on this post.' });
    expect(commentsBy(dee.id)).toBe(1);
  });
});

describe('a long thread', () => {
  let slug: string;
  const ids: number[] = [];

  beforeAll(() => {
    // A post nobody has opened yet (its page is not cached): 40 conversations of 3 comments each.
    const target = db.prepare("select id, slug from posts where status = 'published' and comments_closed = 0 order by published_at asc limit 1").get() as { id: number; slug: string };
    slug = target.slug;
    const writer = member('Eli');
    const insert = db.prepare("insert into comments (post_id, parent_id, depth, author_id, body, html, status, created_at) values (?, ?, ?, ?, ?, ?, 'approved', ?)");
    const start = Date.now() - 1_000 * 3_600_000;
    db.transaction(() => {
      for (let t = 0; t < 40; t++) {
        const at = start + t * 3_600_000;
        const root = Number(insert.run(target.id, null, 1, writer.id, `Conversation ${t}`, `<p>Conversation ${t} starts</p>`, at).lastInsertRowid);
        ids.push(root);
        for (let r = 1; r < 3; r++) ids.push(Number(insert.run(target.id, root, 2, writer.id, `Reply ${t}.${r}`, `<p>Reply ${t}.${r}</p>`, at + r).lastInsertRowid));
      }
    })();
    db.prepare("insert into comments (post_id, depth, author_id, body, html, status) values (?, 1, ?, 'Held', '<p>Held</p>', 'pending')").run(target.id, writer.id);
  });

  const shown = (html: string) => [...html.matchAll(/<article id="comment-(\d+)"/g)].map((m) => Number(m[1]));

  it('puts the newest whole conversations (up to 50 comments) in the post page and links to the earlier ones', async () => {
    const html = await (await fetch(`${server.url}/posts/${slug}`)).text();
    expect(shown(html)).toEqual(ids.slice(-48));
    expect(html).toContain(`<a href="/posts/${slug}/comments/2">Read 72 earlier comments</a>`);

    const page2 = await fetch(`${server.url}/posts/${slug}/comments/2`);
    expect(page2.status).toBe(200);
    const page2Html = await page2.text();
    // Earlier pages are filled from the oldest, so their addresses keep their comments as new ones arrive.
    expect(shown(page2Html)).toEqual(ids.slice(48, 72));
    expect(page2Html).toContain(`href="/posts/${slug}/comments/1"`);
    expect(shown(await (await fetch(`${server.url}/posts/${slug}/comments/1`)).text())).toEqual(ids.slice(0, 48));
    for (const missing of ['3', '0', 'x', '01']) expect((await fetch(`${server.url}/posts/${slug}/comments/${missing}`)).status).toBe(404);
  });

  it('sends /comments/<id> to the page showing the comment, and answers 404 for comments readers cannot see', async () => {
    const where = async (id: number | string) => {
      const response = await fetch(`${server.url}/comments/${id}`, { redirect: 'manual' });
      return { status: response.status, location: response.headers.get('location') };
    };
    expect(await where(ids[1])).toEqual({ status: 302, location: `/posts/${slug}/comments/1#comment-${ids[1]}` });
    expect(await where(ids[50])).toEqual({ status: 302, location: `/posts/${slug}/comments/2#comment-${ids[50]}` });
    expect(await where(ids[119])).toEqual({ status: 302, location: `/posts/${slug}#comment-${ids[119]}` });
    const held = (db.prepare("select id from comments where status = 'pending' order by id desc limit 1").get() as { id: number }).id;
    for (const hidden of [held, 999_999, 'abc', '-1']) expect((await where(hidden)).status).toBe(404);
  });

  it('follows a #comment link to a comment not on the post page to the page that shows it (with JavaScript)', async () => {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto(`${server.url}/posts/${slug}#comment-${ids[2]}`);
    await page.waitForURL(`${server.url}/posts/${slug}/comments/1#comment-${ids[2]}`);
    await page.locator(`#comment-${ids[2]}`).getByText('Reply 0.2').waitFor();
    await browser.close();
  });
});
