/**
 * Feeds and list addresses to the letter (issue 16, section 6), through the production server
 * (server/index.js with its page cache): tag and comment feeds, JSON Feed 1.1, dc:creator, conditional
 * GETs answered 304, canonical links on list pages and /…/page/1 redirecting to the list itself.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';

type Server = Awaited<ReturnType<typeof startServer>>;
const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
type Item = { title: string; link: string; 'dc:creator': string; 'content:encoded': string };

let server: Server;
let db: SiteDatabase;
let commented: { id: number; slug: string };
let tag: { slug: string; name: string };
let category: string;
let author: string;

const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${server.url}${pathname}`, { headers, redirect: 'manual' });

/** Approved, held, spam and deleted comments by members and guests, the approved ones outnumbering a feed. */
async function seedComments() {
  const member = (await db.get<{ id: string }>('SELECT id FROM users WHERE name IS NOT NULL AND email IS NOT NULL LIMIT 1'))!;
  await db.run('UPDATE users SET name = ? WHERE id = ?', ['Łukasz Wróbel-Żak', member.id]);
  const insert = (...params: unknown[]) =>
    db.run('INSERT INTO comments (post_id, parent_id, depth, author_id, body, html, status, created_at, guest_name, guest_email) VALUES (?, NULL, 0, ?, ?, ?, ?, ?, ?, ?)', params);
  const at = Date.now() - 3_600_000;
  for (let i = 0; i < 22; i += 1) await insert(commented.id, null, `Older note ${i}`, `<p>Older note ${i}</p>`, 'approved', new Date(at + i * 1000), 'Filler Guest', 'filler@example.org');
  const add = (status: string, text: string, offset: number, guest: [string, string] | null) =>
    insert(
      commented.id,
      guest ? null : member.id,
      text,
      `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
      status,
      new Date(at + 60_000 + offset),
      guest?.[0] ?? null,
      guest?.[1] ?? null,
    );
  await add('approved', 'Pacing saved my week', 1000, ['Zoë O’Brien-Ñúñez', 'zoe.guest@example.org']);
  await add('pending', 'HELD words awaiting a moderator', 2000, ['Held Guest', 'held@example.net']);
  await add('spam', 'SPAM words buy now', 3000, null);
  await add('deleted', 'DELETED words nobody sees', 4000, null);
  await add('approved', 'Rest days count & <so> does sleep', 5000, null);
}

beforeAll(async () => {
  server = await startServer();
  db = openSiteDatabase(server.databaseUrl);
  commented = (await db.get<{ id: number; slug: string }>("SELECT id, slug FROM posts WHERE status = 'published' ORDER BY published_at DESC LIMIT 1"))!;
  tag = (await db.get<{ slug: string; name: string }>(
    'SELECT t.slug, t.name FROM tags t JOIN post_tags pt ON pt.tag_id = t.id JOIN posts p ON p.id = pt.post_id WHERE p.status = ? GROUP BY t.id ORDER BY count(*) DESC LIMIT 1',
    ['published'],
  ))!;
  category = (await db.get<{ slug: string }>('SELECT c.slug FROM categories c JOIN posts p ON p.category_id = c.id GROUP BY c.id LIMIT 1'))!.slug;
  author = (await db.get<{ slug: string }>("SELECT u.slug FROM users u JOIN posts p ON p.author_id = u.id WHERE p.status = 'published' LIMIT 1"))!.slug;
  await seedComments();
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
});

describe('comment feed of a post', () => {
  it('lists the newest approved comments only, at most 20, by display name, never an address', async () => {
    const response = await get(`/posts/${commented.slug}/comments/feed.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = asArray<Item>(parser.parse(xml).rss.channel.item);
    expect(items).toHaveLength(20);
    expect(items[0]['dc:creator']).toBe('Łukasz Wróbel-Żak');
    expect(items[0]['content:encoded']).toContain('Rest days count &amp; &lt;so&gt; does sleep');
    expect(items[0].link).toMatch(new RegExp(`/posts/${commented.slug}#comment-\\d+$`));
    expect(items[1]['dc:creator']).toBe('Zoë O’Brien-Ñúñez');
    expect(items[1]['content:encoded']).toContain('Pacing saved my week');
    expect(items[2]['content:encoded']).toContain('Older note 21');
    for (const hidden of ['HELD words', 'SPAM words', 'DELETED words', 'Held Guest', '@example.', 'Older note 0<']) expect(xml).not.toContain(hidden);
    expect(xml).not.toMatch(/<author>/);
  });

  it('is announced on the post page', async () => {
    const html = await (await get(`/posts/${commented.slug}`)).text();
    expect(html).toContain(`<link rel="alternate" type="application/rss+xml" href="${server.url}/posts/${commented.slug}/comments/feed.xml"`);
  });

  it('does not exist for an unknown post', async () => {
    expect((await get('/posts/no-such-post/comments/feed.xml')).status).toBe(404);
  });
});

describe('tag feed', () => {
  it('lists the tag’s published posts and is announced on the tag page', async () => {
    const response = await get(`/tag/${tag.slug}/feed.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = parser.parse(xml).rss.channel;
    expect(channel.title).toContain(tag.name);
    const items = asArray<Item & { category: unknown }>(channel.item);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(JSON.stringify(item.category)).toContain(tag.name);
    const page = await (await get(`/tag/${tag.slug}`)).text();
    expect(page).toContain(`href="${server.url}/tag/${tag.slug}/feed.xml"`);
    expect((await get('/tag/no-such-tag/feed.xml')).status).toBe(404);
  });
});

describe('feed formats', () => {
  it('writes JSON Feed 1.1 with authors, and names RSS authors in dc:creator', async () => {
    const json = await (await get('/feed.json')).json();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0].authors[0].name).toEqual(expect.any(String));
    expect(json.items.some((item: object) => 'author' in item)).toBe(false);
    const xml = await (await get('/feed.xml')).text();
    const rss = parser.parse(xml).rss;
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(asArray<Item>(rss.channel.item).every((item) => typeof item['dc:creator'] === 'string' && !item['dc:creator'].includes('@'))).toBe(true);
    expect(xml).not.toMatch(/<author>/);
  });
});

describe('conditional GET', () => {
  const feeds = () => ['/feed.xml', '/atom.xml', '/feed.json', `/category/${category}/feed.xml`, `/tag/${tag.slug}/feed.xml`, `/posts/${commented.slug}/comments/feed.xml`];

  it('answers ETag and Last-Modified, and 304 to a client whose copy is current', async () => {
    for (const path of feeds()) {
      const first = await get(path);
      const body = await first.text();
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect([path, etag]).toEqual([path, expect.stringMatching(/^"[^"]+"$/)]);
      expect(Number.isNaN(Date.parse(lastModified))).toBe(false);
      // Twice each: the second answer may come from the server's page cache.
      for (let i = 0; i < 2; i += 1) {
        const byTag = await get(path, { 'If-None-Match': etag });
        expect([path, byTag.status]).toEqual([path, 304]);
        expect(byTag.headers.get('etag')).toBe(etag);
        expect(await byTag.text()).toBe('');
        const byDate = await get(path, { 'If-Modified-Since': lastModified });
        expect([path, byDate.status]).toEqual([path, 304]);
      }
      const stale = await get(path, { 'If-None-Match': '"something-else"', 'If-Modified-Since': lastModified });
      expect([path, stale.status]).toEqual([path, 200]);
      expect(await stale.text()).toBe(body);
      const older = await get(path, { 'If-Modified-Since': new Date(Date.parse(lastModified) - 60_000).toUTCString() });
      expect([path, older.status]).toEqual([path, 200]);
    }
  });
});

describe('list addresses', () => {
  const canonical = (html: string) => html.match(/<link rel="canonical" href="([^"]+)"\/>/)?.[1];

  it('gives every list page a canonical link', async () => {
    const lists = () => [
      ['/', '/'],
      ['/page/2', '/page/2'],
      [`/category/${category}`, `/category/${category}`],
      [`/tag/${tag.slug}`, `/tag/${tag.slug}`],
      [`/author/${author}`, `/author/${author}`],
      ['/archive', '/archive'],
    ];
    for (const [path, expected] of lists()) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 200]);
      expect([path, canonical(await response.text())?.replace(/\/$/, '')]).toEqual([path, `${server.url}${expected}`.replace(/\/$/, '')]);
    }
  });

  it('redirects page 1 of a category, tag or author list permanently to the list itself', async () => {
    for (const path of [`/category/${category}`, `/tag/${tag.slug}`, `/author/${author}`]) {
      const response = await get(`${path}/page/1`);
      expect([path, response.status]).toEqual([path, 308]);
      expect(new URL(response.headers.get('location')!, server.url).pathname).toBe(path);
    }
  });
});

describe('members-only comments', () => {
  let closed: Server;
  let closedDb: SiteDatabase;
  afterAll(async () => {
    await closedDb?.close();
    await closed?.stop();
  });

  it('have no public comment feed and no link to one', async () => {
    closed = await startServer();
    closedDb = openSiteDatabase(closed.databaseUrl);
    await closedDb.run('UPDATE site_settings SET comments_members_only = ?', [true]);
    const slug = (await closedDb.get<{ slug: string }>("SELECT slug FROM posts WHERE status = 'published' LIMIT 1"))!.slug;
    const feed = await fetch(`${closed.url}/posts/${slug}/comments/feed.xml`);
    expect(feed.status).toBe(404);
    const html = await (await fetch(`${closed.url}/posts/${slug}`)).text();
    expect(html).not.toContain('/comments/feed.xml');
  });
});
