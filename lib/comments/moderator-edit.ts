/**
 * A moderator edits a comment's text (for example to take out a phone number). No hold rules apply: the
 * moderator's text is what readers see at once, and the author sees "edited by a moderator".
 */
import 'server-only';
import { editCommentAsModerator } from '@/db/queries/comment-moderation';
import { renderCommentMarkdown } from '@/lib/markdown';
import type { CurrentUser } from '@/lib/session';

export type ModeratorEditOutcome = { ok: true; postSlug: string; public: boolean } | { ok: false; message: string };

export async function editAsModerator(actor: CurrentUser, input: { commentId: number; body: string; contentNote?: string }, now = new Date()): Promise<ModeratorEditOutcome> {
  const edit = { body: input.body, html: renderCommentMarkdown(input.body), contentNote: input.contentNote ?? null };
  const result = await editCommentAsModerator(input.commentId, edit, actor, now);
  return result ? { ok: true, postSlug: result.postSlug, public: result.status === 'approved' } : { ok: false, message: 'That comment no longer exists.' };
}
