/**
 * The rules for writing, editing and removing comments. Actions call these after checking the
 * session; every refusal is a sentence the member can act on, and a refused request stores nothing.
 */
import 'server-only';
import { applyCommentEdit, getOwnEditableComment, type EditResult } from '@/db/queries/comment-edits';
import { removeComment } from '@/db/queries/comment-removal';
import { getComment, getCommenterState, getCommentTarget, insertComment, type CommenterState } from '@/db/queries/comment-writing';
import { getCommentSettings } from '@/db/queries/settings';
import { MAX_COMMENT_DEPTH } from '@/db/schema-values';
import { withTransaction } from '@/db/transaction';
import { renderCommentMarkdown } from '@/lib/markdown';
import { instantAlertComposer } from '@/lib/moderation/alert-emails';
import { canModerate } from '@/lib/roles';
import { decideCommentStatus, type ModerationSettings } from './moderation-rules';
import { commentWriteRefusal } from './pace';

export type CommentOutcome = { ok: true; commentId: number; postSlug: string; status: 'approved' | 'pending' } | { ok: false; message: string };

const SESSION_ENDED = 'Your session has ended. Please sign in again; your text is kept.';
const BLOCKED = 'A moderator has paused commenting for your account. Contact the site’s team if you think this is a mistake.';

const decide = (body: string, commenter: CommenterState, settings: ModerationSettings) =>
  decideCommentStatus(body, { canModerate: canModerate(commenter.role), hasApprovedComment: commenter.hasApprovedComment }, settings);

export type ReplyPlace = { parentId: number | null; depth: number } | { message: string };

/** Where a reply to `parentId` goes, or why it cannot: the parent must be a visible comment of this post. */
export async function placeReply(postId: number, parentId: number): Promise<ReplyPlace> {
  const parent = await getComment(parentId);
  if (!parent || parent.postId !== postId) return { message: 'You can only reply to a comment on this post.' };
  if (parent.status !== 'approved') return { message: 'That comment was deleted or is awaiting moderation, so it cannot be replied to.' };
  // Threads nest three levels deep; a reply to the deepest level joins it.
  return { parentId: parent.depth >= MAX_COMMENT_DEPTH ? parent.parentId : parent.id, depth: Math.min(parent.depth + 1, MAX_COMMENT_DEPTH) };
}

type NewCommentInput = { postId: number; parentId?: number; body: string; contentNote?: string };

/**
 * Every check (post open, member not blocked, parent visible, pace) and the insert it allows run in one
 * transaction, so the flood count and the first-comment hold see every comment committed before this one and
 * nothing is written between a check and the comment. The text is rendered and the settings read beforehand.
 */
export async function submitComment(userId: string, input: NewCommentInput, now = new Date()): Promise<CommentOutcome> {
  const html = renderCommentMarkdown(input.body);
  const settings = await getCommentSettings();
  const composeAlert = await instantAlertComposer();
  return withTransaction(async (): Promise<CommentOutcome> => {
    const target = await getCommentTarget(input.postId, now);
    if (!target) return { ok: false, message: 'This post is not open for comments.' };
    if (target.commentsClosed) return { ok: false, message: 'Comments are closed on this post.' };
    const commenter = await getCommenterState(userId);
    if (!commenter) return { ok: false, message: SESSION_ENDED };
    if (commenter.blocked) return { ok: false, message: BLOCKED };

    const place = input.parentId === undefined ? { parentId: null, depth: 1 } : await placeReply(target.id, input.parentId);
    if ('message' in place) return { ok: false, message: place.message };
    const { parentId, depth } = place;

    const flood = await commentWriteRefusal(userId, now);
    if (flood) return { ok: false, message: flood };
    const decision = decide(input.body, commenter, settings);
    const created = await insertComment(
      { postId: target.id, parentId, depth, authorId: userId, body: input.body, html, contentNote: input.contentNote ?? null, status: decision.status, createdAt: now },
      composeAlert,
    );
    return { ok: true, commentId: created.id, postSlug: target.slug, status: decision.status };
  });
}

export type ChangeOutcome = { ok: true; postSlug: string } | { ok: false; message: string };

async function slugOfCommentPost(commentId: number): Promise<string | null> {
  const comment = await getComment(commentId);
  return comment ? ((await getCommentTarget(comment.postId))?.slug ?? null) : null;
}

export type EditOutcome = { ok: true; postSlug: string; result: EditResult } | { ok: false; message: string };
const NOT_YOURS = 'You can only edit your own comments.';

/**
 * An edit passes the same rules as a new comment: a blocked member cannot edit, edits count towards
 * the same pace, and an edit the rules would hold is held while the approved text stays public.
 */
export async function editComment(userId: string, input: { commentId: number; body: string; contentNote?: string }, now = new Date()): Promise<EditOutcome> {
  const edit = { body: input.body, html: renderCommentMarkdown(input.body), contentNote: input.contentNote ?? null };
  const settings = await getCommentSettings();
  // Like a new comment: the checks, the pace and the edit commit together.
  return withTransaction(async (): Promise<EditOutcome> => {
    const comment = await getOwnEditableComment(input.commentId, userId);
    const post = comment && (await getCommentTarget(comment.postId, now));
    if (!comment || !post) return { ok: false, message: NOT_YOURS };
    const commenter = await getCommenterState(userId, comment.id);
    if (!commenter) return { ok: false, message: SESSION_ENDED };
    if (commenter.blocked) return { ok: false, message: BLOCKED };
    const flood = await commentWriteRefusal(userId, now);
    if (flood) return { ok: false, message: flood };
    const decision = decide(input.body, commenter, settings);
    const result = await applyCommentEdit(comment.id, userId, edit, decision.status === 'pending' ? decision.reason : null, now);
    return result ? { ok: true, postSlug: post.slug, result } : { ok: false, message: NOT_YOURS };
  });
}

/** Members remove their own comments; moderators any comment (pass no owner). */
export function deleteComment(commentId: number, ownerId?: string): Promise<ChangeOutcome> {
  return withTransaction(async (): Promise<ChangeOutcome> => {
    const postSlug = await slugOfCommentPost(commentId);
    const removed = postSlug !== null && (await removeComment(commentId, ownerId));
    return removed ? { ok: true, postSlug } : { ok: false, message: ownerId ? 'You can only delete your own comments.' : 'That comment no longer exists.' };
  });
}
