/**
 * Reply notices: who should hear that someone answered them. A notice is written in the same
 * transaction that makes the reply public; the mail worker later turns notices into email.
 */
import 'server-only';
import { and, asc, eq, inArray, isNull, lt, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/index';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { comments, posts, replyNotices, threadMutes, users, type ReplyNotificationChoice } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

const parents = alias(comments, 'parents');

/** The top-level comment of a conversation (threads are at most three deep). */
async function rootOf(tx: Db, commentId: number): Promise<number> {
  const find = async (id: number) => (await tx.select({ id: comments.id, parentId: comments.parentId }).from(comments).where(eq(comments.id, id)).limit(1))[0];
  let current = await find(commentId);
  while (current?.parentId) current = await find(current.parentId);
  return current?.id ?? commentId;
}

/**
 * Call inside the transaction that makes reply `replyId` public. Nobody is told about their own reply,
 * a member who chose "never", or a muted conversation; a reply is announced at most once per person.
 */
export async function recordReplyNotice(tx: Db, replyId: number): Promise<void> {
  const [row] = await tx
    .select({ replyAuthor: comments.authorId, recipient: parents.authorId, choice: users.replyNotifications })
    .from(comments)
    .innerJoin(parents, eq(parents.id, comments.parentId))
    .innerJoin(users, eq(users.id, parents.authorId))
    .where(and(eq(comments.id, replyId), eq(comments.status, 'approved')))
    .limit(1);
  if (!row?.recipient || row.recipient === row.replyAuthor || row.choice === 'never') return;
  const rootId = await rootOf(tx, replyId);
  const [muted] = await tx
    .select({ rootId: threadMutes.rootId })
    .from(threadMutes)
    .where(and(eq(threadMutes.userId, row.recipient), eq(threadMutes.rootId, rootId)))
    .limit(1);
  if (muted) return;
  await tx.insert(replyNotices).values({ recipientId: row.recipient, replyId, rootId }).onConflictDoNothing();
}

export type OpenNotice = {
  id: number;
  createdAt: Date;
  rootId: number;
  recipient: { id: string; email: string; name: string | null; choice: ReplyNotificationChoice };
  reply: { id: number; body: string; authorName: string | null };
  post: { slug: string; title: string };
};

/** Notices not yet turned into email, created before `before`. */
export async function listOpenNotices(before: Date): Promise<OpenNotice[]> {
  const replyAuthors = alias(users, 'reply_authors');
  const rows = await getDb()
    .select({
      id: replyNotices.id,
      createdAt: replyNotices.createdAt,
      rootId: replyNotices.rootId,
      recipientId: users.id,
      email: users.email,
      name: users.name,
      choice: users.replyNotifications,
      replyId: comments.id,
      body: comments.body,
      authorName: sql<string | null>`coalesce(${replyAuthors.name}, ${comments.guestName})`,
      slug: posts.slug,
      title: posts.title,
    })
    .from(replyNotices)
    .innerJoin(users, eq(users.id, replyNotices.recipientId))
    .innerJoin(comments, eq(comments.id, replyNotices.replyId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(replyAuthors, eq(replyAuthors.id, comments.authorId))
    .where(and(isNull(replyNotices.processedAt), lt(replyNotices.createdAt, before)))
    .orderBy(asc(replyNotices.id));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    rootId: r.rootId,
    recipient: { id: r.recipientId, email: r.email, name: r.name, choice: r.choice },
    reply: { id: r.replyId, body: r.body, authorName: r.authorName },
    post: { slug: r.slug, title: r.title },
  }));
}

/** When this member's last reply email about this conversation was queued (notices closed with an email), or null. */
export async function lastNoticeEmailAt(recipientId: string, rootId: number): Promise<Date | null> {
  const [row] = await getDb()
    .select({ at: max(replyNotices.processedAt) })
    .from(replyNotices)
    .where(and(eq(replyNotices.recipientId, recipientId), eq(replyNotices.rootId, rootId), eq(replyNotices.emailed, true)));
  return row?.at ?? null;
}

/** Queues the email for some notices and closes them, together; `mail` null closes them silently. */
export function closeNotices(noticeIds: number[], mail: OutgoingMail | null, now = new Date()): Promise<void> {
  return withTransaction(async (tx) => {
    if (mail) await enqueueMail(mail, now);
    await tx
      .update(replyNotices)
      .set({ processedAt: now, emailed: mail !== null })
      .where(inArray(replyNotices.id, noticeIds));
  });
}

export async function muteThread(userId: string, rootId: number): Promise<void> {
  await withTransaction((tx) => tx.insert(threadMutes).values({ userId, rootId }).onConflictDoNothing());
}

export async function setReplyNotifications(userId: string, choice: ReplyNotificationChoice): Promise<void> {
  await withTransaction((tx) => tx.update(users).set({ replyNotifications: choice }).where(eq(users.id, userId)));
}
