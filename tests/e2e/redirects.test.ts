/**
 * Old WordPress addresses over real HTTP: every form an import writes answers a permanent redirect (a single,
 * correct Location, at most Next's trailing-slash hop before it) that lands on a page answering 200; old-style
 * addresses that match nothing stay 404; hits are counted; and the shipped nginx passes redirects and 404s on.
 */
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';
import { openSiteDatabase, type SiteDatabase } from '../helpers/site-database';
import { startServer } from './server';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let db: SiteDatabase;
let post: string;
let otherPost: string;
let category: string;
let tag: string;
let author: string;

const PERMANENT = [301, 308];

beforeAll(async () => {
  server = await startServer({ env: { PAGE_CACHE_MS: '0' } });
  db = openSiteDatabase(server.databaseUrl);
  const slugOf = async (sql: string) => (await db.get<{ slug: string }>(sql))?.slug;
  const slugs = await db.all<{ slug: string }>("SELECT slug FROM posts WHERE status = 'published' ORDER BY id LIMIT 2");
  [post, otherPost] = slugs.map(({ slug }) => `/posts/${slug}`);
  category = `/category/${await slugOf('SELECT slug FROM categories ORDER BY id LIMIT 1')}`;
  tag = `/tag/${await slugOf('SELECT t.slug FROM tags t JOIN post_tags pt ON pt.tag_id = t.id LIMIT 1')}`;
  author = `/author/${await slugOf("SELECT u.slug FROM users u JOIN posts p ON p.author_id = u.id WHERE p.status = 'published' LIMIT 1")}`;
  // What an import writes (normalized: lower case, decoded, no trailing slash).
  const rows: [string, string][] = [
    ['/pacing-yourself', post],
    ['/2024/05/01/pacing-yourself', post],
    ['/2024/05/pacing-yourself', post],
    ['/?p=42', post],
    ['/?page_id=7', '/about'],
    ['/2023/11/02/café-au-lait', otherPost],
    ['/category/living-better', category],
    ['/category/living-better/feed', `${category}/feed.xml`],
    // A category that kept its WordPress slug: only its old feed address moved.
    [`${category}/feed`, `${category}/feed.xml`],
    ['/tag/old-tag', tag],
    ['/author/old-name', author],
    ['/feed', '/feed.xml'],
    ['/comments/feed', '/feed.xml'],
    ['/wp-content/uploads/2024/05/garden.jpg', post],
  ];
  for (const [from, to] of rows) await db.run("INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES (?, ?, 'wordpress', ?)", [from, to, new Date()]);
});
afterAll(async () => {
  await db?.close();
  await server?.stop();
});

type Hop = { status: number; location: string | null };

/** Follows redirects by hand, at most three, recording each hop; ends on the first non-redirect answer. */
async function follow(base: string, path: string): Promise<{ hops: Hop[]; final: string; status: number }> {
  const hops: Hop[] = [];
  let url = new URL(path, base);
  for (let i = 0; i < 4; i++) {
    const response = await fetch(url, { redirect: 'manual' });
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400) return { hops, final: `${url.pathname}${url.search}`, status: response.status };
    hops.push({ status: response.status, location });
    url = new URL(location!, url);
  }
  throw new Error(`${path}: more than three redirects: ${JSON.stringify(hops)}`);
}

const oldAddresses: [string, () => string][] = [
  ['/pacing-yourself', () => post],
  ['/2024/05/01/pacing-yourself', () => post],
  ['/2024/05/Pacing-Yourself', () => post],
  ['/2023/11/02/caf%C3%A9-au-lait', () => otherPost],
  ['/2023/11/02/CAF%C3%89-au-lait', () => otherPost],
  ['/category/living-better', () => category],
  ['/category/living-better/feed', () => `${category}/feed.xml`],
  ['/category/<kept slug>/feed', () => `${category}/feed.xml`],
  ['/tag/old-tag', () => tag],
  ['/author/old-name', () => author],
  ['/feed', () => '/feed.xml'],
  ['/comments/feed', () => '/feed.xml'],
  ['/wp-content/uploads/2024/05/garden.jpg', () => post],
];

describe.each(['', '/'])('old addresses (trailing “%s”)', (slash) => {
  it.each(oldAddresses)('%s redirects permanently to its new address', async (from, to) => {
    const { hops, final, status } = await follow(server.url, `${from.replace('/<kept slug>', category.slice('/category'.length))}${slash}`);
    expect({ final, status }).toEqual({ final: to(), status: 200 });
    expect(hops.length).toBeGreaterThan(0);
    expect(hops.length).toBeLessThanOrEqual(2);
    for (const hop of hops) {
      expect(PERMANENT).toContain(hop.status);
      // fetch joins a repeated header with ", ": one Location, one address.
      expect(hop.location).not.toContain(',');
    }
  });
});

it.each([
  ['/?p=42', () => post],
  ['/?p=42&utm_source=chat', () => post],
  ['/?page_id=7', () => '/about'],
])('the query address %s redirects in one hop', async (from, to) => {
  const { hops, final, status } = await follow(server.url, from);
  expect({ final, status, hops: hops.length }).toEqual({ final: to(), status: 200, hops: 1 });
  expect(PERMANENT).toContain(hops[0].status);
  expect(hops[0].location).toBe(to());
});

it.each(['/2019/01/01/nothing/', '/2019/01/01/nothing', '/?p=99999', '/wp-content/uploads/none.jpg', '/no-such-page/', '/category/none/feed/'])(
  'an old-style address that matches nothing stays 404: %s',
  async (from) => {
    const { status, final } = await follow(server.url, from);
    expect({ from, status }).toEqual({ from, status: 404 });
    expect(final).not.toMatch(/moved-address/);
  },
);

it('keeps the home page and its ordinary queries', async () => {
  expect((await follow(server.url, '/')).status).toBe(200);
  expect(await follow(server.url, '/?utm_source=chat')).toMatchObject({ status: 200, hops: [] });
});

const hitsOf = async (fromPath: string) => (await db.get<{ hits: number; lastHitAt: number | null }>('SELECT hits, last_hit_at AS "lastHitAt" FROM redirects WHERE from_path = ?', [fromPath]))!;

/** The server hands its hit counts to the app every two seconds: waits (bounded) until `fromPath` has `hits`, then a little longer for strays. */
async function hitsSettle(fromPath: string, hits: number): Promise<number> {
  for (let i = 0; i < 60 && (await hitsOf(fromPath)).hits < hits; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 2500));
  return (await hitsOf(fromPath)).hits;
}

const totalHits = async () => (await db.get<{ total: number }>('SELECT CAST(SUM(hits) AS INTEGER) AS total FROM redirects'))!.total;

/** Waits (bounded) until hits from earlier tests have all been handed over: no change across a whole hand-over interval. */
async function countsQuiet(): Promise<void> {
  for (let i = 0, last = -1; i < 10 && (await totalHits()) !== last; i++) {
    last = await totalHits();
    await new Promise((r) => setTimeout(r, 2500));
  }
}

it('counts every hit with its time, also when Next answers the redirect from its cache', async () => {
  await countsQuiet();
  const before = Date.now();
  const dated = (await hitsOf('/2024/05/01/pacing-yourself')).hits;
  const postname = (await hitsOf('/pacing-yourself')).hits;
  const feed = (await hitsOf('/feed')).hits;
  for (let i = 0; i < 3; i++) {
    await follow(server.url, '/2024/05/01/pacing-yourself');
    // A cached route's redirect: after the first, Next answers it without running the lookup again.
    await follow(server.url, '/pacing-yourself');
    await follow(server.url, '/feed/');
  }
  // Next's trailing-slash hop first, then the moved address: one hit, not two.
  await follow(server.url, '/Pacing-Yourself/?utm_source=chat');
  await expect(hitsSettle('/2024/05/01/pacing-yourself', dated + 3)).resolves.toBe(dated + 3);
  await expect(hitsSettle('/pacing-yourself', postname + 4)).resolves.toBe(postname + 4);
  await expect(hitsSettle('/feed', feed + 3)).resolves.toBe(feed + 3);
  expect((await hitsOf('/pacing-yourself')).lastHitAt).toBeGreaterThanOrEqual(before);
  // Answers that are not moved addresses (a trailing-slash hop to a live post, a 404) count nothing anywhere.
  const counted = await totalHits();
  await follow(server.url, `${post}/`);
  await follow(server.url, '/2021/01/01/never-was');
  await new Promise((r) => setTimeout(r, 2500));
  expect(await totalHits()).toBe(counted);
});

const nginx = ensureNginx();
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;

describeWithNginx('behind the shipped nginx', () => {
  let proxy: RunningNginx;
  beforeAll(async () => {
    proxy = await startNginx((nginx as { binary: string }).binary, server.port);
  });
  afterAll(async () => {
    await proxy?.stop();
  });

  it('passes the redirect on, and does not keep a 404 once the address has moved', async () => {
    expect(await follow(proxy.url, '/2024/05/01/pacing-yourself/')).toMatchObject({ final: post, status: 200 });
    expect((await follow(proxy.url, '/2022/02/02/moved-later')).status).toBe(404);
    await db.run("INSERT INTO redirects (from_path, to_path, origin, created_at) VALUES ('/2022/02/02/moved-later', ?, 'admin', ?)", [post, new Date()]);
    // nginx keeps pages for a second at most.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await follow(proxy.url, '/2022/02/02/moved-later')).toMatchObject({ final: post, status: 200 });
  });

  it('counts each hit nginx passes on: it keeps no redirect, so none is answered without the app', async () => {
    await countsQuiet();
    const start = (await hitsOf('/category/living-better')).hits;
    for (let i = 0; i < 4; i++) expect(await follow(proxy.url, '/category/living-better/')).toMatchObject({ final: category, status: 200 });
    await expect(hitsSettle('/category/living-better', start + 4)).resolves.toBe(start + 4);
  });
});
