/**
 * A subscriber's life on the list: sign-up, confirmation, choices, leaving and coming back, a bounced
 * address, forgotten unconfirmed sign-ups, and removal with a deleted account. An address only receives
 * posts once confirmed; each email a change causes is queued in the same transaction.
 */
import 'server-only';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { getSubscriber, getSubscriberByEmail, type Subscriber } from '@/db/queries/subscriber-lookup';
import { categories, subscriberCategories, subscribers, type SubscriptionFrequency } from '@/db/schema';

export type SubscriptionChoices = { frequency: SubscriptionFrequency; categoryIds: number[] };

/** Which of these ids are real categories (a form may post a removed one). */
export function existingCategoryIds(ids: number[]): number[] {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: categories.id })
    .from(categories)
    .where(inArray(categories.id, ids))
    .all()
    .map((r) => r.id);
}

function replaceCategories(tx: Transaction, subscriberId: number, categoryIds: number[]): void {
  tx.delete(subscriberCategories).where(eq(subscriberCategories.subscriberId, subscriberId)).run();
  for (const categoryId of new Set(categoryIds)) tx.insert(subscriberCategories).values({ subscriberId, categoryId }).run();
}

/**
 * A new or renewed sign-up waiting for confirmation (an address that left, bounced or never confirmed
 * starts again as pending). Confirmed subscribers are left exactly as they are. Returns the row.
 */
function savePendingSubscriber(tx: Transaction, email: string, choices: SubscriptionChoices, now: Date): Subscriber {
  const existing = getSubscriberByEmail(email, tx);
  if (existing?.status === 'confirmed') return existing;
  const values = { status: 'pending' as const, frequency: choices.frequency, allCategories: choices.categoryIds.length === 0, confirmationSentAt: now, unsubscribedAt: null };
  const id = existing
    ? (tx.update(subscribers).set(values).where(eq(subscribers.id, existing.id)).run(), existing.id)
    : tx
        .insert(subscribers)
        .values({ email: email.toLowerCase(), ...values })
        .returning({ id: subscribers.id })
        .get().id;
  replaceCategories(tx, id, choices.categoryIds);
  return getSubscriber(id, tx)!;
}

/**
 * Records a sign-up and, in the same transaction, the email it causes: a confirmation link for a new
 * or pending address, a "you are already subscribed" note for a confirmed one (`compose` decides).
 */
export function saveSignUp(email: string, choices: SubscriptionChoices, now: Date, compose: (subscriber: Subscriber) => OutgoingMail): Subscriber {
  return getDb().transaction((tx) => {
    const subscriber = savePendingSubscriber(tx, email, choices, now);
    enqueueMail(compose(subscriber), tx, now);
    return subscriber;
  });
}

/** Confirmed straight away: for a signed-in member subscribing their own, already proven, address. */
export function saveMemberSubscription(email: string, choices: SubscriptionChoices, now = new Date()): Subscriber {
  return getDb().transaction((tx) => {
    const subscriber = savePendingSubscriber(tx, email, choices, now);
    if (subscriber.status !== 'confirmed') tx.update(subscribers).set({ status: 'confirmed', confirmedAt: now }).where(eq(subscribers.id, subscriber.id)).run();
    return getSubscriber(subscriber.id, tx)!;
  });
}

/**
 * Pending → confirmed, and the email that confirming causes (`compose`: the welcome) queued in the same
 * transaction. Returns false when the row is not pending (already confirmed, or left since).
 */
export function confirmSubscriber(id: number, now: Date, compose: (subscriber: Subscriber) => OutgoingMail): boolean {
  return getDb().transaction((tx) => {
    const result = tx
      .update(subscribers)
      .set({ status: 'confirmed', confirmedAt: now, lastDigestAt: null })
      .where(and(eq(subscribers.id, id), eq(subscribers.status, 'pending')))
      .run();
    if (result.changes === 0) return false;
    enqueueMail(compose(getSubscriber(id, tx)!), tx, now);
    return true;
  });
}

/** Back on the list from a signed link (the link proves the address): confirmed at once. */
export function resubscribe(id: number, now = new Date()): void {
  getDb().update(subscribers).set({ status: 'confirmed', confirmedAt: now, unsubscribedAt: null }).where(eq(subscribers.id, id)).run();
}

export function unsubscribe(id: number, now = new Date()): void {
  getDb()
    .update(subscribers)
    .set({ status: 'unsubscribed', unsubscribedAt: now })
    .where(and(eq(subscribers.id, id), inArray(subscribers.status, ['pending', 'confirmed'])))
    .run();
}

export function updateSubscriptionChoices(id: number, choices: SubscriptionChoices): void {
  getDb().transaction((tx) => {
    tx.update(subscribers)
      .set({ frequency: choices.frequency, allCategories: choices.categoryIds.length === 0 })
      .where(eq(subscribers.id, id))
      .run();
    replaceCategories(tx, id, choices.categoryIds);
  });
}

/** A hard bounce: the address stops receiving anything until its owner subscribes again. */
export function markAddressUndeliverable(email: string): void {
  getDb()
    .update(subscribers)
    .set({ status: 'undeliverable' })
    .where(and(eq(subscribers.email, email.toLowerCase()), inArray(subscribers.status, ['pending', 'confirmed'])))
    .run();
}

export function isConfirmedSubscriber(email: string): boolean {
  return Boolean(
    getDb()
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(and(eq(subscribers.email, email.toLowerCase()), eq(subscribers.status, 'confirmed')))
      .get(),
  );
}

export function deleteSubscriberByEmail(tx: Transaction, email: string): void {
  tx.delete(subscribers).where(eq(subscribers.email, email.toLowerCase())).run();
}

/** Unconfirmed sign-ups whose newest confirmation email is older than `before` are forgotten. */
export function deleteExpiredPending(before: Date): number {
  return getDb()
    .delete(subscribers)
    .where(and(eq(subscribers.status, 'pending'), lt(subscribers.confirmationSentAt, before)))
    .run().changes;
}
