/**
 * Three workers (`npm run worker`, three processes on one database, as three instances would run them) find a
 * scheduled post due, a weekly digest due and reply notices open at the same moment (the test holds writes back
 * while every worker ticks, then lets them all go): the post is published and announced once, each weekly subscriber
 * gets exactly one digest, each member one reply email. Counted at a real SMTP server and in the database.
 */
import { startMailCatcher, type MailCatcher } from '../helpers/mail-catcher';
import { addApprovedComment, addPerson, countOf, openPostOf, startSite, startWorkers, type RunningProcess, type Site } from './support/site';

const WORKERS = 3;
const WEEKLY = 12;
const EACH_POST = 12;
const REPLIED_TO = 4;
const DAY_MS = 24 * 60 * 60_000;
const LATER = new Date(Date.now() + 3_600_000);

let site: Site;
let mail: MailCatcher;
const workers: RunningProcess[] = [];
let scheduledPostId: number;
const addresses = { weekly: [] as string[], eachPost: [] as string[], repliedTo: [] as string[] };

/** Confirmed a month ago; `lastDigestAt` now: no digest is due until the test says so. */
async function addSubscriber(email: string, frequency: 'weekly' | 'each-post') {
  await site.db.run('INSERT INTO subscribers (email, status, frequency, all_categories, confirmed_at, last_digest_at) VALUES (?, ?, ?, ?, ?, ?)', [
    email,
    'confirmed',
    frequency,
    true,
    new Date(Date.now() - 30 * DAY_MS),
    new Date(),
  ]);
}

/** A member's comment, another member's reply to it, and the notice for it, written in an hour: not yet open. */
async function addReplyNotice(postId: number, replier: string) {
  const member = await addPerson(site.db, 'member');
  await site.db.run("UPDATE users SET reply_notifications = 'instant' WHERE id = ?", [member.id]);
  const root = await addApprovedComment(site.db, postId, member.id, 'What do you all grow on a north-facing balcony?');
  const [{ id: reply }] = await site.db.all<{ id: number }>("INSERT INTO comments (post_id, author_id, parent_id, body, html, status, depth) VALUES (?, ?, ?, ?, ?, 'approved', 2) RETURNING id", [
    postId,
    replier,
    root,
    'Ferns, and mint in a pot of its own.',
    '<p>Ferns, and mint in a pot of its own.</p>',
  ]);
  await site.db.run('INSERT INTO reply_notices (recipient_id, reply_id, root_id, created_at) VALUES (?, ?, ?, ?)', [member.id, reply, root, LATER]);
  addresses.repliedTo.push(member.email);
}

const received = (address: string) => mail.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.includes(address)));

beforeAll(async () => {
  mail = await startMailCatcher();
  // The web server makes the database and refreshes pages; only the three workers run jobs.
  site = await startSite({ MAIL_WORKER: 'off', EMAIL_SERVER: mail.url });
  const author = await addPerson(site.db, 'author');
  const replier = await addPerson(site.db, 'member', 'Aroha Ngata');
  const post = await openPostOf(site.db);
  // Published just over a week ago: in the week the latest digest covers, whatever the day today.
  await site.db.run("INSERT INTO posts (slug, title, body, status, published_at, author_id) VALUES (?, ?, ?, 'published', ?, ?)", [
    'seed-swap-report',
    'Seed swap report',
    'Forty people, three hundred packets.',
    new Date(Date.now() - 7 * DAY_MS - 60_000),
    author.id,
  ]);
  [{ id: scheduledPostId }] = await site.db.all<{ id: number }>("INSERT INTO posts (slug, title, body, status, published_at, author_id) VALUES (?, ?, ?, 'scheduled', ?, ?) RETURNING id", [
    'winter-sowing',
    'Winter sowing',
    'Milk jugs, compost, patience.',
    LATER,
    author.id,
  ]);
  for (let i = 1; i <= WEEKLY; i++) addresses.weekly.push(`weekly.${i}@example.org`);
  for (let i = 1; i <= EACH_POST; i++) addresses.eachPost.push(`each-post.${i}@example.org`);
  for (const email of addresses.weekly) await addSubscriber(email, 'weekly');
  for (const email of addresses.eachPost) await addSubscriber(email, 'each-post');
  for (let i = 0; i < REPLIED_TO; i++) await addReplyNotice(post.id, replier.id);
  const internal = { INTERNAL_URL: `http://127.0.0.1:${site.app.port}` };
  workers.push(...(await startWorkers(site, WORKERS, { EMAIL_SERVER: mail.url, MAIL_PER_SECOND: '1000', ...internal })));
}, 60_000);
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await site?.stop();
  await mail?.close();
});

describe(`${WORKERS} workers on one database, with jobs due at the same moment`, () => {
  it('publishes the scheduled post once, sends one digest per weekly subscriber and does not double reply emails', async () => {
    for (const worker of workers) expect(worker.output()).toMatch(/mail worker started/);
    expect(mail.messages).toHaveLength(0);
    const now = new Date();
    await site.db.run('UPDATE posts SET published_at = ? WHERE id = ?', [now, scheduledPostId]);
    await site.db.run('UPDATE subscribers SET last_digest_at = NULL');
    await site.db.run('UPDATE reply_notices SET created_at = ?', [new Date(now.getTime() - 60_000)]);
    // Every worker ticks (every 2 s) while writes wait: all of them reach the due jobs at once.
    await site.db.holdWrites(2500);
    const expected = WEEKLY + EACH_POST + REPLIED_TO;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && mail.messages.length < expected) await new Promise((r) => setTimeout(r, 200));
    // A job run twice would queue its copies a moment later: give them time to arrive.
    await new Promise((r) => setTimeout(r, 2500));
    await Promise.all(workers.map((w) => w.stop()));

    expect(await site.db.get('SELECT status FROM posts WHERE id = ?', [scheduledPostId])).toEqual({ status: 'published' });
    for (const address of addresses.eachPost) expect(received(address).map((m) => m.subject)).toEqual([expect.stringContaining('Winter sowing')]);
    for (const address of addresses.weekly) expect(received(address)).toHaveLength(1);
    expect(await countOf(site.db, "SELECT count(*) AS n FROM outbox WHERE kind = 'weekly-digest'")).toBe(WEEKLY);
    for (const address of addresses.repliedTo) expect(received(address)).toHaveLength(1);
    expect(await countOf(site.db, 'SELECT count(*) AS n FROM reply_notices WHERE processed_at IS NULL')).toBe(0);
    expect(mail.messages).toHaveLength(expected);
    for (const worker of workers) expect(worker.output()).not.toMatch(/failed|not sent|SQLITE_BUSY|database is locked/);
  }, 60_000);
});
