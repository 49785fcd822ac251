/**
 * Publishing a post and telling its subscribers, in one transaction: the post turns published and
 * one email per matching subscriber is queued, or neither happens. A post is announced once, ever.
 */
import 'server-only';
import { and, asc, eq, gte, lt, lte } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { keepRevision } from '@/db/queries/editor-posts';
import { enqueueMails, type OutgoingMail } from '@/db/queries/outbox';
import { listSubscribersForPost } from '@/db/queries/subscriber-deliveries';
import { categories, posts } from '@/db/schema';
import { withTransaction } from '@/db/transaction';
import { isVisible } from './posts';

export type AnnouncedPost = { id: number; slug: string; title: string; excerpt: string; body: string; categoryId: number | null; categoryName: string | null; publishedAt: Date };
export type Recipient = { id: number; email: string };
export type ComposeAnnouncement = (post: AnnouncedPost, recipient: Recipient) => Promise<OutgoingMail>;

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

function selectAnnounced() {
  return getDb().select(announcedColumns).from(posts).leftJoin(categories, eq(categories.id, posts.categoryId));
}

type Row = Awaited<ReturnType<typeof selectAnnounced>>[number];
const toAnnounced = ({ subscribersNotifiedAt: _notified, status: _status, ...row }: Row): AnnouncedPost => ({ ...row, publishedAt: row.publishedAt! });

/** Queues one email per matching subscriber, unless this post was announced before. Returns how many. */
async function announce(tx: Db, row: Row, now: Date, compose: ComposeAnnouncement): Promise<number> {
  if (row.subscribersNotifiedAt) return 0;
  const post = toAnnounced(row);
  const recipients = await listSubscribersForPost(post.categoryId);
  await enqueueMails(await Promise.all(recipients.map((recipient) => compose(post, recipient))), now);
  await tx.update(posts).set({ subscribersNotifiedAt: now }).where(eq(posts.id, post.id));
  return recipients.length;
}

/**
 * "Publish now": a draft or scheduled post becomes published at `now` (a post already published keeps
 * its date), its subscribers are emailed and, when someone pressed the button, the version is kept as a revision. Returns the post's slug and the number of emails queued, or null for no such post.
 */
export function markPostPublished(postId: number, now: Date, compose: ComposeAnnouncement, actor?: Actor): Promise<{ slug: string; queued: number } | null> {
  return withTransaction(async (tx) => {
    const [row] = await selectAnnounced().where(eq(posts.id, postId)).limit(1);
    if (!row) return null;
    const publishedAt = row.status === 'published' && row.publishedAt && row.publishedAt <= now ? row.publishedAt : now;
    await tx.update(posts).set({ status: 'published', publishedAt }).where(eq(posts.id, postId));
    if (actor) {
      await recordActivity(actor, 'post.publish', `“${row.title}”`, now);
      await keepRevision(actor, postId, now);
    }
    return { slug: row.slug, queued: await announce(tx, { ...row, publishedAt }, now, compose) };
  });
}

/**
 * Scheduled posts whose time has come: marked published and announced, each in its own transaction that
 * selects it as due and publishes it, so two workers never both announce one post. Returns their slugs.
 */
export async function markDuePostsPublished(now: Date, compose: ComposeAnnouncement): Promise<string[]> {
  const slugs: string[] = [];
  for (;;) {
    const slug = await withTransaction(async (tx) => {
      const [row] = await selectAnnounced()
        .where(and(eq(posts.status, 'scheduled'), lte(posts.publishedAt, now)))
        .orderBy(asc(posts.publishedAt), asc(posts.id))
        .limit(1);
      if (!row) return null;
      await tx.update(posts).set({ status: 'published' }).where(eq(posts.id, row.id));
      await announce(tx, row, now, compose);
      return row.slug;
    });
    if (slug === null) return slugs;
    slugs.push(slug);
  }
}

/** Posts readers could see that were published in [from, to), oldest first (for the weekly digest). */
export async function listPostsPublishedBetween(from: Date, to: Date): Promise<AnnouncedPost[]> {
  const rows = await selectAnnounced()
    .where(and(isVisible(to), gte(posts.publishedAt, from), lt(posts.publishedAt, to)))
    .orderBy(asc(posts.publishedAt));
  return rows.map(toAnnounced);
}
