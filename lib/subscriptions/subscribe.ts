/**
 * Joining the list. The answer never reveals whether an address was already subscribed: a new or
 * pending address gets (again) a confirmation link naming the topics and frequency chosen, a confirmed
 * one a short "already subscribed" note. Confirming queues a short welcome with the "change what you get" link.
 */
import 'server-only';
import { confirmSubscriber, saveSignUp, type SubscriptionChoices } from '@/db/queries/subscriber-lifecycle';
import type { Subscriber } from '@/db/queries/subscriber-lookup';
import { getSiteSettings } from '@/db/queries/settings';
import { withTransaction } from '@/db/transaction';
import { listCategories, type CategoryInfo } from '@/db/queries/taxonomy';
import { kickWorker } from '@/lib/jobs/worker';
import { allowSubscribeRequest } from '@/lib/rate-limit';
import { alreadySubscribedEmail, confirmationEmail, welcomeEmail } from './emails';

export type SignUpOutcome = 'sent' | 'rate-limited';

/**
 * The names of a subscriber's topics, in the site's order. The emails are composed inside the sign-up's
 * transaction, which cannot wait for a read: the categories are read before it.
 */
function topicNames(categories: CategoryInfo[], subscriber: Subscriber): string[] {
  return categories.filter((c) => subscriber.categoryIds.includes(c.id)).map((c) => c.name);
}

export async function requestSubscription(email: string, choices: SubscriptionChoices, ip: string, now = new Date()): Promise<SignUpOutcome> {
  // Read before the transaction, which holds only the rate limit's check and the sign-up it allows.
  const categories = await listCategories();
  const { name: siteName } = await getSiteSettings();
  const outcome = await withTransaction(async (): Promise<SignUpOutcome> => {
    if (!(await allowSubscribeRequest(email, ip, now))) return 'rate-limited';
    await saveSignUp(email, choices, now, (subscriber) =>
      subscriber.status === 'confirmed' ? alreadySubscribedEmail(siteName, subscriber) : confirmationEmail(siteName, subscriber, topicNames(categories, subscriber), now),
    );
    return 'sent';
  });
  if (outcome === 'sent') kickWorker();
  return outcome;
}

/** Pending → confirmed, with the welcome email queued in the same step. False when it was not pending. */
export async function confirmSubscription(subscriber: Subscriber, now = new Date()): Promise<boolean> {
  const categories = await listCategories();
  const { name: siteName } = await getSiteSettings();
  const confirmed = await confirmSubscriber(subscriber.id, now, (s) => welcomeEmail(siteName, s, topicNames(categories, s)));
  if (confirmed) kickWorker();
  return confirmed;
}
