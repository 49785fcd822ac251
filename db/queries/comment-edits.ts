/**
 * Edits of a comment. A member's own, as the moderation rules decided: published at once (the earlier
 * text kept as a revision), held as a pending edit while the approved text stays public, or — for a
 * comment that is itself awaiting moderation — written over the held text. A moderator's: always
 * written, the earlier text kept as a revision marked as replaced by that moderator.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { commentPendingEdits, commentRevisions, comments, type HoldReason } from '@/db/schema';

export type CommentEdit = { body: string; html: string; contentNote: string | null };
export type EditResult = 'published' | 'held' | 'replaced';

/** The member's own comment as it can be edited, or null. */
export function getOwnEditableComment(id: number, userId: string) {
  return (
    getDb()
      .select({ id: comments.id, postId: comments.postId, status: comments.status })
      .from(comments)
      .where(and(eq(comments.id, id), eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending'])))
      .get() ?? null
  );
}

/**
 * Replaces the text, keeping the earlier one as a revision; any held edit is superseded. `moderatorId`:
 * a moderator made the change (marked on the revision, and the comment reads "edited by a moderator").
 */
function publish(tx: Transaction, id: number, edit: CommentEdit, at: Date, moderatorId: string | null = null): void {
  const current = tx.select({ body: comments.body, contentNote: comments.contentNote }).from(comments).where(eq(comments.id, id)).get();
  if (!current) return;
  tx.insert(commentRevisions).values({ commentId: id, body: current.body, contentNote: current.contentNote, replacedAt: at, replacedByModeratorId: moderatorId }).run();
  tx.update(comments)
    .set({ ...edit, ...(moderatorId ? { moderatorEditedAt: at } : { editedAt: at }) })
    .where(eq(comments.id, id))
    .run();
  tx.delete(commentPendingEdits).where(eq(commentPendingEdits.commentId, id)).run();
}

/** A moderator's change of the text (call inside the decision's transaction, which also logs it). */
export function publishModeratorEdit(tx: Transaction, id: number, edit: CommentEdit, moderatorId: string, at: Date): void {
  publish(tx, id, edit, at, moderatorId);
}

/**
 * Applies the member's edit in one transaction, checking ownership and status at the moment of writing.
 * `hold` is the rules' reason to hold it, or null to publish. Returns what happened, or null when the
 * comment is not theirs (or no longer editable).
 */
export function applyCommentEdit(id: number, userId: string, edit: CommentEdit, hold: HoldReason | null, now = new Date()): EditResult | null {
  return getDb().transaction((tx) => {
    const own = and(eq(comments.id, id), eq(comments.authorId, userId));
    const current = tx.select({ status: comments.status }).from(comments).where(own).get();
    if (current?.status === 'pending') {
      tx.update(comments)
        .set({ ...edit, editedAt: now })
        .where(and(own, eq(comments.status, 'pending')))
        .run();
      return 'replaced';
    }
    if (current?.status !== 'approved') return null;
    if (hold === null) {
      publish(tx, id, edit, now);
      return 'published';
    }
    const pending = { ...edit, reason: hold, submittedAt: now };
    tx.insert(commentPendingEdits)
      .values({ commentId: id, ...pending })
      .onConflictDoUpdate({ target: commentPendingEdits.commentId, set: pending })
      .run();
    return 'held';
  });
}

/** A moderator approved the held edit: it becomes the public text. False when there was none. */
export function publishPendingEdit(tx: Transaction, id: number): boolean {
  const pending = tx.select().from(commentPendingEdits).where(eq(commentPendingEdits.commentId, id)).get();
  if (!pending) return false;
  publish(tx, id, { body: pending.body, html: pending.html, contentNote: pending.contentNote }, pending.submittedAt);
  return true;
}

/** A moderator rejected the held edit (or the comment went): the approved text stays. False when there was none. */
export function dropPendingEdit(tx: Transaction, id: number): boolean {
  return tx.delete(commentPendingEdits).where(eq(commentPendingEdits.commentId, id)).run().changes > 0;
}
