/**
 * Removing a comment so the thread still reads: by its author, by a moderator's decision, or with a leaving
 * member's account. Writes by members carry the owner in the WHERE clause.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { dropPendingEdit } from '@/db/queries/comment-edits';
import { commentRevisions, comments } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

/**
 * Erases one comment: a placeholder ("This comment was deleted") where others replied, otherwise gone.
 * Call it inside the withTransaction(…) that decided it (a moderator's decision, an account deletion).
 */
export async function eraseComment(id: number): Promise<void> {
  const db = getDb();
  const [hasReplies] = await db.select({ id: comments.id }).from(comments).where(eq(comments.parentId, id)).limit(1);
  if (hasReplies) {
    await db.update(comments).set({ status: 'deleted', body: '', html: '', contentNote: null, guestName: null, guestEmail: null }).where(eq(comments.id, id));
    await db.delete(commentRevisions).where(eq(commentRevisions.commentId, id));
    await dropPendingEdit(id);
  } else {
    await db.delete(comments).where(eq(comments.id, id));
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
    await eraseComment(id);
    return true;
  });
}
