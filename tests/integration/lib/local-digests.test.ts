/**
 * Daily and weekly emails go out at 08:00 by the site's clock: the weekly subscriber digest on Mondays across
 * New York's spring-forward change and in half-hour Kolkata, and the daily reply digest, through the real outbox.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { outbox, replyNotices, siteSettings, subscribers, users } from '@/db/schema';
import { digestMoment, processReplyNotices } from '@/lib/comments/reply-notifications';
import { submitComment } from '@/lib/comments/submit';
import { processWeeklyDigests } from '@/lib/subscriptions/digest';
import { createAuthor, createCategory, createPost, createSubscriber } from '../../helpers/fixtures';

const setZone = (timeZone: string) => withTransaction((tx) => tx.update(siteSettings).set({ timeZone }).where(eq(siteSettings.id, 1)));
const queued = (kind: string) => getDb().select().from(outbox).where(eq(outbox.kind, kind));
let author: Awaited<ReturnType<typeof createAuthor>>;
beforeAll(async () => {
  await withTransaction((tx) => tx.insert(siteSettings).values({ id: 1, name: 'Zoë’s Hearth', holdFirstComment: false }));
  author = await createAuthor({ name: 'Łukasz "Luke" ‹Żółć›' });
});

beforeEach(async () => {
  await withTransaction((tx) => tx.delete(outbox));
  await withTransaction((tx) => tx.delete(subscribers));
  await withTransaction((tx) => tx.delete(replyNotices));
});

describe('the weekly digest by the site’s clock', () => {
  it('waits for Monday 08:00 in New York the day after clocks spring forward (12:00 UTC, not 08:00 or 13:00)', async () => {
    await setZone('America/New_York');
    const living = await createCategory();
    await createPost({ authorId: author.id, title: 'Pacing on a hot week 🌡️', categoryId: living.id, publishedAt: new Date('2026-03-05T15:00:00Z') });
    const weekly = await createSubscriber({ email: 'zoe.obrien-nunez@example.org', frequency: 'weekly', lastDigestAt: new Date('2026-03-02T13:00:00Z') });
    await createSubscriber({ email: 'luke@example.org', frequency: 'each-post', lastDigestAt: new Date('2026-03-02T13:00:00Z') });

    expect(await processWeeklyDigests(new Date('2026-03-09T08:30:00Z'))).toBe(0); // 04:30 in New York
    expect(await processWeeklyDigests(new Date('2026-03-09T11:59:00Z'))).toBe(0); // 07:59 EDT
    expect(await queued('weekly-digest')).toEqual([]);
    expect(await processWeeklyDigests(new Date('2026-03-09T12:00:00Z'))).toBe(1); // 08:00 EDT
    const [digest] = await queued('weekly-digest');
    expect(digest).toMatchObject({ toAddress: 'zoe.obrien-nunez@example.org', dedupeKey: `weekly-digest:${weekly.id}:2026-03-09` });
    expect(digest.text).toContain('Pacing on a hot week 🌡️');
  });

  it('goes at 02:30 UTC in Asia/Kolkata, and names the week by the local Monday', async () => {
    await setZone('Asia/Kolkata');
    await createPost({ authorId: author.id, title: 'Nights in the ward', publishedAt: new Date('2026-11-20T10:00:00Z') });
    const weekly = await createSubscriber({ email: 'asha@example.org', frequency: 'weekly', lastDigestAt: new Date('2026-11-16T02:30:00Z') });
    expect(await processWeeklyDigests(new Date('2026-11-23T02:29:00Z'))).toBe(0);
    expect(await processWeeklyDigests(new Date('2026-11-23T02:30:00Z'))).toBe(1);
    expect((await queued('weekly-digest')).map((m) => m.dedupeKey)).toEqual([`weekly-digest:${weekly.id}:2026-11-23`]);
  });
});

describe('the daily reply digest by the site’s clock', () => {
  it('sends a "daily" member’s replies at the next 08:00 in Kolkata, once', async () => {
    await setZone('Asia/Kolkata');
    const post = await createPost({ authorId: author.id, title: 'Sleep', publishedAt: new Date('2026-01-01T00:00:00Z') });
    const dee = (await withTransaction((tx) => tx.insert(users).values({ email: 'dee@example.org', name: 'Dee', replyNotifications: 'daily' }).returning()))[0];
    const eli = (await withTransaction((tx) => tx.insert(users).values({ email: 'eli@example.org', name: 'Eli Ñúñez', replyNotifications: 'never' }).returning()))[0];
    const top = await submitComment(dee.id, { postId: post.id, body: 'What helps your sleep?' }, new Date());
    if (!top.ok) throw new Error(top.message);
    const reply = await submitComment(eli.id, { postId: post.id, body: 'A cool room.', parentId: top.commentId }, new Date(Date.now() + 1000));
    if (!reply.ok) throw new Error(reply.message);

    // Notices are stamped by the database clock (now): the first 08:00 in Kolkata after tomorrow begins there.
    const morning = digestMoment(new Date(Date.now() + 86_400_000), 'Asia/Kolkata');
    expect(morning.getUTCHours() * 60 + morning.getUTCMinutes()).toBe(2 * 60 + 30);
    await processReplyNotices(new Date(morning.getTime() - 60_000));
    expect(await queued('reply-digest')).toEqual([]);
    await processReplyNotices(new Date(morning.getTime() + 60_000));
    await processReplyNotices(new Date(morning.getTime() + 3_600_000));
    const digests = await queued('reply-digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].toAddress).toBe('dee@example.org');
    expect(digests[0].text).toContain('A cool room.');
  });
});
