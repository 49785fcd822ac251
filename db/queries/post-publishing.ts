/**
 * Publishing a post and telling its subscribers, in one transaction: the post turns published and
 * one email per matching subscriber is queued, or neither happens. A post is announced once, ever.
 */
import 'server-only';
import { and, asc, eq, gte, lt, lte } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { keepRevision } from '@/db/queries/editor-posts';
import { enqueueMails, type OutgoingMail } from '@/db/queries/outbox';
import { listSubscribersForPost } from '@/db/queries/subscriber-deliveries';
import { categories, posts } from '@/db/schema';
import { isVisible } from './posts';

export type AnnouncedPost = { id: number; slug: string; title: string; excerpt: string; body: string; categoryId: number | null; categoryName: string | null; publishedAt: Date };
export type Recipient = { id: number; email: string };
export type ComposeAnnouncement = (post: AnnouncedPost, recipient: Recipient) => OutgoingMail;

const announcedColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  body: posts.body,
  categoryId: posts.categoryId,
  categoryName: categories.name,
  publishedAt: posts.publishedAt,
  status: posts.status,
  subscribersNotifiedAt: posts.subscribersNotifiedAt,
};

function selectAnnounced(reader: Pick<Transaction, 'select'>) {
  return reader.select(announcedColumns).from(posts).leftJoin(categories, eq(categories.id, posts.categoryId));
}

type Row = ReturnType<ReturnType<typeof selectAnnounced>['all']>[number];
const toAnnounced = ({ subscribersNotifiedAt: _notified, status: _status, ...row }: Row): AnnouncedPost => ({ ...row, publishedAt: row.publishedAt! });

/** Queues one email per matching subscriber, unless this post was announced before. Returns how many. */
function announce(tx: Transaction, row: Row, now: Date, compose: ComposeAnnouncement): number {
  if (row.subscribersNotifiedAt) return 0;
  const post = toAnnounced(row);
  const recipients = listSubscribersForPost(tx, post.categoryId);
  enqueueMails(
    recipients.map((recipient) => compose(post, recipient)),
    tx,
    now,
  );
  tx.update(posts).set({ subscribersNotifiedAt: now }).where(eq(posts.id, post.id)).run();
  return recipients.length;
}

/**
 * "Publish now": a draft or scheduled post becomes published at `now` (a post already published keeps
 * its date), its subscribers are emailed and, when someone pressed the button, the version is kept as a revision. Returns the post's slug and the number of emails queued, or null for no such post.
 */
export function markPostPublished(postId: number, now: Date, compose: ComposeAnnouncement, actor?: Actor): { slug: string; queued: number } | null {
  return getDb().transaction(
    (tx) => {
      const row = selectAnnounced(tx).where(eq(posts.id, postId)).get();
      if (!row) return null;
      const publishedAt = row.status === 'published' && row.publishedAt && row.publishedAt <= now ? row.publishedAt : now;
      tx.update(posts).set({ status: 'published', publishedAt }).where(eq(posts.id, postId)).run();
      if (actor) {
        recordActivity(tx, actor, 'post.publish', `“${row.title}”`, now);
        keepRevision(tx, actor, postId, now);
      }
      return { slug: row.slug, queued: announce(tx, { ...row, publishedAt }, now, compose) };
    },
    { behavior: 'immediate' },
  );
}

/** Scheduled posts whose time has come: marked published and announced, each in its own transaction. Returns their slugs. */
export function markDuePostsPublished(now: Date, compose: ComposeAnnouncement): string[] {
  const due = selectAnnounced(getDb())
    .where(and(eq(posts.status, 'scheduled'), lte(posts.publishedAt, now)))
    .orderBy(asc(posts.publishedAt))
    .all();
  return due.flatMap((candidate) =>
    getDb().transaction(
      (tx) => {
        // Read again inside the transaction: another worker may have published it meanwhile.
        const row = selectAnnounced(tx)
          .where(and(eq(posts.id, candidate.id), eq(posts.status, 'scheduled')))
          .get();
        if (!row) return [];
        tx.update(posts).set({ status: 'published' }).where(eq(posts.id, row.id)).run();
        announce(tx, row, now, compose);
        return [row.slug];
      },
      { behavior: 'immediate' },
    ),
  );
}

/** Posts readers could see that were published in [from, to), oldest first (for the weekly digest). */
export function listPostsPublishedBetween(from: Date, to: Date): AnnouncedPost[] {
  return selectAnnounced(getDb())
    .where(and(isVisible(to), gte(posts.publishedAt, from), lt(posts.publishedAt, to)))
    .orderBy(asc(posts.publishedAt))
    .all()
    .map(toAnnounced);
}
