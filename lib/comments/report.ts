/**
 * Members tell moderators about a comment. One report per member per comment (a second one is
 * thanked and stores nothing), and a pace per member, so reports cannot be used to bury a comment.
 */
import 'server-only';
import { hasReported, reportComment } from '@/db/queries/comment-reports';
import { getComment } from '@/db/queries/comment-writing';
import type { ReportReason } from '@/db/schema-values';
import { withTransaction } from '@/db/transaction';
import { instantAlertComposer } from '@/lib/moderation/alert-emails';
import { reportRefusal } from './pace';

export type ReportOutcome = { ok: boolean; message: string };

const THANKS = 'Thank you for telling us. A moderator will look at it soon.';
const ALREADY = 'You have already reported this comment, thank you. A moderator will look at it soon; there is no need to send it again.';

/** The checks, the pace and the report in one transaction: two reports sent at once count once. */
export async function reportCommentAs(userId: string, input: { commentId: number; reason: ReportReason; note?: string }, now = new Date()): Promise<ReportOutcome> {
  const composeAlert = await instantAlertComposer();
  return withTransaction(async (): Promise<ReportOutcome> => {
    const comment = await getComment(input.commentId);
    if (!comment || comment.status !== 'approved') return { ok: false, message: 'That comment is no longer shown.' };
    if (comment.authorId === userId) return { ok: false, message: 'You cannot report your own comment; you can edit or delete it instead.' };
    if (await hasReported(comment.id, userId)) return { ok: true, message: ALREADY };
    const tooMany = await reportRefusal(userId, now);
    if (tooMany) return { ok: false, message: tooMany };
    return { ok: true, message: (await reportComment(comment.id, userId, input.reason, input.note ?? null, now, composeAlert)) ? THANKS : ALREADY };
  });
}
