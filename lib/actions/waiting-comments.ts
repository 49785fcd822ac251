'use server';
/**
 * Commenting while signed out (issue 16): sending the comment with a name and an address, pressing the
 * emailed link's button (which signs the person in and posts it), and asking for a new link once it
 * expired. The rules are in lib/comments/waiting.ts.
 */
import { revalidateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { afterSignIn } from '@/lib/after-sign-in';
import { TAGS } from '@/lib/cache';
import { commentPagePath } from '@/lib/comments/permalink';
import { confirmWaitingComment, renewWaitingCommentLink, requestWaitingComment } from '@/lib/comments/waiting';
import { startEmailSession } from '@/lib/email-session';
import { getClientIp } from '@/lib/session';
import { confirmWaitingCommentSchema, waitingCommentSchema } from '@/lib/validations/comment';
import { signedLinkSchema } from '@/lib/validations/one-button';
import { formAction } from './guarded';

const EMAIL_SENT = 'Almost there: we emailed you a link. Open it and press the button on the page it opens to post your comment (it works for 15 minutes). Nothing is published until then.';

const UNUSABLE_LINK = {
  expired: 'This link has expired. Your comment is still waiting: ask for a new link below.',
  unknown: 'This link was already used, or a newer one replaced it. If your comment was posted, you will find it on the post.',
  'parent-gone': 'The comment you replied to was removed a moment ago, so nothing was posted and your reply is still waiting. Reload this page to post it under the thread instead.',
};

export const requestWaitingCommentAction = formAction({ name: 'waiting comment', access: 'anyone', schema: waitingCommentSchema }, async (input) => {
  const answer = await requestWaitingComment(input, await getClientIp());
  return answer.ok ? { ok: true, message: EMAIL_SENT } : answer;
});

export const confirmWaitingCommentAction = formAction({ name: 'waiting comment confirm', access: 'anyone', schema: confirmWaitingCommentSchema }, async ({ token, underThread }) => {
  const confirmation = await confirmWaitingComment(token, new Date(), { underThread: underThread === '1' });
  if (confirmation.outcome === 'expired' || confirmation.outcome === 'unknown' || confirmation.outcome === 'parent-gone') return { ok: false, message: UNUSABLE_LINK[confirmation.outcome] };
  await startEmailSession(confirmation.userId);
  await afterSignIn({ user: { id: confirmation.userId, email: confirmation.email }, account: { provider: 'email', type: 'email' } });
  if (confirmation.outcome === 'refused') return { ok: false, message: `You are signed in, but your comment could not be posted: ${confirmation.message}` };
  const { comment } = confirmation;
  if (comment.status === 'pending') redirect(`/posts/${comment.postSlug}#comment-form`);
  revalidateTag(TAGS.post(comment.postSlug), { expire: 0 });
  revalidateTag(TAGS.comments, { expire: 0 });
  redirect((await commentPagePath(comment.commentId)) ?? `/posts/${comment.postSlug}`);
});

export const renewWaitingCommentAction = formAction({ name: 'waiting comment new link', access: 'anyone', schema: signedLinkSchema }, async ({ token }) => {
  const answer = await renewWaitingCommentLink(token, await getClientIp());
  return answer.ok ? { ok: true, message: 'A new link is on its way. It works for 15 minutes.' } : answer;
});
