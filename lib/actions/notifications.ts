'use server';
/** Reply-notification choices: muting one conversation from an email link, and the choice on /account. */
import { muteThread, setReplyNotifications } from '@/db/queries/reply-notices';
import { MUTE_PURPOSE } from '@/lib/comments/reply-notifications';
import { verifyToken } from '@/lib/tokens';
import { signedLinkSchema } from '@/lib/validations/one-button';
import { replyNotificationsSchema } from '@/lib/validations/reply-notifications';
import { formAction } from './guarded';

/** No sign-in needed: the signed link itself says who and which conversation. */
export const muteThreadAction = formAction({ name: 'thread mute', access: 'anyone', schema: signedLinkSchema }, async ({ token }) => {
  const payload = verifyToken(MUTE_PURPOSE, token);
  if (!payload || typeof payload.u !== 'string' || typeof payload.r !== 'number') {
    return { ok: false, message: 'This link is not valid (it may have been cut short). Open it again from the email, or change your choices on your account page.' };
  }
  await muteThread(payload.u, payload.r);
  return { ok: true, message: 'Done: you won’t get emails about this conversation any more.' };
});

export const replyNotificationsAction = formAction({ name: 'reply notification choice', access: 'member', schema: replyNotificationsSchema }, async ({ replyNotifications }, user) => {
  await setReplyNotifications(user.id, replyNotifications);
  return { ok: true, message: 'Saved.' };
});
