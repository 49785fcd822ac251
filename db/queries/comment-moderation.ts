/**
 * A moderator's decision on one comment, written whole or not at all: the status change (or their edit
 * of the text), the reports it closes and the activity-log entry commit in one transaction. The log
 * names the comment as people do: "a comment by Sam on “Pacing with an energy budget”".
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { type Db } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { dropPendingEdit, publishModeratorEdit, publishPendingEdit, type CommentEdit } from '@/db/queries/comment-edits';
import { eraseComment } from '@/db/queries/comment-removal';
import { resolveReports } from '@/db/queries/comment-reports';
import { recordReplyNotice } from '@/db/queries/reply-notices';
import { comments, posts, users } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export const MODERATION_DECISIONS = ['approve', 'spam', 'delete', 'block', 'approve-edit', 'reject-edit'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** `closedReports`: an already public comment was kept, which only closes the reports on it. */
export type ModerationResult = { postSlug: string; closedReports: boolean } | 'no-such-comment' | 'no-pending-edit';

/** Approving is what makes a held reply public, so that is when its notice is recorded. */
async function setStatus(tx: Db, id: number, status: 'approved' | 'spam', was: string): Promise<void> {
  await tx
    .update(comments)
    .set({ status })
    .where(and(eq(comments.id, id), inArray(comments.status, ['approved', 'pending', 'spam'])));
  if (status === 'approved' && was !== 'approved') await recordReplyNotice(tx, id);
}

/** The comment as the log and the caches need it, read inside the transaction. */
async function target(tx: Db, id: number) {
  const [row] = await tx
    .select({ status: comments.status, authorId: comments.authorId, authorName: users.name, guestName: comments.guestName, postSlug: posts.slug, postTitle: posts.title })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, id))
    .limit(1);
  return row && { ...row, subject: `a comment by ${row.authorName ?? (row.guestName === null ? 'a deleted member' : `the guest ${row.guestName}`)} on “${row.postTitle}”` };
}

/** Applies one decision; nothing is written when any part of it fails. */
export function moderateComment(id: number, decision: ModerationDecision, actor: Actor, now = new Date()): Promise<ModerationResult> {
  return withTransaction(async (tx): Promise<ModerationResult> => {
    const comment = await target(tx, id);
    if (!comment || comment.status === 'deleted') return 'no-such-comment';
    const closedReports = decision === 'approve' && comment.status === 'approved';
    if (decision === 'approve' || decision === 'spam') {
      await setStatus(tx, id, decision === 'approve' ? 'approved' : 'spam', comment.status);
      await resolveReports(tx, id, now);
      if (decision === 'spam') await dropPendingEdit(id);
    }
    if (decision === 'delete') await eraseComment(id);
    if (decision === 'block' && comment.authorId) await tx.update(users).set({ commentingBlocked: true }).where(eq(users.id, comment.authorId));
    if (decision === 'approve-edit' && !(await publishPendingEdit(tx, id))) return 'no-pending-edit';
    if (decision === 'reject-edit' && !(await dropPendingEdit(id))) return 'no-pending-edit';
    await recordActivity(actor, closedReports ? 'comment.close-reports' : `comment.${decision}`, comment.subject, now);
    return { postSlug: comment.postSlug, closedReports };
  });
}

/**
 * A moderator changes a comment's text (to remove a phone number, say): public at once, the earlier text
 * kept as a revision marked as theirs, and logged. Null when the comment is gone or was deleted.
 */
export function editCommentAsModerator(id: number, edit: CommentEdit, actor: Actor, now = new Date()): Promise<{ postSlug: string; status: string } | null> {
  return withTransaction(async (tx) => {
    const comment = await target(tx, id);
    if (!comment || comment.status === 'deleted') return null;
    await publishModeratorEdit(tx, id, edit, actor.id, now);
    await recordActivity(actor, 'comment.edit', comment.subject, now);
    return { postSlug: comment.postSlug, status: comment.status };
  });
}
