/**
 * Removing a comment so the thread still reads: by its author, by a moderator's decision, or with a leaving
 * member's account. Writes by members carry the owner in the WHERE clause.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { dropPendingEdit } from '@/db/queries/comment-edits';
import { commentRevisions, comments } from '@/db/schema';

/** Erases one comment: a placeholder ("This comment was deleted") where others replied, otherwise gone. */
export function eraseComment(tx: Transaction, id: number): void {
  const hasReplies = tx.select({ id: comments.id }).from(comments).where(eq(comments.parentId, id)).get();
  if (hasReplies) {
    tx.update(comments).set({ status: 'deleted', body: '', html: '', contentNote: null, guestName: null, guestEmail: null }).where(eq(comments.id, id)).run();
    tx.delete(commentRevisions).where(eq(commentRevisions.commentId, id)).run();
    dropPendingEdit(tx, id);
  } else {
    tx.delete(comments).where(eq(comments.id, id)).run();
  }
}

/** Removes a comment so the thread still reads. `authorId` limits it to the owner's own comment. */
export function removeComment(id: number, authorId?: string): boolean {
  return getDb().transaction((tx) => {
    const owned = authorId ? and(eq(comments.id, id), eq(comments.authorId, authorId)) : eq(comments.id, id);
    const target = tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(owned, inArray(comments.status, ['approved', 'pending', 'spam'])))
      .get();
    if (!target) return false;
    eraseComment(tx, id);
    return true;
  });
}
