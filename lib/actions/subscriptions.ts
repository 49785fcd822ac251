'use server';
/**
 * Following the blog by email: subscribing (anyone), confirming, changing choices and leaving
 * (from signed email links, no sign-in needed), and subscribing from /account (signed-in members).
 */
import { redirect } from 'next/navigation';
import { existingCategoryIds, getSubscriberByEmail, type SubscriptionChoices, resubscribe, saveMemberSubscription, unsubscribe, updateSubscriptionChoices, confirmSubscriber } from '@/db/queries/subscribers';
import { getOwnAccount } from '@/db/queries/users';
import { getClientIp, getCurrentUser } from '@/lib/session';
import { manageToken, readConfirmToken, readManageToken } from '@/lib/subscriptions/links';
import { requestSubscription } from '@/lib/subscriptions/subscribe';
import { subscribeSchema, subscriptionChoicesSchema } from '@/lib/validations/subscription';
import { formFields, invalid, orUnexpected, postedForm, SIGNED_OUT, UNEXPECTED, type ActionState } from './state';

const BAD_LINK: ActionState = { ok: false, message: 'This link is not valid (it may have been cut short). Open it again from the newest email.' };
const UNKNOWN_TOPIC: ActionState = { ok: false, fieldErrors: { categoryIds: ['One of those topics no longer exists. Reload the page and choose again.'] } };

/** A form's fields, with every ticked category box (FormData repeats the name). */
const subscriptionFields = (formData: FormData) => {
  const form = postedForm(formData);
  return {
    email: form.get('email') ?? undefined,
    token: form.get('token') ?? undefined,
    frequency: form.get('frequency') ?? undefined,
    categoryIds: form.getAll('categoryIds').filter((v) => typeof v === 'string'),
  };
};
const tokenOf = (formData: FormData) => formFields(formData).token ?? '';

const allExist = (ids: number[]) => existingCategoryIds(ids).length === new Set(ids).size;

const managePage = (subscriber: { id: number; email: string }, note?: string) =>
  `/subscription?${new URLSearchParams({ token: manageToken(subscriber), ...(note ? { note } : {}) })}`;

export async function subscribeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = subscribeSchema.safeParse(subscriptionFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { email, frequency, categoryIds } = parsed.data;
  if (!allExist(categoryIds)) return UNKNOWN_TOPIC;
  const ip = await getClientIp();
  const outcome = orUnexpected('subscription', () => requestSubscription(email, { frequency, categoryIds }, ip));
  if (outcome === UNEXPECTED) return UNEXPECTED;
  if (outcome === 'rate-limited') {
    return { ok: false, message: 'We have sent several emails to this address in the last few minutes. Please wait 15 minutes before asking again; the links already sent still work.' };
  }
  // The same answer whether or not the address was already subscribed.
  return { ok: true, message: `Check your inbox to confirm: we sent a link to ${email}.` };
}

export async function confirmSubscriptionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const link = readConfirmToken(tokenOf(formData));
  if ('problem' in link) {
    return link.problem === 'expired'
      ? { ok: false, message: 'This confirmation link has expired (they last 7 days). Subscribe again to get a new one.' }
      : BAD_LINK;
  }
  const { subscriber } = link;
  if (subscriber.status === 'unsubscribed' || subscriber.status === 'undeliverable') {
    return { ok: false, message: 'This link is older than your decision to unsubscribe, so nothing changed. To subscribe again, use the form at the bottom of any page.' };
  }
  if (orUnexpected('confirmation', () => confirmSubscriber(subscriber.id)) === UNEXPECTED) return UNEXPECTED;
  redirect(managePage(subscriber, 'confirmed'));
}

export async function unsubscribeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const subscriber = readManageToken(tokenOf(formData));
  if (!subscriber) return BAD_LINK;
  if (orUnexpected('unsubscribe', () => unsubscribe(subscriber.id)) === UNEXPECTED) return UNEXPECTED;
  redirect(managePage(subscriber));
}

export async function resubscribeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const subscriber = readManageToken(tokenOf(formData));
  if (!subscriber) return BAD_LINK;
  if (orUnexpected('resubscribe', () => resubscribe(subscriber.id)) === UNEXPECTED) return UNEXPECTED;
  redirect(managePage(subscriber, 'confirmed'));
}

export async function updateSubscriptionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = subscriptionChoicesSchema.safeParse(subscriptionFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const subscriber = readManageToken(parsed.data.token);
  if (!subscriber) return BAD_LINK;
  const { frequency, categoryIds } = parsed.data;
  if (!allExist(categoryIds)) return UNKNOWN_TOPIC;
  if (orUnexpected('subscription choices', () => updateSubscriptionChoices(subscriber.id, { frequency, categoryIds })) === UNEXPECTED) return UNEXPECTED;
  return { ok: true, message: 'Saved. Your next email follows these choices.' };
}

/** A signed-in member's own address is already proven by signing in, so no confirmation email is needed. */
export async function subscribeMemberAction(_prev: ActionState, _formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  const account = user && getOwnAccount(user.id);
  if (!account) return SIGNED_OUT;
  const existing = getSubscriberByEmail(account.email);
  const choices: SubscriptionChoices = { frequency: existing?.frequency ?? 'each-post', categoryIds: existing?.categoryIds ?? [] };
  if (existing?.status !== 'confirmed' && orUnexpected('member subscription', () => saveMemberSubscription(account.email, choices)) === UNEXPECTED) return UNEXPECTED;
  redirect('/account#subscription-heading');
}
