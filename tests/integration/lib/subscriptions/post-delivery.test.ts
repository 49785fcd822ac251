/**
 * A post's admin page shows its newsletter delivery: queued, then sent, failed (with the reason) and
 * skipped because the address left the list, through a real SMTP server that refuses one address.
 * Authors see the figures for their own post only; addresses and reasons are for admins.
 */
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { unsubscribe } from '@/db/queries/subscriber-lifecycle';
import { getSubscriberByEmail } from '@/db/queries/subscriber-lookup';
import { outbox, subscribers } from '@/db/schema';
import { deliverDueMail } from '@/lib/mail/delivery';
import { markPostPublished } from '@/db/queries/post-publishing';
import { newPostAnnouncement } from '@/lib/editorial/announcement';
import { postDeliveryFor } from '@/lib/subscriptions/post-delivery';
import { createAuthor, createCategory, createPost, createSubscriber } from '../../../helpers/fixtures';
import { smtpSender, startMailCatcher, type MailCatcher } from '../../../helpers/mail-catcher';

type Author = Awaited<ReturnType<typeof createAuthor>>;
let author: Author, otherAuthor: Author, admin: Author;
const as = (user: { id: string; name: string | null; role: 'author' | 'admin' | 'member' | 'moderator' }) => ({ id: user.id, name: user.name, role: user.role });

let catcher: MailCatcher;
beforeAll(async () => {
  author = await createAuthor({ name: 'Zoë O’Brien-Ñúñez' });
  otherAuthor = await createAuthor({ name: 'Łukasz “Luke” ‹Żółć›' });
  admin = await createAuthor({ name: 'Ada', role: 'admin' });
  catcher = await startMailCatcher({ refuse: (address) => address.startsWith('gone-away') });
});
afterAll(() => catcher.close());
beforeEach(async () => {
  await withTransaction((tx) => tx.delete(outbox));
  await withTransaction((tx) => tx.delete(subscribers));
});

async function sendEverything() {
  for (let i = 0; i < 10; i++) {
    const report = await deliverDueMail({ send: smtpSender(catcher.port), perSecond: 1000 });
    if (report.sent + report.failed + report.cancelled + report.retried === 0) return;
  }
}

it('counts and lists queued, sent, failed (with the reason) and skipped emails for this post only', async () => {
  const living = await createCategory('living-well-delivery');
  await createSubscriber({ email: 'sam@example.org' });
  await createSubscriber({ email: 'kim@example.org', categoryIds: [living.id] });
  await createSubscriber({ email: 'gone-away@example.org' });
  await createSubscriber({ email: 'leaving@example.org', categoryIds: [living.id] });
  await createSubscriber({ email: 'weekly@example.org', frequency: 'weekly' });
  const post = await createPost({ authorId: author.id, status: 'draft', publishedAt: null, categoryId: living.id, title: 'Pacing with an energy budget' });
  const other = await createPost({ authorId: otherAuthor.id, status: 'draft', publishedAt: null, title: 'Another post' });

  expect(await markPostPublished(post.id, new Date(), await newPostAnnouncement())).toMatchObject({ queued: 4 });
  expect(await markPostPublished(other.id, new Date(), await newPostAnnouncement())).toMatchObject({ queued: 2 });
  expect(await postDeliveryFor(as(admin), post.id)).toEqual({
    counts: { queued: 4, sent: 0, failed: 0, cancelled: 0 },
    lines: ['gone-away@example.org', 'kim@example.org', 'leaving@example.org', 'sam@example.org'].map((to) => expect.objectContaining({ to, state: 'queued', reason: null })),
  });

  await unsubscribe((await getSubscriberByEmail('leaving@example.org'))!.id); // after it was queued, before it went out
  await sendEverything();

  const delivery = (await postDeliveryFor(as(admin), post.id))!;
  expect(delivery.counts).toEqual({ queued: 0, sent: 2, failed: 1, cancelled: 1 });
  expect(delivery.lines!.map((l) => [l.to, l.state])).toEqual([
    ['gone-away@example.org', 'failed'],
    ['leaving@example.org', 'cancelled'],
    ['kim@example.org', 'sent'],
    ['sam@example.org', 'sent'],
  ]);
  expect(delivery.lines![0].reason).toMatch(/No such mailbox/);
  expect(delivery.lines![1].reason).toMatch(/left the list/);
  expect(delivery.lines![2]).toMatchObject({ reason: null, sentAt: expect.any(String) });
  // The refused address bounced on the first post, so the other post's email to it is skipped, not tried.
  expect((await postDeliveryFor(as(admin), other.id))!.counts).toEqual({ queued: 0, sent: 1, failed: 0, cancelled: 1 });

  // The author sees the figures for their own post, without anyone's address; nobody else's post at all.
  expect(await postDeliveryFor(as(author), post.id)).toEqual({ counts: delivery.counts, lines: null });
  expect(await postDeliveryFor(as(author), other.id)).toBeNull();
  expect(await postDeliveryFor({ ...as(author), role: 'moderator' }, post.id)).toBeNull();
});

it('records the post on every new-post email queued (and on no other kind)', async () => {
  await createSubscriber({ email: 'each@example.org' });
  const post = await createPost({ authorId: author.id, status: 'draft', publishedAt: null });
  await markPostPublished(post.id, new Date(), await newPostAnnouncement());
  expect(await getDb().select({ kind: outbox.kind, postId: outbox.postId }).from(outbox)).toEqual([{ kind: 'new-post', postId: post.id }]);
});
