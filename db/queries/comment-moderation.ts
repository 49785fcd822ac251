/**
 * A moderator's decision on one comment, written whole or not at all: the status change, the
 * reports it closes and the activity-log entry commit in one transaction.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { dropPendingEdit, publishPendingEdit } from '@/db/queries/comment-edits';
import { resolveReports } from '@/db/queries/comment-reports';
import { eraseComment } from '@/db/queries/comments';
import { recordReplyNotice } from '@/db/queries/reply-notices';
import { comments, posts, users } from '@/db/schema';

export const MODERATION_DECISIONS = ['approve', 'spam', 'delete', 'block', 'approve-edit', 'reject-edit'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export type ModerationResult = { postSlug: string } | 'no-such-comment' | 'no-pending-edit';

/** Approving is what makes a held reply public, so that is when its notice is recorded. */
function setStatus(tx: Transaction, id: number, status: 'approved' | 'spam', was: string): void {
  tx.update(comments).set({ status }).where(and(eq(comments.id, id), inArray(comments.status, ['approved', 'pending', 'spam']))).run();
  if (status === 'approved' && was !== 'approved') recordReplyNotice(tx, id);
}

/** Applies one decision; nothing is written when any part of it fails. */
export function moderateComment(id: number, decision: ModerationDecision, actor: Actor, now = new Date()): ModerationResult {
  return getDb().transaction((tx) => {
    const comment = tx
      .select({ status: comments.status, authorId: comments.authorId, postSlug: posts.slug })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId))
      .where(eq(comments.id, id))
      .get();
    if (!comment || comment.status === 'deleted') return 'no-such-comment';
    if (decision === 'approve' || decision === 'spam') {
      setStatus(tx, id, decision === 'approve' ? 'approved' : 'spam', comment.status);
      resolveReports(tx, id, now);
      if (decision === 'spam') dropPendingEdit(tx, id);
    }
    if (decision === 'delete') eraseComment(tx, id);
    if (decision === 'block' && comment.authorId) tx.update(users).set({ commentingBlocked: true }).where(eq(users.id, comment.authorId)).run();
    if (decision === 'approve-edit' && !publishPendingEdit(tx, id)) return 'no-pending-edit';
    if (decision === 'reject-edit' && !dropPendingEdit(tx, id)) return 'no-pending-edit';
    recordActivity(tx, actor, `comment.${decision}`, `comment #${id} on /posts/${comment.postSlug}`, now);
    return { postSlug: comment.postSlug };
  });
}
