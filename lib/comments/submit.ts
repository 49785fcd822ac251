/**
 * The rules for writing, editing and removing comments. Actions call these after checking the
 * session; every refusal is a sentence the member can act on, and a refused request stores nothing.
 */
import 'server-only';
import { editOwnComment, getComment, getCommentTarget, getCommenterState, insertComment, removeComment } from '@/db/queries/comments';
import { getCommentSettings } from '@/db/queries/settings';
import { MAX_COMMENT_DEPTH } from '@/db/schema';
import { env } from '@/lib/env';
import { renderCommentMarkdown } from '@/lib/markdown';
import { canModerate } from '@/lib/roles';
import { decideCommentStatus, floodMessage } from './moderation-rules';

export type CommentOutcome =
  | { ok: true; commentId: number; postSlug: string; status: 'approved' | 'pending' }
  | { ok: false; message: string };

type NewCommentInput = { postId: number; parentId?: number; body: string; contentNote?: string };

export function submitComment(userId: string, input: NewCommentInput, now = new Date()): CommentOutcome {
  const target = getCommentTarget(input.postId, now);
  if (!target) return { ok: false, message: 'This post is not open for comments.' };
  if (target.commentsClosed) return { ok: false, message: 'Comments are closed on this post.' };
  const commenter = getCommenterState(userId, now);
  if (!commenter) return { ok: false, message: 'Your session has ended. Please sign in again; your text is kept.' };
  if (commenter.blocked) return { ok: false, message: 'A moderator has paused commenting for your account. Contact the site’s team if you think this is a mistake.' };
  const flood = env.COMMENT_FLOOD_LIMITS === 'on' ? floodMessage(commenter.lastCommentAt, commenter.inLastHour, now) : null;
  if (flood) return { ok: false, message: flood };

  let parentId: number | null = null;
  let depth = 1;
  if (input.parentId !== undefined) {
    const parent = getComment(input.parentId);
    if (!parent || parent.postId !== target.id) return { ok: false, message: 'You can only reply to a comment on this post.' };
    if (parent.status !== 'approved') return { ok: false, message: 'That comment was deleted or is awaiting moderation, so it cannot be replied to.' };
    // Threads nest three levels deep; a reply to the deepest level joins it.
    parentId = parent.depth >= MAX_COMMENT_DEPTH ? parent.parentId : parent.id;
    depth = Math.min(parent.depth + 1, MAX_COMMENT_DEPTH);
  }

  const decision = decideCommentStatus(
    input.body,
    { canModerate: canModerate(commenter.role), hasApprovedComment: commenter.hasApprovedComment },
    getCommentSettings(),
  );
  const created = insertComment({
    postId: target.id,
    parentId,
    depth,
    authorId: userId,
    body: input.body,
    html: renderCommentMarkdown(input.body),
    contentNote: input.contentNote ?? null,
    status: decision.status,
    createdAt: now,
  });
  return { ok: true, commentId: created.id, postSlug: target.slug, status: decision.status };
}

export type ChangeOutcome = { ok: true; postSlug: string } | { ok: false; message: string };

function slugOfCommentPost(commentId: number): string | null {
  const comment = getComment(commentId);
  return comment ? (getCommentTarget(comment.postId)?.slug ?? null) : null;
}

export function editComment(userId: string, input: { commentId: number; body: string; contentNote?: string }, now = new Date()): ChangeOutcome {
  const postSlug = slugOfCommentPost(input.commentId);
  const edited =
    postSlug !== null &&
    editOwnComment(input.commentId, userId, { body: input.body, html: renderCommentMarkdown(input.body), contentNote: input.contentNote ?? null }, now);
  return edited ? { ok: true, postSlug } : { ok: false, message: 'You can only edit your own comments.' };
}

/** Members remove their own comments; moderators any comment (pass no owner). */
export function deleteComment(commentId: number, ownerId?: string): ChangeOutcome {
  const postSlug = slugOfCommentPost(commentId);
  const removed = postSlug !== null && removeComment(commentId, ownerId);
  return removed ? { ok: true, postSlug } : { ok: false, message: ownerId ? 'You can only delete your own comments.' : 'That comment no longer exists.' };
}
