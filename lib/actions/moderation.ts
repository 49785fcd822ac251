'use server';
/**
 * Moderators keep threads safe: approve, mark as spam, delete, block, decide on held edits, and choose how
 * they are told that something needs them. The role is checked on every call.
 */
import { updateTag } from 'next/cache';
import { z } from 'zod';
import { MODERATION_DECISIONS, moderateComment, type ModerationDecision } from '@/db/queries/comment-moderation';
import { setModerationAlerts } from '@/db/queries/moderation-alerts';
import { TAGS } from '@/lib/cache';
import { editAsModerator } from '@/lib/comments/moderator-edit';
import { MODERATORS } from '@/lib/roles';
import { editCommentSchema } from '@/lib/validations/comment';
import { moderationAlertsSchema } from '@/lib/validations/moderation-alerts';
import { argsAction, formAction } from './guarded';

export type { ModerationDecision };

const DONE: Record<ModerationDecision, string> = {
  approve: 'Approved: the comment is now public (any reports on it are closed).',
  spam: 'Marked as spam and hidden.',
  delete: 'Deleted.',
  block: 'The member can no longer comment. Their earlier comments stay until you remove them.',
  'approve-edit': 'Edit approved: the new text is now public, and the earlier one is kept as a revision.',
  'reject-edit': 'Edit rejected: the earlier text stays public.',
};

const MODERATOR_ONLY = { roles: MODERATORS, refusal: 'Only moderators can do that.' };
const NOT_UNDERSTOOD = 'That request was not understood; nothing changed.';
const decisionSchema = z.tuple([z.number({ error: NOT_UNDERSTOOD }).int().positive(), z.enum(MODERATION_DECISIONS, { error: NOT_UNDERSTOOD })]);

export const moderateCommentAction = argsAction({ name: 'moderation', access: MODERATOR_ONLY, schema: decisionSchema }, async ([commentId, decision], user) => {
  const result = await moderateComment(commentId, decision, user);
  if (result === 'no-such-comment') return { ok: false, message: 'That comment no longer exists.' };
  if (result === 'no-pending-edit') return { ok: false, message: 'That edit was already decided; nothing changed.' };
  if (result.closedReports) return { ok: true, message: 'Reports closed: the comment stays public as it is.' };
  // Blocking a member or rejecting a held edit changes nothing readers see.
  if (decision !== 'block' && decision !== 'reject-edit') {
    updateTag(TAGS.post(result.postSlug));
    updateTag(TAGS.comments);
  }
  return { ok: true, message: DONE[decision] };
});

/** The earlier text goes into the comment's history; readers see the change at once. */
export const moderatorEditCommentAction = formAction({ name: 'moderator comment edit', access: MODERATOR_ONLY, schema: editCommentSchema }, async (input, user) => {
  const result = await editAsModerator(user, input);
  if (!result.ok) return result;
  if (result.public) updateTag(TAGS.post(result.postSlug));
  return { ok: true, message: 'Saved: the new text is shown now (marked “edited by a moderator”), and the earlier one is kept in the comment’s history.' };
});

/** Staff only: members never have this choice (and are never alerted, whatever is stored). */
export const moderationAlertsAction = formAction(
  { name: 'moderation alert choice', access: { roles: MODERATORS, refusal: 'Only moderators and admins get moderation emails.' }, schema: moderationAlertsSchema },
  async ({ moderationAlerts }, user) => {
    await setModerationAlerts(user.id, moderationAlerts);
    return { ok: true, message: 'Saved.' };
  },
);
