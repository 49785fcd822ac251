/**
 * Comments waiting for their author to confirm an address by email (issue 16), and the member and
 * session a confirmation makes. Each write is one statement or one transaction.
 */
import 'server-only';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { NEW_MEMBER_REPLY_NOTIFICATIONS, sessions, users, waitingComments } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type WaitingComment = typeof waitingComments.$inferSelect;
export type NewWaitingComment = Omit<typeof waitingComments.$inferInsert, 'id' | 'createdAt'>;

/**
 * Stores the comment and queues its email together. An earlier one for the same address, post and
 * comment replied to is replaced (its link stops working), and long-expired ones are dropped, so the
 * table stays small. Replies to different comments wait side by side: none of them is lost.
 */
export function saveWaitingComment(values: NewWaitingComment, mail: OutgoingMail, now: Date, forgetBefore: Date): Promise<void> {
  return withTransaction(async (tx) => {
    await tx.delete(waitingComments).where(lte(waitingComments.expiresAt, forgetBefore));
    const sameParent = values.parentId == null ? isNull(waitingComments.parentId) : eq(waitingComments.parentId, values.parentId);
    await tx.delete(waitingComments).where(and(eq(waitingComments.email, values.email), eq(waitingComments.postId, values.postId), sameParent));
    await tx.insert(waitingComments).values({ ...values, createdAt: now });
    await enqueueMail(mail, now);
  });
}

/**
 * Takes the comment a link opens, once: the row is deleted as it is read. Expired rows stay (a new link
 * can be sent), and so does a row `keep` says must wait (checked in the same transaction as the take).
 */
export function takeWaitingComment(tokenHash: string, now: Date, keep: (row: WaitingComment) => Promise<boolean> = async () => false): Promise<WaitingComment | 'expired' | 'kept' | null> {
  return withTransaction(async (tx): Promise<WaitingComment | 'expired' | 'kept' | null> => {
    const [row] = await tx.select().from(waitingComments).where(eq(waitingComments.tokenHash, tokenHash)).limit(1);
    if (!row) return null;
    if (row.expiresAt <= now) return 'expired';
    if (await keep(row)) return 'kept';
    await tx.delete(waitingComments).where(eq(waitingComments.id, row.id));
    return row;
  });
}

/** Puts back a comment taken by its link whose posting was refused (too fast, blocked…): the same link works again. */
export async function restoreWaitingComment(row: WaitingComment): Promise<void> {
  await withTransaction((tx) => tx.insert(waitingComments).values(row).onConflictDoNothing());
}

/** An expired comment's link made new, its email queued in the same transaction. */
export function renewWaitingComment(oldHash: string, newHash: string, expiresAt: Date, mail: OutgoingMail, now: Date): Promise<void> {
  return withTransaction(async (tx) => {
    const renewed = await tx.update(waitingComments).set({ tokenHash: newHash, expiresAt }).where(eq(waitingComments.tokenHash, oldHash)).returning({ id: waitingComments.id });
    if (renewed.length === 1) await enqueueMail(mail, now);
  });
}

/** The post, comment replied to, address and expiry of the comment a link names, or null. */
export async function getWaitingCommentPost(tokenHash: string): Promise<{ postId: number; parentId: number | null; email: string; expiresAt: Date } | null> {
  const [row] = await getDb()
    .select({ postId: waitingComments.postId, parentId: waitingComments.parentId, email: waitingComments.email, expiresAt: waitingComments.expiresAt })
    .from(waitingComments)
    .where(eq(waitingComments.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/** Whether an address already belongs to a member (the email then says "sign in", and their name is kept). */
export async function isMemberAddress(email: string): Promise<boolean> {
  const [member] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return member !== undefined;
}

/** The member with this (proven) address, made now with the name they gave if there is none. */
export function memberForProvenAddress(email: string, name: string, now: Date): Promise<string> {
  return withTransaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id, emailVerified: users.emailVerified }).from(users).where(eq(users.email, email)).limit(1);
    if (existing) {
      if (!existing.emailVerified) await tx.update(users).set({ emailVerified: now }).where(eq(users.id, existing.id));
      return existing.id;
    }
    const [created] = await tx.insert(users).values({ email, name, emailVerified: now, createdAt: now, replyNotifications: NEW_MEMBER_REPLY_NOTIFICATIONS }).returning({ id: users.id });
    return created.id;
  });
}

/** A database session like Auth.js's own (the token stored hashed). */
export async function insertSession(userId: string, tokenHash: string, expires: Date): Promise<void> {
  await withTransaction((tx) => tx.insert(sessions).values({ sessionToken: tokenHash, userId, expires }));
}
