/**
 * Removing a comment so the thread still reads: by its author, by a moderator's decision, or with a leaving
 * member's account. Writes by members carry the owner in the WHERE clause.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { type Db, type Transaction } from '@/db/index';
import { dropPendingEdit } from '@/db/queries/comment-edits';
import { commentRevisions, comments } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

/**
 * Erases one comment: a placeholder ("This comment was deleted") where others replied, otherwise gone.
 * Still synchronous, like dropPendingEdit: an account deletion calls it inside its own synchronous transaction.
 */
export function eraseComment(tx: Db | Transaction, id: number): void {
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
export function removeComment(id: number, authorId?: string): Promise<boolean> {
  return withTransaction(async (tx) => {
    const owned = authorId ? and(eq(comments.id, id), eq(comments.authorId, authorId)) : eq(comments.id, id);
    const [target] = await tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(owned, inArray(comments.status, ['approved', 'pending', 'spam'])))
      .limit(1);
    if (!target) return false;
    eraseComment(tx, id);
    return true;
  });
}
