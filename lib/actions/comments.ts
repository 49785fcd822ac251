'use server';
/**
 * Editing, deleting and reporting comments. Each action checks the session first.
 * New comments go to POST /api/posts/[postId]/comments (JSON), which does not render the page in its answer.
 */
import { updateTag } from 'next/cache';
import { getComment, reportComment } from '@/db/queries/comments';
import { TAGS } from '@/lib/cache';
import { deleteComment, editComment } from '@/lib/comments/submit';
import { getCurrentUser } from '@/lib/session';
import { editCommentSchema, reportSchema } from '@/lib/validations/comment';
import { formFields, invalid, orUnexpected, SIGNED_OUT, UNEXPECTED, type ActionState } from './state';

export async function editCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const parsed = editCommentSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = orUnexpected('comment edit', () => editComment(user.id, parsed.data));
  if (outcome === UNEXPECTED) return UNEXPECTED;
  if (!outcome.ok) return { ok: false, message: outcome.message };
  updateTag(TAGS.post(outcome.postSlug));
  return { ok: true, message: 'Your changes are saved.' };
}

export async function deleteOwnCommentAction(commentId: number): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  if (!Number.isInteger(commentId)) return { ok: false, message: 'That comment no longer exists.' };
  const outcome = orUnexpected('comment delete', () => deleteComment(commentId, user.id));
  if (outcome === UNEXPECTED) return UNEXPECTED;
  if (!outcome.ok) return { ok: false, message: outcome.message };
  updateTag(TAGS.post(outcome.postSlug));
  updateTag(TAGS.comments);
  return { ok: true, message: 'Your comment is deleted.' };
}

export async function reportCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const parsed = reportSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { commentId, reason, note } = parsed.data;
  const comment = getComment(commentId);
  if (!comment || comment.status !== 'approved') return { ok: false, message: 'That comment is no longer shown.' };
  if (comment.authorId === user.id) return { ok: false, message: 'You cannot report your own comment; you can edit or delete it instead.' };
  const stored = orUnexpected('comment report', () => reportComment(commentId, user.id, reason, note ?? null));
  if (stored === UNEXPECTED) return UNEXPECTED;
  return { ok: true, message: 'Thank you for telling us. A moderator will look at it soon.' };
}
