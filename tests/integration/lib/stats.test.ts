/**
 * Private view counting against a real SQLite file: what the beacon's batches store (and what they never
 * store), the upsert, the cap on referring sites, the admin switch, and the figures /admin/stats reads.
 * (Which requests the server's beacon counts at all: tests/unit/server/view-counter.test.ts.)
 */
import { count, eq, like } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { OTHER_REFERRERS, REFERRER_HOSTS_PER_DAY } from '@/db/queries/page-views';
import { commentsPerDay, confirmationsPerDay, newsletterSendsPerDay, setStatsEnabled, topPosts, topReferrers, viewsPerDay } from '@/db/queries/stats';
import { activityLog, comments, outbox, pages, pageViewCounts, referrerCounts } from '@/db/schema';
import { countViews } from '@/lib/stats/count-view';
import { createAuthor, createCategory, createPost, createSubscriber, createTag } from '../../helpers/fixtures';
import { whileTransactionOpen } from '../../helpers/open-transaction';
import { tableColumns } from '../../helpers/table-columns';

const day1 = new Date('2026-03-02T09:00:00Z');
const day2 = new Date('2026-03-03T21:30:00Z');
const rows = (table: 'page_view_counts' | 'referrer_counts') =>
  table === 'page_view_counts'
    ? getDb()
        .select({ day: pageViewCounts.day, path: pageViewCounts.path, post_id: pageViewCounts.postId, views: pageViewCounts.views })
        .from(pageViewCounts)
        .orderBy(pageViewCounts.day, pageViewCounts.path)
    : getDb().select({ day: referrerCounts.day, host: referrerCounts.host, views: referrerCounts.views }).from(referrerCounts).orderBy(referrerCounts.day, referrerCounts.host);
const onDay = (day: string) => ({ pages: eq(pageViewCounts.day, day), referrers: eq(referrerCounts.day, day) });

/** One view as the server's beacon hands it over; the number of views stored. */
const beacon = (path: string, { referrer = '', at = day1, n = 1 }: { referrer?: string; at?: Date; n?: number } = {}) => countViews([{ path, referrer, n }], at);

describe('counting views privately', () => {
  type Row<T extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;
  let zoe: Row<typeof createAuthor>, lukasz: Row<typeof createAuthor>, pacing: Row<typeof createPost>, kitchen: Row<typeof createPost>, quiet: Row<typeof createPost>;
  beforeAll(async () => {
    zoe = await createAuthor({ name: 'Zoë O’Brien-Ñúñez', slug: 'zoe-obrien-nunez' });
    lukasz = await createAuthor({ name: 'Łukasz "Luke" ‹Żółć›', slug: 'lukasz' });
    const livingWell = await createCategory('living-well');
    await createCategory('pain-and-fatigue');
    const sleep = await createTag('sleep');
    pacing = await createPost({ authorId: zoe.id, slug: 'pacing-through-a-flare', title: 'Pacing through a flare 🔥', categoryId: livingWell.id, tagIds: [sleep.id] });
    kitchen = await createPost({ authorId: lukasz.id, slug: 'kitchen-stool', title: 'Łukasz’s kitchen stool', publishedAt: new Date('2026-01-05T10:00:00Z') });
    quiet = await createPost({ authorId: lukasz.id, slug: 'quiet-post', title: 'A quiet post' });
    await createPost({ authorId: zoe.id, slug: 'secret-draft', status: 'draft', publishedAt: null });
    await createPost({ authorId: zoe.id, slug: 'not-yet', publishedAt: new Date('2099-01-01T00:00:00Z') });
    await withTransaction((tx) =>
      tx.insert(pages).values([
        { slug: 'about', title: 'About', body: 'Hi' },
        { slug: 'unfinished', title: 'Unfinished', body: 'x', status: 'draft' },
      ]),
    );
  });

  it('counts every kind of reader page, with the referring site by host, and adds up repeat views', async () => {
    expect(await beacon('/posts/pacing-through-a-flare', { referrer: 'forum.example.org' })).toBe(1);
    expect(await beacon('/posts/pacing-through-a-flare?utm=x', { referrer: 'localhost:3000' })).toBe(1);
    expect(await beacon('/posts/pacing-through-a-flare', { referrer: 'www.forum.example.org' })).toBe(1);
    expect(await beacon('/posts/kitchen-stool', { referrer: 'chat.zoë-group.example' })).toBe(1);
    expect(await beacon('/category/living-well/2')).toBe(1);
    expect(await beacon('/tag/sleep')).toBe(1);
    expect(await beacon('/author/zoe-obrien-nunez')).toBe(1);
    expect(await beacon('/about')).toBe(1);
    expect(await beacon('/search?q=my+new+diagnosis')).toBe(1);
    expect(await beacon('/', { at: day2, referrer: 'partner-blog.example' })).toBe(1);
    expect(await beacon('/posts/kitchen-stool', { at: day2 })).toBe(1);

    expect(await rows('page_view_counts')).toEqual([
      { day: '2026-03-02', path: '/about', post_id: null, views: 1 },
      { day: '2026-03-02', path: '/author/zoe-obrien-nunez', post_id: null, views: 1 },
      { day: '2026-03-02', path: '/category/living-well', post_id: null, views: 1 },
      { day: '2026-03-02', path: '/posts/kitchen-stool', post_id: kitchen.id, views: 1 },
      { day: '2026-03-02', path: '/posts/pacing-through-a-flare', post_id: pacing.id, views: 3 },
      { day: '2026-03-02', path: '/search', post_id: null, views: 1 },
      { day: '2026-03-02', path: '/tag/sleep', post_id: null, views: 1 },
      { day: '2026-03-03', path: '/', post_id: null, views: 1 },
      { day: '2026-03-03', path: '/posts/kitchen-stool', post_id: kitchen.id, views: 1 },
    ]);
    // Our own host is not a referrer; a host that is not a plain name is dropped, the view still counted.
    expect(await rows('referrer_counts')).toEqual([
      { day: '2026-03-02', host: 'forum.example.org', views: 2 },
      { day: '2026-03-03', host: 'partner-blog.example', views: 1 },
    ]);
  });

  it('stores nothing for paths that are not a page readers can see now', async () => {
    const before = JSON.stringify([await rows('page_view_counts'), await rows('referrer_counts')]);
    const paths = [
      '/posts/secret-draft',
      '/posts/not-yet',
      '/posts/no-such-post',
      '/unfinished',
      '/category/nope',
      '/tag/nope',
      '/author/nobody',
      '/admin/stats',
      '/api/views',
      'https://evil.example/',
      '//evil.example/x',
    ];
    expect(
      await countViews(
        paths.map((path) => ({ path, referrer: 'forum.example.org', n: 3 })),
        day1,
      ),
    ).toBe(0);
    expect(JSON.stringify([await rows('page_view_counts'), await rows('referrer_counts')])).toBe(before);
  });

  it('stores a whole batch at once, adding to what is there', async () => {
    const at = new Date('2026-03-06T08:00:00Z');
    const batch = [
      { path: '/posts/kitchen-stool', referrer: 'forum.example.org', n: 4 },
      { path: '/posts/kitchen-stool', referrer: '', n: 2 },
      { path: '/posts/no-such-post', referrer: 'forum.example.org', n: 9 },
      { path: '/tag/sleep', referrer: 'localhost', n: 1 },
    ];
    expect(await countViews(batch, at)).toBe(7);
    expect(await countViews(batch.slice(0, 1), at)).toBe(4);
    expect(await getDb().select({ path: pageViewCounts.path, views: pageViewCounts.views }).from(pageViewCounts).where(onDay('2026-03-06').pages).orderBy(pageViewCounts.path)).toEqual([
      { path: '/posts/kitchen-stool', views: 10 },
      { path: '/tag/sleep', views: 1 },
    ]);
    expect(await getDb().select({ host: referrerCounts.host, views: referrerCounts.views }).from(referrerCounts).where(onDay('2026-03-06').referrers)).toEqual([
      { host: 'forum.example.org', views: 8 },
    ]);
    await withTransaction((tx) => tx.delete(pageViewCounts).where(onDay('2026-03-06').pages));
    await withTransaction((tx) => tx.delete(referrerCounts).where(onDay('2026-03-06').referrers));
  });

  it('keeps a flood of made-up referring sites to a fixed number of rows a day, the rest as "other"', async () => {
    const at = new Date('2026-03-04T12:00:00Z');
    for (let i = 0; i < REFERRER_HOSTS_PER_DAY + 50; i++) await beacon('/posts/quiet-post', { at, referrer: `spam-${i}.example` });
    await beacon('/posts/quiet-post', { at, referrer: 'spam-3.example' });
    const hosts = await getDb().select({ host: referrerCounts.host, views: referrerCounts.views }).from(referrerCounts).where(onDay('2026-03-04').referrers);
    expect(hosts).toHaveLength(REFERRER_HOSTS_PER_DAY + 1);
    expect(hosts.find((h) => h.host === OTHER_REFERRERS)?.views).toBe(50);
    expect(hosts.find((h) => h.host === 'spam-3.example')?.views).toBe(2);
    expect(await getDb().select({ views: pageViewCounts.views }).from(pageViewCounts).where(onDay('2026-03-04').pages)).toEqual([{ views: REFERRER_HOSTS_PER_DAY + 51 }]);
  });

  it('counts nothing while an admin has turned counting off, and counts again once it is back on', async () => {
    const admin = { id: zoe.id, name: zoe.name };
    const at = new Date('2026-03-05T08:00:00Z');
    await setStatsEnabled(admin, false);
    expect(await beacon('/posts/quiet-post', { at, referrer: 'forum.example.org' })).toBe(0);
    expect((await getDb().select({ n: count() }).from(pageViewCounts).where(onDay('2026-03-05').pages))[0]).toEqual({ n: 0 });
    await setStatsEnabled(admin, true);
    expect(await beacon('/posts/quiet-post', { at })).toBe(1);
    expect(await getDb().select({ action: activityLog.action }).from(activityLog).where(like(activityLog.action, 'stats.%')).orderBy(activityLog.id)).toEqual([
      { action: 'stats.off' },
      { action: 'stats.on' },
    ]);
  });

  it('counts views and turns counting off and on in turn while another transaction is open at an await', async () => {
    const admin = { id: lukasz.id, name: lukasz.name };
    const at = new Date('2026-02-20T12:00:00Z'); // before the days the figures below are read from
    expect(await whileTransactionOpen(() => beacon('/posts/quiet-post', { at, referrer: 'forum.example.org' }))).toBe(1);
    await whileTransactionOpen(() => setStatsEnabled(admin, false));
    expect(await beacon('/posts/quiet-post', { at })).toBe(0);
    await whileTransactionOpen(() => setStatsEnabled(admin, true));
  });

  it('has no column that could hold an address, a browser or a visitor', async () => {
    expect(await tableColumns('page_view_counts')).toEqual(['day', 'path', 'post_id', 'views']);
    expect(await tableColumns('referrer_counts')).toEqual(['day', 'host', 'views']);
  });

  it('reads the figures /admin/stats shows: views per day, top posts, referring sites', async () => {
    expect(await viewsPerDay('2026-03-03')).toEqual([
      { day: '2026-03-03', count: 2 },
      { day: '2026-03-04', count: REFERRER_HOSTS_PER_DAY + 51 },
      { day: '2026-03-05', count: 1 },
    ]);
    expect(await topPosts('2026-03-01', 3)).toEqual([
      { postId: quiet.id, title: 'A quiet post', slug: 'quiet-post', views: REFERRER_HOSTS_PER_DAY + 52 },
      { postId: pacing.id, title: 'Pacing through a flare 🔥', slug: 'pacing-through-a-flare', views: 3 },
      { postId: kitchen.id, title: 'Łukasz’s kitchen stool', slug: 'kitchen-stool', views: 2 },
    ]);
    expect((await topPosts('2026-03-03')).map((p) => [p.slug, p.views])).toEqual([
      ['quiet-post', REFERRER_HOSTS_PER_DAY + 52],
      ['kitchen-stool', 1],
    ]);
    expect(await topReferrers('2026-03-01', 3)).toEqual([
      { host: OTHER_REFERRERS, views: 50 },
      { host: 'forum.example.org', views: 2 },
      { host: 'spam-3.example', views: 2 },
    ]);
    expect(await topReferrers('2026-03-05')).toEqual([]);
  });

  it('reads newsletter emails sent, confirmations and comments per day, leaving out other mail, failures and spam', async () => {
    const mail = (kind: string, status: 'sent' | 'failed', sentAt: string | null) => ({
      kind,
      toAddress: 'zoe@example.org',
      subject: 's',
      text: 't',
      html: 'h',
      status,
      nextAttemptAt: new Date(),
      sentAt: sentAt ? new Date(sentAt) : null,
    });
    await withTransaction((tx) =>
      tx
        .insert(outbox)
        .values([
          mail('new-post', 'sent', '2026-03-02T07:00:00Z'),
          mail('new-post', 'sent', '2026-03-02T23:59:00Z'),
          mail('weekly-digest', 'sent', '2026-03-09T06:00:00Z'),
          mail('new-post', 'failed', null),
          mail('reply', 'sent', '2026-03-02T08:00:00Z'),
          mail('sign-in', 'sent', '2026-03-02T08:00:00Z'),
          mail('new-post', 'sent', '2026-02-01T08:00:00Z'),
        ]),
    );
    expect(await newsletterSendsPerDay('2026-03-01')).toEqual([
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-09', count: 1 },
    ]);

    await createSubscriber({ confirmedAt: new Date('2026-03-02T10:00:00Z'), email: 'zoë@example.org' });
    await createSubscriber({ confirmedAt: new Date('2026-03-02T11:00:00Z'), status: 'unsubscribed' });
    await createSubscriber({ confirmedAt: new Date('2026-03-10T11:00:00Z') });
    await createSubscriber({ confirmedAt: null, status: 'pending' });
    expect(await confirmationsPerDay('2026-03-01')).toEqual([
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-10', count: 1 },
    ]);

    const comment = (status: 'approved' | 'pending' | 'spam' | 'deleted', createdAt: string) => ({
      postId: pacing.id,
      authorId: lukasz.id,
      body: 'b',
      html: '<p>b</p>',
      status,
      createdAt: new Date(createdAt),
    });
    await withTransaction((tx) =>
      tx
        .insert(comments)
        .values([
          comment('approved', '2026-03-02T10:00:00Z'),
          comment('pending', '2026-03-02T12:00:00Z'),
          comment('spam', '2026-03-02T13:00:00Z'),
          comment('approved', '2026-03-11T10:00:00Z'),
          comment('approved', '2026-02-11T10:00:00Z'),
        ]),
    );
    expect(await commentsPerDay('2026-03-01')).toEqual([
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-11', count: 1 },
    ]);
  });
});
