'use server';
/**
 * Following the blog by email: subscribing (anyone), confirming, changing choices and leaving
 * (from signed email links, no sign-in needed: the token is checked here), and subscribing from
 * /account (signed-in members).
 */
import { redirect } from 'next/navigation';
import { getOwnAccount } from '@/db/queries/member-account';
import { existingCategoryIds, resubscribe, saveMemberSubscription, unsubscribe, updateSubscriptionChoices, type SubscriptionChoices } from '@/db/queries/subscriber-lifecycle';
import { getSubscriberByEmail } from '@/db/queries/subscriber-lookup';
import { withTransaction } from '@/db/transaction';
import { getClientIp } from '@/lib/session';
import { manageToken, readConfirmToken, readManageToken } from '@/lib/subscriptions/links';
import { confirmSubscription, requestSubscription } from '@/lib/subscriptions/subscribe';
import { noFieldsSchema, signedLinkSchema } from '@/lib/validations/one-button';
import { subscribeSchema, subscriptionChoicesSchema } from '@/lib/validations/subscription';
import { formAction } from './guarded';
import { SIGNED_OUT, type ActionState } from './state';

const BAD_LINK: ActionState = { ok: false, message: 'This link is not valid (it may have been cut short). Open it again from the newest email.' };
const UNKNOWN_TOPIC: ActionState = { ok: false, fieldErrors: { categoryIds: ['One of those topics no longer exists. Reload the page and choose again.'] } };

/** A form's fields, with every ticked category box (FormData repeats the name). */
const subscriptionFields = (form: FormData) => ({
  email: form.get('email') ?? undefined,
  token: form.get('token') ?? undefined,
  frequency: form.get('frequency') ?? undefined,
  categoryIds: form.getAll('categoryIds').filter((v) => typeof v === 'string'),
});

const allExist = async (ids: number[]) => (await existingCategoryIds(ids)).length === new Set(ids).size;

const managePage = (subscriber: { id: number; email: string }, note?: string) => `/subscription?${new URLSearchParams({ token: manageToken(subscriber), ...(note ? { note } : {}) })}`;

export const subscribeAction = formAction({ name: 'subscription', access: 'anyone', schema: subscribeSchema, fields: subscriptionFields }, async ({ email, frequency, categoryIds }) => {
  if (!(await allExist(categoryIds))) return UNKNOWN_TOPIC;
  const outcome = await requestSubscription(email, { frequency, categoryIds }, await getClientIp());
  if (outcome === 'rate-limited') {
    return { ok: false, message: 'We have sent several emails to this address in the last few minutes. Please wait 15 minutes before asking again; the links already sent still work.' };
  }
  // The same answer whether or not the address was already subscribed.
  return { ok: true, message: `Check your inbox to confirm: we sent a link to ${email}.` };
});

export const confirmSubscriptionAction = formAction({ name: 'confirmation', access: 'anyone', schema: signedLinkSchema }, async ({ token }) => {
  const link = await readConfirmToken(token);
  if ('problem' in link) {
    return link.problem === 'expired' ? { ok: false, message: 'This confirmation link has expired (they last 7 days). Subscribe again to get a new one.' } : BAD_LINK;
  }
  const { subscriber } = link;
  if (subscriber.status === 'unsubscribed' || subscriber.status === 'undeliverable') {
    return { ok: false, message: 'This link is older than your decision to unsubscribe, so nothing changed. To subscribe again, use the form at the bottom of any page.' };
  }
  await confirmSubscription(subscriber);
  redirect(managePage(subscriber, 'confirmed'));
});

export const unsubscribeAction = formAction({ name: 'unsubscribe', access: 'anyone', schema: signedLinkSchema }, async ({ token }) => {
  const subscriber = await readManageToken(token);
  if (!subscriber) return BAD_LINK;
  await unsubscribe(subscriber.id);
  redirect(managePage(subscriber));
});

export const resubscribeAction = formAction({ name: 'resubscribe', access: 'anyone', schema: signedLinkSchema }, async ({ token }) => {
  const subscriber = await readManageToken(token);
  if (!subscriber) return BAD_LINK;
  await resubscribe(subscriber.id);
  redirect(managePage(subscriber, 'confirmed'));
});

export const updateSubscriptionAction = formAction(
  { name: 'subscription choices', access: 'anyone', schema: subscriptionChoicesSchema, fields: subscriptionFields },
  async ({ token, frequency, categoryIds }) => {
    const subscriber = await readManageToken(token);
    if (!subscriber) return BAD_LINK;
    // The topics' existence and the choices that name them are one step: a topic removed in between cannot slip in.
    const saved = await withTransaction(async () => {
      if (!(await allExist(categoryIds))) return false;
      await updateSubscriptionChoices(subscriber.id, { frequency, categoryIds });
      return true;
    });
    if (!saved) return UNKNOWN_TOPIC;
    return { ok: true, message: 'Saved. Your next email follows these choices.' };
  },
);

/** A signed-in member's own address is already proven by signing in, so no confirmation email is needed. */
export const subscribeMemberAction = formAction({ name: 'member subscription', access: 'member', schema: noFieldsSchema }, async (_input, user) => {
  const account = await getOwnAccount(user.id);
  if (!account) return SIGNED_OUT;
  // The address's row as it stands decides the choices kept: read and written in one transaction.
  await withTransaction(async () => {
    const existing = await getSubscriberByEmail(account.email);
    const choices: SubscriptionChoices = { frequency: existing?.frequency ?? 'each-post', categoryIds: existing?.categoryIds ?? [] };
    if (existing?.status !== 'confirmed') await saveMemberSubscription(account.email, choices);
  });
  redirect('/account#subscription-heading');
});
