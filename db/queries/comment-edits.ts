/**
 * Edits of a comment. A member's own, as the moderation rules decided: published at once (the earlier
 * text kept as a revision), held as a pending edit while the approved text stays public, or — for a
 * comment that is itself awaiting moderation — written over the held text. A moderator's: always
 * written, the earlier text kept as a revision marked as replaced by that moderator.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { commentPendingEdits, commentRevisions, comments, type HoldReason } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type CommentEdit = { body: string; html: string; contentNote: string | null };
export type EditResult = 'published' | 'held' | 'replaced';

/** The member's own comment as it can be edited, or null. */
export async function getOwnEditableComment(id: number, userId: string) {
  const [comment = null] = await getDb()
    .select({ id: comments.id, postId: comments.postId, status: comments.status })
    .from(comments)
    .where(and(eq(comments.id, id), eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending'])))
    .limit(1);
  return comment;
}

/**
 * Replaces the text, keeping the earlier one as a revision; any held edit is superseded. `moderatorId`:
 * a moderator made the change (marked on the revision, and the comment reads "edited by a moderator").
 */
async function publish(tx: Db, id: number, edit: CommentEdit, at: Date, moderatorId: string | null = null): Promise<void> {
  const [current] = await tx.select({ body: comments.body, contentNote: comments.contentNote }).from(comments).where(eq(comments.id, id)).limit(1);
  if (!current) return;
  await tx.insert(commentRevisions).values({ commentId: id, body: current.body, contentNote: current.contentNote, replacedAt: at, replacedByModeratorId: moderatorId });
  await tx
    .update(comments)
    .set({ ...edit, ...(moderatorId ? { moderatorEditedAt: at } : { editedAt: at }) })
    .where(eq(comments.id, id));
  await tx.delete(commentPendingEdits).where(eq(commentPendingEdits.commentId, id));
}

/** A moderator's change of the text (call inside the decision's transaction, which also logs it). */
export function publishModeratorEdit(tx: Db, id: number, edit: CommentEdit, moderatorId: string, at: Date): Promise<void> {
  return publish(tx, id, edit, at, moderatorId);
}

/**
 * Applies the member's edit in one transaction, checking ownership and status at the moment of writing.
 * `hold` is the rules' reason to hold it, or null to publish. Returns what happened, or null when the
 * comment is not theirs (or no longer editable).
 */
export function applyCommentEdit(id: number, userId: string, edit: CommentEdit, hold: HoldReason | null, now = new Date()): Promise<EditResult | null> {
  return withTransaction(async (tx): Promise<EditResult | null> => {
    const own = and(eq(comments.id, id), eq(comments.authorId, userId));
    const [current] = await tx.select({ status: comments.status }).from(comments).where(own).limit(1);
    if (current?.status === 'pending') {
      await tx
        .update(comments)
        .set({ ...edit, editedAt: now })
        .where(and(own, eq(comments.status, 'pending')));
      return 'replaced';
    }
    if (current?.status !== 'approved') return null;
    if (hold === null) {
      await publish(tx, id, edit, now);
      return 'published';
    }
    const pending = { ...edit, reason: hold, submittedAt: now };
    await tx
      .insert(commentPendingEdits)
      .values({ commentId: id, ...pending })
      .onConflictDoUpdate({ target: commentPendingEdits.commentId, set: pending });
    return 'held';
  });
}

/** A moderator approved the held edit: it becomes the public text. False when there was none. */
export async function publishPendingEdit(tx: Db, id: number): Promise<boolean> {
  const [pending] = await tx.select().from(commentPendingEdits).where(eq(commentPendingEdits.commentId, id)).limit(1);
  if (!pending) return false;
  await publish(tx, id, { body: pending.body, html: pending.html, contentNote: pending.contentNote }, pending.submittedAt);
  return true;
}

/**
 * A moderator rejected the held edit (or the comment went): the approved text stays. False when there was none.
 * Call it inside the withTransaction(…) that decided it.
 */
export async function dropPendingEdit(id: number): Promise<boolean> {
  const dropped = await getDb().delete(commentPendingEdits).where(eq(commentPendingEdits.commentId, id)).returning({ id: commentPendingEdits.commentId });
  return dropped.length > 0;
}
