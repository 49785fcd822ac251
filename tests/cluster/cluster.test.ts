/**
 * Three Hearth instances on one PostgreSQL database and one Redis, behind the shipped nginx (tests/cluster/support/
 * cluster.ts): every instance shows the same site. A comment or an edit made through one is fresh on the others,
 * every page keeps its scripts whichever instance rendered it, queued mail goes out once, killing an instance
 * under load loses no reader request and no acknowledged comment, and a Redis outage slows nothing down for long
 * and ends fresh. The tests run in order on one cluster; the instance kill comes last.
 */
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { submitForm } from '../reliability/support/actions';
import { waitForExit } from '../reliability/support/app';
import { postComment } from '../reliability/support/comments';
import type { Person } from '../reliability/support/database';
import { addApprovedComment, addPerson, countOf, openPostOf } from '../reliability/support/site';
import { startCluster, type Cluster } from './support/cluster';
import { editorFieldsOf } from './support/editor-fields';
import { readAndComment } from './support/load';
import { readPage, sharedCacheVerdicts, timesUntilShown, warm } from './support/pages';
import { scriptsOf, watchScripts } from './support/scripts-in-browser';

const FRESH_WITHIN_MS = 1000;

let cluster: Cluster;
let post: { id: number; slug: string };
let postPath: string;
let admin: Person;
const urls = () => cluster.instances.map((instance) => instance.url);
const unique = () => Math.random().toString(36).slice(2, 10);

beforeAll(async () => {
  cluster = await startCluster();
  post = await openPostOf(cluster.db);
  postPath = `/posts/${post.slug}`;
  admin = await addPerson(cluster.db, 'admin', 'Amara Okafor');
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

/**
 * Posts a comment through `baseUrl` as a new regular (a member with an approved comment already, so it is
 * published at once, and with no recent comment, so the pace limit takes it); resolves once acknowledged.
 */
async function commentThrough(baseUrl: string, body: string): Promise<void> {
  const regular = await addPerson(cluster.db, 'member', 'Zoë O’Brien-Ñúñez');
  await addApprovedComment(cluster.db, post.id, regular.id, 'An earlier word from a regular.');
  const answer = await postComment(baseUrl, post.id, regular, { body });
  expect([answer.status, answer.json?.status]).toEqual([201, 'approved']);
}

it('shows a comment posted through instance A in the post page served by B and C within 1 s', async () => {
  const [a, b, c] = urls();
  await warm([a, b, c], postPath);
  const body = `Posted through A, ${unique()}`;
  await commentThrough(a, body);
  const acknowledged = performance.now();
  const times = await timesUntilShown([b, c], postPath, body, acknowledged, FRESH_WITHIN_MS);
  // Each: when the first request that showed it was sent (ms after the acknowledgement), or null for never within 1 s.
  expect(times).toEqual([expect.any(Number), expect.any(Number)]);
});

it('shows a post edited on B, through the editor’s update, fresh on A and C at once', async () => {
  const [a, b, c] = urls();
  const fields = await editorFieldsOf(cluster.db, post.id);
  await warm([a, b, c], postPath);
  const addition = `Edited on B ${unique()}`;
  const answer = await submitForm(b, 'updatePostAction', { ...fields, body: `${fields.body}\n\n${addition}` }, admin.cookie);
  // The editor reloads itself after an update (lib/actions/editor.ts): that redirect is the action's success.
  expect({ status: answer.status, redirect: answer.redirect, result: answer.result }).toMatchObject({ redirect: expect.stringMatching(`^/admin/posts/${post.id}\\?note=updated&`) });
  for (const baseUrl of [a, c]) {
    const page = await readPage(baseUrl, postPath);
    expect({ baseUrl, status: page.status, fresh: page.html.includes(addition) }).toEqual({ baseUrl, status: 200, fresh: true });
  }
  // …and the fresh page is kept again, shared: rendered by A, the others answer it from Next's cache.
  expect(await sharedCacheVerdicts(a, [b, c], postPath, 10_000)).toEqual(['HIT', 'HIT']);
});

describe('in Chromium', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    await watchScripts(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs every page’s scripts with no CSP violation, whichever instance rendered it and whichever serves it', async () => {
    const paths = ['/', postPath, '/archive'];
    const verdicts = [];
    // A renders first (into the shared cache), the others serve what it rendered; nginx serves any of them.
    for (const baseUrl of [...urls(), cluster.site]) {
      for (const pathname of paths) verdicts.push({ url: `${baseUrl}${pathname}`, ...(await scriptsOf(browser, `${baseUrl}${pathname}`)) });
    }
    for (const verdict of verdicts) {
      expect(verdict).toEqual({ url: verdict.url, status: 200, bootScriptRan: true, nextStarted: true, violations: [], consoleErrors: [] });
    }
  });
});

it('sends each of 200 queued emails exactly once with all three instances running jobs', async () => {
  const QUEUED = 200;
  const before = cluster.mail.messages.length;
  const notYet = new Date(Date.now() + 3_600_000);
  for (let i = 1; i <= QUEUED; i++) {
    await cluster.db.run('INSERT INTO outbox (kind, to_address, subject, text, html, headers, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      'reply',
      `cluster-reader+${i}@example.org`,
      `A reply for you (${i})`,
      `Message ${i}`,
      `<p>Message ${i}</p>`,
      JSON.stringify({ 'X-Hearth-Cluster-Message': String(i) }),
      notYet,
    ]);
  }
  // Due for all three at the same moment.
  await cluster.db.run("UPDATE outbox SET next_attempt_at = ? WHERE to_address LIKE 'cluster-reader+%'", [new Date()]);
  const unsent = () => countOf(cluster.db, "SELECT count(*) AS n FROM outbox WHERE status <> 'sent' AND to_address LIKE 'cluster-reader+%'");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && (await unsent()) > 0) await new Promise((r) => setTimeout(r, 250));
  // A doubled claim would send again after its row was marked sent: late copies get time to arrive.
  await new Promise((r) => setTimeout(r, 2000));

  expect(await unsent()).toBe(0);
  const ids = cluster.mail.messages
    .slice(before)
    .map((m) => m.headers.get('x-hearth-cluster-message'))
    .filter((id) => id !== undefined)
    .map(String);
  const copies = new Map<string, number>();
  for (const id of ids) copies.set(id, (copies.get(id) ?? 0) + 1);
  expect([...copies].filter(([, n]) => n > 1)).toEqual([]);
  expect(copies.size).toBe(QUEUED);
  // …each row claimed by one instance once: one attempt each.
  expect(await countOf(cluster.db, "SELECT count(*) AS n FROM outbox WHERE attempts <> 1 AND to_address LIKE 'cluster-reader+%'")).toBe(0);
  for (const instance of cluster.instances) expect(instance.output()).not.toMatch(/pass failed|not sent/);
}, 90_000);

it('keeps answering through every instance, uncached, in under 2 s a page while Redis is down, and is fresh again once it is back', async () => {
  const paths = ['/', postPath, '/archive'];
  await cluster.redis.stop();
  try {
    for (const baseUrl of urls()) {
      for (const pathname of paths) {
        const page = await readPage(baseUrl, pathname);
        expect({ url: `${baseUrl}${pathname}`, status: page.status, underTwoSeconds: page.ms < 2000 }).toEqual({ url: `${baseUrl}${pathname}`, status: 200, underTwoSeconds: true });
      }
    }
    // A comment while Redis is down is taken without waiting on it, and every instance shows it once its own
    // one-second page cache has run out (nothing may keep an older page meanwhile, in Redis's place).
    const during = `During the Redis outage, ${unique()}`;
    const sent = performance.now();
    await commentThrough(urls()[0], during);
    expect(performance.now() - sent).toBeLessThan(2000);
    const times = await timesUntilShown(urls(), postPath, during, performance.now(), 2 * FRESH_WITHIN_MS);
    expect(times).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
  } finally {
    await cluster.redis.start();
  }
  // Back: pages are kept in the shared cache again (a bounded wait for the instances to use Redis again)…
  const [a, b, c] = urls();
  expect(await sharedCacheVerdicts(a, [b, c], postPath, 15_000)).toEqual(['HIT', 'HIT']);
  // …and a new comment through A is fresh on B and C within the second, as before the outage.
  await warm([a, b, c], postPath);
  const after = `After the Redis outage, ${unique()}`;
  await commentThrough(a, after);
  const times = await timesUntilShown([b, c], postPath, after, performance.now(), FRESH_WITHIN_MS);
  expect(times).toEqual([expect.any(Number), expect.any(Number)]);
}, 90_000);

it('loses no reader request and no acknowledged comment when an instance is killed (SIGKILL) during 20 s of reading and commenting through nginx', async () => {
  const members: Person[] = [];
  for (let n = 0; n < 150; n++) members.push(await addPerson(cluster.db, 'member', `Reader ${n}`));
  const victim = cluster.instances[1];
  const kill = setTimeout(() => process.kill(victim.pid, 'SIGKILL'), 7000);
  let result;
  try {
    result = await readAndComment({
      site: cluster.site,
      postId: post.id,
      readPaths: ['/', postPath, `/api/posts/${post.id}/comments`, '/archive', '/api/me'],
      readers: 4,
      members,
      durationMs: 20_000,
      commentEveryMs: 200,
    });
  } finally {
    clearTimeout(kill);
  }
  await waitForExit(victim.pid);

  // nginx retries a read only until it has begun answering it: an instance killed after sending a response's
  // headers and before its body leaves that reader with a cut answer (Next flushes headers on their own first),
  // which nginx logs as closed "while reading upstream".
  const readsCut = cluster.proxy
    .errorLog()
    .split('\n')
    .filter((line) => line.includes('while reading upstream') && line.includes('request: "GET'));
  expect({ readFailures: result.readFailures, readsCut }).toEqual({ readFailures: [], readsCut: [] });
  expect(result.reads).toBeGreaterThan(100);
  // nginx did meet the dead instance (and retried elsewhere): its error log names it.
  expect(cluster.proxy.errorLog()).toContain(`127.0.0.1:${victim.port}`);
  const acknowledged = result.comments.filter((c) => typeof c.status === 'number' && c.status >= 200 && c.status < 300);
  // Only a comment in flight on the killed instance may go unacknowledged (nginx never sends a POST twice).
  expect(acknowledged.length).toBeGreaterThanOrEqual(result.comments.length - 5);
  const stored = await cluster.db.all<{ id: number; body: string }>('SELECT id, body FROM comments WHERE post_id = ? AND body LIKE ?', [post.id, 'Under load, comment %']);
  const storedBodies = new Map(stored.map((row) => [row.id, row.body]));
  expect(acknowledged.filter((c) => c.id === null || storedBodies.get(c.id) !== c.body)).toEqual([]);
}, 90_000);
