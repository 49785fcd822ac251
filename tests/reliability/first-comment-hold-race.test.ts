/**
 * A newcomer's first comments wait for a moderator (the "hold first comment" setting, on by default):
 * a member whose first two comments arrive at the same instant has both held, neither public. Ten
 * newcomers at once, with the pace limits off so that both comments are taken.
 */
import { pastSharedPageCache } from '../e2e/shared-page-cache';
import { postComment, type Answer } from './support/comments';
import { addPerson, countOf, openPostOf, startSite, type Site } from './support/site';

const NEWCOMERS = 10;
const NAMES = ['Zoë O’Brien-Ñúñez', 'Łukasz Wiśniewski', 'Amara Okafor', 'Siobhán Ní Bhriain', '陈静'];

let site: Site;
let post: { id: number; slug: string };
let sent: { body: string; answer: Answer }[];
let regularAnswer: Answer;
const REGULAR_WORDS = 'Welcome, both of you: this place is kind.';

beforeAll(async () => {
  site = await startSite({ COMMENT_FLOOD_LIMITS: 'off' });
  post = await openPostOf(site.db);
  expect(await countOf(site.db, 'SELECT count(*) AS n FROM site_settings WHERE hold_first_comment')).toBe(1);
  // A regular (one approved comment already) writing in the same instant: published, so the page shows this burst's comments.
  const regular = await addPerson(site.db, 'member', 'Renée d’Arc');
  await site.db.run("INSERT INTO comments (post_id, author_id, body, html, status, depth) VALUES (?, ?, 'An earlier word', '<p>An earlier word</p>', 'approved', 1)", [post.id, regular.id]);
  const people = [];
  for (let n = 0; n < NEWCOMERS; n++) people.push(await addPerson(site.db, 'member', `${NAMES[n % NAMES.length]} ${n}`));
  const requests = people.flatMap((person, n) => [1, 2].map((k) => ({ person, body: `First words ${n}-${k} from ${NAMES[n % NAMES.length]}: hello, everyone` })));
  [sent, regularAnswer] = await Promise.all([
    Promise.all(requests.map(async ({ person, body }) => ({ body, answer: await postComment(site.app.url, post.id, person, { body }) }))),
    postComment(site.app.url, post.id, regular, { body: REGULAR_WORDS }),
  ]);
}, 60_000);
afterAll(async () => {
  await site?.stop();
});

describe('a newcomer’s first two comments sent at the same instant', () => {
  it('takes both and says each awaits moderation', () => {
    expect(sent.map((s) => ({ status: s.answer.status, held: s.answer.json?.status }))).toEqual(Array(NEWCOMERS * 2).fill({ status: 201, held: 'pending' }));
  });

  it('stores both as held', async () => {
    const rows = await site.db.all<{ body: string; status: string }>("SELECT body, status FROM comments WHERE post_id = ? AND body LIKE 'First words %' ORDER BY id", [post.id]);
    expect(rows.map((r) => r.body).sort()).toEqual(sent.map((s) => s.body).sort());
    expect(rows.filter((r) => r.status !== 'pending')).toEqual([]);
  });

  it('shows neither on the public post page', async () => {
    await pastSharedPageCache();
    const page = await fetch(`${site.app.url}/posts/${post.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(regularAnswer).toMatchObject({ status: 201, json: { status: 'approved' } });
    expect(html).toContain(REGULAR_WORDS.slice(0, 16));
    expect(sent.filter((s) => html.includes(s.body.slice(0, 16)))).toEqual([]);
  });
});
