/**
 * Comments waiting for their author to confirm an address by email (issue 16), and the member and
 * session a confirmation makes. Each write is one statement or one transaction.
 */
import 'server-only';
import { and, eq, isNull, lte } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { NEW_MEMBER_REPLY_NOTIFICATIONS, sessions, users, waitingComments } from '@/db/schema';

export type WaitingComment = typeof waitingComments.$inferSelect;
export type NewWaitingComment = Omit<typeof waitingComments.$inferInsert, 'id' | 'createdAt'>;

/**
 * Stores the comment and queues its email together. An earlier one for the same address, post and
 * comment replied to is replaced (its link stops working), and long-expired ones are dropped, so the
 * table stays small. Replies to different comments wait side by side: none of them is lost.
 */
export function saveWaitingComment(values: NewWaitingComment, mail: OutgoingMail, now: Date, forgetBefore: Date): void {
  getDb().transaction((tx) => {
    tx.delete(waitingComments).where(lte(waitingComments.expiresAt, forgetBefore)).run();
    const sameParent = values.parentId == null ? isNull(waitingComments.parentId) : eq(waitingComments.parentId, values.parentId);
    tx.delete(waitingComments)
      .where(and(eq(waitingComments.email, values.email), eq(waitingComments.postId, values.postId), sameParent))
      .run();
    tx.insert(waitingComments)
      .values({ ...values, createdAt: now })
      .run();
    enqueueMail(mail, tx, now);
  });
}

/**
 * Takes the comment a link opens, once: the row is deleted as it is read. Expired rows stay (a new link
 * can be sent), and so does a row `keep` says must wait (checked in the same transaction as the take).
 */
export function takeWaitingComment(tokenHash: string, now: Date, keep: (row: WaitingComment) => boolean = () => false): WaitingComment | 'expired' | 'kept' | null {
  return getDb().transaction((tx) => {
    const row = tx.select().from(waitingComments).where(eq(waitingComments.tokenHash, tokenHash)).get();
    if (!row) return null;
    if (row.expiresAt <= now) return 'expired';
    if (keep(row)) return 'kept';
    tx.delete(waitingComments).where(eq(waitingComments.id, row.id)).run();
    return row;
  });
}

/** Puts back a comment taken by its link whose posting was refused (too fast, blocked…): the same link works again. */
export function restoreWaitingComment(row: WaitingComment): void {
  getDb().insert(waitingComments).values(row).onConflictDoNothing().run();
}

/** An expired comment's link made new, its email queued in the same transaction. */
export function renewWaitingComment(oldHash: string, newHash: string, expiresAt: Date, mail: OutgoingMail, now: Date): void {
  getDb().transaction((tx) => {
    const renewed = tx.update(waitingComments).set({ tokenHash: newHash, expiresAt }).where(eq(waitingComments.tokenHash, oldHash)).run();
    if (renewed.changes === 1) enqueueMail(mail, tx, now);
  });
}

/** The post, comment replied to, address and expiry of the comment a link names, or null. */
export function getWaitingCommentPost(tokenHash: string): { postId: number; parentId: number | null; email: string; expiresAt: Date } | null {
  return (
    getDb()
      .select({ postId: waitingComments.postId, parentId: waitingComments.parentId, email: waitingComments.email, expiresAt: waitingComments.expiresAt })
      .from(waitingComments)
      .where(eq(waitingComments.tokenHash, tokenHash))
      .get() ?? null
  );
}

/** Whether an address already belongs to a member (the email then says "sign in", and their name is kept). */
export function isMemberAddress(email: string): boolean {
  return getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get() !== undefined;
}

/** The member with this (proven) address, made now with the name they gave if there is none. */
export function memberForProvenAddress(email: string, name: string, now: Date): string {
  return getDb().transaction((tx) => {
    const existing = tx.select({ id: users.id, emailVerified: users.emailVerified }).from(users).where(eq(users.email, email)).get();
    if (existing) {
      if (!existing.emailVerified) tx.update(users).set({ emailVerified: now }).where(eq(users.id, existing.id)).run();
      return existing.id;
    }
    return tx.insert(users).values({ email, name, emailVerified: now, createdAt: now, replyNotifications: NEW_MEMBER_REPLY_NOTIFICATIONS }).returning({ id: users.id }).get().id;
  });
}

/** A database session like Auth.js's own (the token stored hashed). */
export function insertSession(userId: string, tokenHash: string, expires: Date): void {
  getDb().insert(sessions).values({ sessionToken: tokenHash, userId, expires }).run();
}
