'use server';
/**
 * Editing, deleting and reporting comments, each inside the shared action wrapper (session, parse, unexpected failures).
 * New comments go to POST /api/posts/[postId]/comments (JSON), which does not render the page in its answer.
 */
import { updateTag } from 'next/cache';
import { z } from 'zod';
import { TAGS } from '@/lib/cache';
import { reportCommentAs } from '@/lib/comments/report';
import { deleteComment, editComment } from '@/lib/comments/submit';
import { editCommentSchema, reportSchema } from '@/lib/validations/comment';
import { argsAction, formAction } from './guarded';

const EDIT_ANSWERS = {
  published: 'Your changes are saved.',
  held: 'Your edit is awaiting moderation. Until a moderator approves it, everyone else still sees your earlier text.',
  replaced: 'Your changes are saved. Your comment is still awaiting moderation.',
} as const;

export const editCommentAction = formAction({ name: 'comment edit', access: 'member', schema: editCommentSchema }, async (input, user) => {
  const outcome = await editComment(user.id, input);
  if (!outcome.ok) return outcome;
  // Only a published edit changes what readers see.
  if (outcome.result === 'published') updateTag(TAGS.post(outcome.postSlug));
  return { ok: true, message: EDIT_ANSWERS[outcome.result] };
});

export const deleteOwnCommentAction = argsAction(
  { name: 'comment delete', access: 'member', schema: z.tuple([z.number().int().positive()], { error: 'That comment no longer exists.' }) },
  async ([commentId], user) => {
    const outcome = await deleteComment(commentId, user.id);
    if (!outcome.ok) return outcome;
    updateTag(TAGS.post(outcome.postSlug));
    updateTag(TAGS.comments);
    return { ok: true, message: 'Your comment is deleted.' };
  },
);

export const reportCommentAction = formAction({ name: 'comment report', access: 'member', schema: reportSchema }, (input, user) => reportCommentAs(user.id, input));
