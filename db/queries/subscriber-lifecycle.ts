/**
 * A subscriber's life on the list: sign-up, confirmation, choices, leaving and coming back, a bounced
 * address, forgotten unconfirmed sign-ups, and removal with a deleted account. An address only receives
 * posts once confirmed; each email a change causes is queued in the same transaction.
 */
import 'server-only';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { getSubscriber, getSubscriberByEmail, type Subscriber } from '@/db/queries/subscriber-lookup';
import { categories, subscriberCategories, subscribers, type SubscriptionFrequency } from '@/db/schema';

export type SubscriptionChoices = { frequency: SubscriptionFrequency; categoryIds: number[] };

/** Which of these ids are real categories (a form may post a removed one). */
export async function existingCategoryIds(ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = await getDb().select({ id: categories.id }).from(categories).where(inArray(categories.id, ids));
  return found.map((r) => r.id);
}

async function replaceCategories(tx: Db, subscriberId: number, categoryIds: number[]): Promise<void> {
  await tx.delete(subscriberCategories).where(eq(subscriberCategories.subscriberId, subscriberId));
  for (const categoryId of new Set(categoryIds)) await tx.insert(subscriberCategories).values({ subscriberId, categoryId });
}

/**
 * A new or renewed sign-up waiting for confirmation (an address that left, bounced or never confirmed
 * starts again as pending). Confirmed subscribers are left exactly as they are. Returns the row.
 */
async function savePendingSubscriber(tx: Db, email: string, choices: SubscriptionChoices, now: Date): Promise<Subscriber> {
  const existing = await getSubscriberByEmail(email);
  if (existing?.status === 'confirmed') return existing;
  const values = { status: 'pending' as const, frequency: choices.frequency, allCategories: choices.categoryIds.length === 0, confirmationSentAt: now, unsubscribedAt: null };
  let id: number;
  if (existing) {
    await tx.update(subscribers).set(values).where(eq(subscribers.id, existing.id));
    id = existing.id;
  } else {
    [{ id }] = await tx
      .insert(subscribers)
      .values({ email: email.toLowerCase(), ...values })
      .returning({ id: subscribers.id });
  }
  await replaceCategories(tx, id, choices.categoryIds);
  return (await getSubscriber(id))!;
}

/**
 * Records a sign-up and, in the same transaction, the email it causes: a confirmation link for a new
 * or pending address, a "you are already subscribed" note for a confirmed one (`compose` decides).
 */
export function saveSignUp(email: string, choices: SubscriptionChoices, now: Date, compose: (subscriber: Subscriber) => OutgoingMail): Promise<Subscriber> {
  return withTransaction(async (tx) => {
    const subscriber = await savePendingSubscriber(tx, email, choices, now);
    await enqueueMail(compose(subscriber), now);
    return subscriber;
  });
}

/** Confirmed straight away: for a signed-in member subscribing their own, already proven, address. */
export function saveMemberSubscription(email: string, choices: SubscriptionChoices, now = new Date()): Promise<Subscriber> {
  return withTransaction(async (tx) => {
    const subscriber = await savePendingSubscriber(tx, email, choices, now);
    if (subscriber.status !== 'confirmed') await tx.update(subscribers).set({ status: 'confirmed', confirmedAt: now }).where(eq(subscribers.id, subscriber.id));
    return (await getSubscriber(subscriber.id))!;
  });
}

/**
 * Pending → confirmed, and the email that confirming causes (`compose`: the welcome) queued in the same
 * transaction. Returns false when the row is not pending (already confirmed, or left since).
 */
export function confirmSubscriber(id: number, now: Date, compose: (subscriber: Subscriber) => OutgoingMail): Promise<boolean> {
  return withTransaction(async (tx) => {
    const confirmed = await tx
      .update(subscribers)
      .set({ status: 'confirmed', confirmedAt: now, lastDigestAt: null })
      .where(and(eq(subscribers.id, id), eq(subscribers.status, 'pending')))
      .returning({ id: subscribers.id });
    if (confirmed.length === 0) return false;
    await enqueueMail(compose((await getSubscriber(id))!), now);
    return true;
  });
}

/** Back on the list from a signed link (the link proves the address): confirmed at once. */
export async function resubscribe(id: number, now = new Date()): Promise<void> {
  await withTransaction((tx) => tx.update(subscribers).set({ status: 'confirmed', confirmedAt: now, unsubscribedAt: null }).where(eq(subscribers.id, id)));
}

export async function unsubscribe(id: number, now = new Date()): Promise<void> {
  await withTransaction((tx) =>
    tx
      .update(subscribers)
      .set({ status: 'unsubscribed', unsubscribedAt: now })
      .where(and(eq(subscribers.id, id), inArray(subscribers.status, ['pending', 'confirmed']))),
  );
}

export function updateSubscriptionChoices(id: number, choices: SubscriptionChoices): Promise<void> {
  return withTransaction(async (tx) => {
    await tx
      .update(subscribers)
      .set({ frequency: choices.frequency, allCategories: choices.categoryIds.length === 0 })
      .where(eq(subscribers.id, id));
    await replaceCategories(tx, id, choices.categoryIds);
  });
}

/** A hard bounce: the address stops receiving anything until its owner subscribes again. */
export async function markAddressUndeliverable(email: string): Promise<void> {
  await withTransaction((tx) =>
    tx
      .update(subscribers)
      .set({ status: 'undeliverable' })
      .where(and(eq(subscribers.email, email.toLowerCase()), inArray(subscribers.status, ['pending', 'confirmed']))),
  );
}

export async function isConfirmedSubscriber(email: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: subscribers.id })
    .from(subscribers)
    .where(and(eq(subscribers.email, email.toLowerCase()), eq(subscribers.status, 'confirmed')))
    .limit(1);
  return Boolean(row);
}

/** Removal with a deleted account: call it inside that account's withTransaction(…). */
export async function deleteSubscriberByEmail(email: string): Promise<void> {
  await getDb().delete(subscribers).where(eq(subscribers.email, email.toLowerCase()));
}

/** Unconfirmed sign-ups whose newest confirmation email is older than `before` are forgotten. */
export async function deleteExpiredPending(before: Date): Promise<number> {
  const forgotten = await withTransaction((tx) =>
    tx
      .delete(subscribers)
      .where(and(eq(subscribers.status, 'pending'), lt(subscribers.confirmationSentAt, before)))
      .returning({ id: subscribers.id }),
  );
  return forgotten.length;
}
