/**
 * POST /api/posts/<id>/comments over HTTP against the built app (what the comment form sends), and the
 * pages of a long thread: the post page carries the newest conversations, earlier ones have their own
 * cached pages, and /comments/<id> plus the page's helper keep every comment link leading to its comment.
 * Members and their sessions are written straight into the server's database (sign-in has its own tests).
 */
import { randomUUID } from 'node:crypto';
import { hashSessionToken } from '../../lib/session-token';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { launchBrowser } from './browser';
import { startServer } from './server';
import { pastSharedPageCache } from './shared-page-cache';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let db: SiteDatabase;
let postId: number;
let postSlug: string;

beforeAll(async () => {
  server = await startServer();
  db = openSiteDatabase(server.databaseUrl);
  const posts = await db.all<{ id: number; slug: string }>("select id, slug from posts where status = 'published' order by published_at desc");
  ({ id: postId, slug: postSlug } = posts[0]);
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
});

/** A member with a live database session (stored hashed, as the app stores it); returns the Cookie header that carries it. */
async function member(name: string, options: { approvedCommentOn?: number } = {}): Promise<{ id: string; cookie: string }> {
  const id = randomUUID();
  const token = randomUUID();
  await db.run("insert into users (id, name, email, role) values (?, ?, ?, 'member')", [id, name, `${id}@example.org`]);
  await db.run('insert into sessions (session_token, user_id, expires) values (?, ?, ?)', [hashSessionToken(token), id, new Date(Date.now() + 3_600_000)]);
  if (options.approvedCommentOn) {
    await db.run("insert into comments (post_id, depth, author_id, body, html, status, created_at) values (?, 1, ?, 'Earlier words', '<p>Earlier words</p>', 'approved', ?)", [
      options.approvedCommentOn,
      id,
      new Date(Date.now() - 86_400_000),
    ]);
  }
  return { id, cookie: `authjs.session-token=${token}` };
}

const commentsBy = async (userId: string) => (await db.get<{ n: number }>('select cast(count(*) as integer) as n from comments where author_id = ?', [userId]))!.n;

function post(body: string, headers: Record<string, string>, id = postId) {
  return fetch(`${server.url}/api/posts/${id}/comments`, { method: 'POST', headers, body, redirect: 'manual' });
}
const json = (cookie: string) => ({ 'Content-Type': 'application/json', Cookie: cookie });

describe('POST /api/posts/<id>/comments', () => {
  it('holds a new member’s first comment (201 pending), not shown in the public page', async () => {
    const ash = await member('Ash');
    const response = await post(JSON.stringify({ body: 'My very first words here.', website: '' }), json(ash.cookie));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const answer = await response.json();
    expect(answer).toMatchObject({ ok: true, status: 'pending', message: expect.stringContaining('awaiting moderation') });
    expect(await db.get('select status, post_id as "postId" from comments where id = ?', [answer.id])).toEqual({ status: 'pending', postId });
    expect(await (await fetch(`${server.url}/posts/${postSlug}`)).text()).not.toContain('My very first words here.');
  });

  it('publishes a known member’s comment (201 approved), in the page at once for its author and within a second for everyone, and a reply under it', async () => {
    const bo = await member('Bo', { approvedCommentOn: postId });
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

    const mo = await member('Mo', { approvedCommentOn: postId });
    const reply = await post(JSON.stringify({ body: 'Same here.', parentId: answer.id }), json(mo.cookie));
    expect(reply.status).toBe(201);
    const { id } = await reply.json();
    expect(await db.get('select parent_id as "parentId", depth from comments where id = ?', [id])).toEqual({ parentId: answer.id, depth: 2 });
  });

  it('refuses, storing nothing: signed out 401, not JSON 415, too big 413, unreadable 400, invalid 400 with field errors, rules 422', async () => {
    const cy = await member('Cy', { approvedCommentOn: postId });
    const before = await commentsBy(cy.id);
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
    expect(await commentsBy(cy.id)).toBe(before);

    // Flood limit: one comment every 10 seconds.
    expect((await post(JSON.stringify({ body: 'First.' }), json(cy.cookie))).status).toBe(201);
    const tooSoon = await post(JSON.stringify({ body: 'Second.' }), json(cy.cookie));
    expect(tooSoon.status).toBe(422);
    expect((await tooSoon.json()).message).toMatch(/very quickly/);
    expect(await commentsBy(cy.id)).toBe(before + 1);

    const closed = (await db.get<{ id: number }>("select id from posts where status = 'published' and id != ? limit 1", [postId]))!.id;
    await db.run('update posts set comments_closed = ? where id = ?', [true, closed]);
    const dee = await member('Dee', { approvedCommentOn: closed });
    const refused = await post(JSON.stringify({ body: 'Hello' }), json(dee.cookie), closed);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({ ok: false, message: 'Comments are closed on this post.' });
    expect(await commentsBy(dee.id)).toBe(1);
  });
});

describe('a long thread', () => {
  let slug: string;
  const ids: number[] = [];

  beforeAll(async () => {
    // A post nobody has opened yet (its page is not cached): 40 conversations of 3 comments each.
    const target = (await db.get<{ id: number; slug: string }>("select id, slug from posts where status = 'published' and not comments_closed order by published_at asc limit 1"))!;
    slug = target.slug;
    const writer = await member('Eli');
    const insert = async (parentId: number | null, depth: number, body: string, html: string, at: number) =>
      (await db.get<{ id: number }>("insert into comments (post_id, parent_id, depth, author_id, body, html, status, created_at) values (?, ?, ?, ?, ?, ?, 'approved', ?) returning id", [
        target.id,
        parentId,
        depth,
        writer.id,
        body,
        html,
        new Date(at),
      ]))!.id;
    const start = Date.now() - 1_000 * 3_600_000;
    for (let t = 0; t < 40; t++) {
      const at = start + t * 3_600_000;
      const root = await insert(null, 1, `Conversation ${t}`, `<p>Conversation ${t} starts</p>`, at);
      ids.push(root);
      for (let r = 1; r < 3; r++) ids.push(await insert(root, 2, `Reply ${t}.${r}`, `<p>Reply ${t}.${r}</p>`, at + r));
    }
    await db.run("insert into comments (post_id, depth, author_id, body, html, status) values (?, 1, ?, 'Held', '<p>Held</p>', 'pending')", [target.id, writer.id]);
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
    const held = (await db.get<{ id: number }>("select id from comments where status = 'pending' order by id desc limit 1"))!.id;
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
