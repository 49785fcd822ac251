'use server';
/** Moderators keep threads safe: approve, mark as spam, delete, block. The role is checked on every call. */
import { updateTag } from 'next/cache';
import { logActivity } from '@/db/queries/activity';
import { blockCommenter, getComment, getCommentTarget, resolveReports, setCommentStatus } from '@/db/queries/comments';
import { TAGS } from '@/lib/cache';
import { canModerate } from '@/lib/roles';
import { deleteComment } from '@/lib/comments/submit';
import { getCurrentUser } from '@/lib/session';
import type { ActionState } from './state';

export type ModerationDecision = 'approve' | 'spam' | 'delete' | 'block';
const DECISIONS: ModerationDecision[] = ['approve', 'spam', 'delete', 'block'];

const DONE: Record<ModerationDecision, string> = {
  approve: 'Approved: the comment is now public (any reports on it are closed).',
  spam: 'Marked as spam and hidden.',
  delete: 'Deleted.',
  block: 'The member can no longer comment. Their earlier comments stay until you remove them.',
};

export async function moderateCommentAction(commentId: number, decision: ModerationDecision): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user || !canModerate(user.role)) return { ok: false, message: 'Only moderators can do that.' };
  if (!Number.isInteger(commentId) || !DECISIONS.includes(decision)) return { ok: false, message: 'That request was not understood; nothing changed.' };
  const comment = getComment(commentId);
  const postSlug = comment && getCommentTarget(comment.postId)?.slug;
  if (!comment || !postSlug) return { ok: false, message: 'That comment no longer exists.' };
  try {
    if (decision === 'approve') {
      setCommentStatus(commentId, 'approved');
      resolveReports(commentId);
    }
    if (decision === 'spam') setCommentStatus(commentId, 'spam');
    if (decision === 'delete') deleteComment(commentId);
    if (decision === 'block' && comment.authorId) blockCommenter(comment.authorId);
    logActivity(user, `comment.${decision}`, `comment #${commentId} on /posts/${postSlug}`);
  } catch (error) {
    console.error('[hearth] moderation failed:', error);
    return { ok: false, message: 'Something went wrong on our side and nothing was changed.' };
  }
  updateTag(TAGS.post(postSlug));
  updateTag(TAGS.comments);
  return { ok: true, message: DONE[decision] };
}
