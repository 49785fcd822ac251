/**
 * What writing a comment needs: the post it goes on, the comment it answers, what the moderation rules know
 * about the writer, and storing it (with the reply notice or staff alerts it causes, in one transaction).
 */
import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { queueHeldCommentAlerts, type ComposeAlert } from '@/db/queries/moderation-alerts';
import { isVisible } from '@/db/queries/posts';
import { recordReplyNotice } from '@/db/queries/reply-notices';
import { comments, posts, users, type CommentStatus, type UserRole } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type CommentTarget = { id: number; slug: string; title: string; commentsClosed: boolean };

/** The post a comment may be written on: visible to readers, whether or not comments are closed. */
export async function getCommentTarget(postId: number, now = new Date()): Promise<CommentTarget | null> {
  const [target] = await getDb()
    .select({ id: posts.id, slug: posts.slug, title: posts.title, commentsClosed: posts.commentsClosed })
    .from(posts)
    .where(and(eq(posts.id, postId), isVisible(now)))
    .limit(1);
  return target ?? null;
}

export async function getComment(id: number) {
  const [comment = null] = await getDb()
    .select({ id: comments.id, postId: comments.postId, parentId: comments.parentId, depth: comments.depth, status: comments.status, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.id, id))
    .limit(1);
  return comment;
}

export type CommenterState = { role: UserRole; blocked: boolean; hasApprovedComment: boolean };

/**
 * What the moderation rules need to know about a member. `besides`: for an edit, the comment being
 * edited does not count as approved, so an approved first comment cannot be rewritten unseen.
 */
export async function getCommenterState(userId: string, besides?: number): Promise<CommenterState | null> {
  const db = getDb();
  const [user] = await db.select({ role: users.role, blocked: users.commentingBlocked }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const others = besides === undefined ? undefined : ne(comments.id, besides);
  const [approved] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.authorId, userId), eq(comments.status, 'approved'), others))
    .limit(1);
  return { role: user.role, blocked: user.blocked, hasApprovedComment: Boolean(approved) };
}

export type NewComment = {
  postId: number;
  parentId: number | null;
  depth: number;
  authorId: string;
  body: string;
  html: string;
  contentNote: string | null;
  status: 'approved' | 'pending';
  createdAt: Date;
};

/**
 * Stores a comment; in the same transaction a public reply records who should hear about it, and a held
 * comment queues the "at once" alerts to staff (`alert` composes them).
 */
export function insertComment(values: NewComment, alert?: ComposeAlert): Promise<{ id: number; status: CommentStatus }> {
  return withTransaction(async (tx) => {
    const [created] = await tx.insert(comments).values(values).returning({ id: comments.id, status: comments.status });
    if (created.status === 'approved' && values.parentId !== null) await recordReplyNotice(tx, created.id);
    if (created.status === 'pending' && alert) await queueHeldCommentAlerts(tx, created.id, values.authorId, alert);
    return created;
  });
}
