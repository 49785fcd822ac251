'use server';
/** Reply-notification choices: muting one conversation from an email link, and the choice on /account. */
import { muteThread, setReplyNotifications } from '@/db/queries/reply-notices';
import { REPLY_NOTIFICATION_CHOICES, type ReplyNotificationChoice } from '@/db/schema';
import { MUTE_PURPOSE } from '@/lib/comments/reply-notifications';
import { getCurrentUser } from '@/lib/session';
import { verifyToken } from '@/lib/tokens';
import { formFields, SIGNED_OUT, type ActionState } from './state';

/** No sign-in needed: the signed link itself says who and which conversation. */
export async function muteThreadAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const payload = verifyToken(MUTE_PURPOSE, formFields(formData).token ?? '');
  if (!payload || typeof payload.u !== 'string' || typeof payload.r !== 'number') {
    return { ok: false, message: 'This link is not valid (it may have been cut short). Open it again from the email, or change your choices on your account page.' };
  }
  muteThread(payload.u, payload.r);
  return { ok: true, message: 'Done: you won’t get emails about this conversation any more.' };
}

export async function replyNotificationsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const choice = formFields(formData).replyNotifications ?? '';
  if (!REPLY_NOTIFICATION_CHOICES.includes(choice as ReplyNotificationChoice)) return { ok: false, message: 'Choose one of the options.' };
  setReplyNotifications(user.id, choice as ReplyNotificationChoice);
  return { ok: true, message: 'Saved.' };
}
