/**
 * Reply notices: who should hear that someone answered them. A notice is written in the same
 * transaction that makes the reply public; the mail worker later turns notices into email.
 */
import 'server-only';
import { and, asc, eq, inArray, isNull, lt, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Transaction } from '@/db/index';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { comments, posts, replyNotices, threadMutes, users, type ReplyNotificationChoice } from '@/db/schema';

const parents = alias(comments, 'parents');

/** The top-level comment of a conversation (threads are at most three deep). */
function rootOf(tx: Transaction, commentId: number): number {
  let current = tx.select({ id: comments.id, parentId: comments.parentId }).from(comments).where(eq(comments.id, commentId)).get();
  while (current?.parentId) current = tx.select({ id: comments.id, parentId: comments.parentId }).from(comments).where(eq(comments.id, current.parentId)).get();
  return current?.id ?? commentId;
}

/**
 * Call inside the transaction that makes reply `replyId` public. Nobody is told about their own reply,
 * a member who chose "never", or a muted conversation; a reply is announced at most once per person.
 */
export function recordReplyNotice(tx: Transaction, replyId: number): void {
  const row = tx
    .select({ replyAuthor: comments.authorId, recipient: parents.authorId, choice: users.replyNotifications })
    .from(comments)
    .innerJoin(parents, eq(parents.id, comments.parentId))
    .innerJoin(users, eq(users.id, parents.authorId))
    .where(and(eq(comments.id, replyId), eq(comments.status, 'approved')))
    .get();
  if (!row?.recipient || row.recipient === row.replyAuthor || row.choice === 'never') return;
  const rootId = rootOf(tx, replyId);
  if (
    tx
      .select({ rootId: threadMutes.rootId })
      .from(threadMutes)
      .where(and(eq(threadMutes.userId, row.recipient), eq(threadMutes.rootId, rootId)))
      .get()
  )
    return;
  tx.insert(replyNotices).values({ recipientId: row.recipient, replyId, rootId }).onConflictDoNothing().run();
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
export function listOpenNotices(before: Date): OpenNotice[] {
  const replyAuthors = alias(users, 'reply_authors');
  return getDb()
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
    .orderBy(asc(replyNotices.id))
    .all()
    .map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      rootId: r.rootId,
      recipient: { id: r.recipientId, email: r.email, name: r.name, choice: r.choice },
      reply: { id: r.replyId, body: r.body, authorName: r.authorName },
      post: { slug: r.slug, title: r.title },
    }));
}

/** When this member's last reply email about this conversation was queued (notices closed with an email), or null. */
export function lastNoticeEmailAt(recipientId: string, rootId: number): Date | null {
  const row = getDb()
    .select({ at: max(replyNotices.processedAt) })
    .from(replyNotices)
    .where(and(eq(replyNotices.recipientId, recipientId), eq(replyNotices.rootId, rootId), eq(replyNotices.emailed, true)))
    .get();
  return row?.at ?? null;
}

/** Queues the email for some notices and closes them, together; `mail` null closes them silently. */
export function closeNotices(noticeIds: number[], mail: OutgoingMail | null, now = new Date()): void {
  getDb().transaction((tx) => {
    if (mail) enqueueMail(mail, tx, now);
    tx.update(replyNotices)
      .set({ processedAt: now, emailed: mail !== null })
      .where(inArray(replyNotices.id, noticeIds))
      .run();
  });
}

export function muteThread(userId: string, rootId: number): void {
  getDb().insert(threadMutes).values({ userId, rootId }).onConflictDoNothing().run();
}

export function setReplyNotifications(userId: string, choice: ReplyNotificationChoice): void {
  getDb().update(users).set({ replyNotifications: choice }).where(eq(users.id, userId)).run();
}
