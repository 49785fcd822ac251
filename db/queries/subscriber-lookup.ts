/**
 * One subscriber by id or address, with the categories they follow: the shape every other subscriber
 * module returns (lifecycle, deliveries, admin). Addresses are stored lower-cased.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { subscriberCategories, subscribers, type SubscriberStatus, type SubscriptionFrequency } from '@/db/schema';

export type Subscriber = {
  id: number;
  email: string;
  status: SubscriberStatus;
  frequency: SubscriptionFrequency;
  allCategories: boolean;
  categoryIds: number[];
  confirmationSentAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
};

export const subscriberColumns = {
  id: subscribers.id,
  email: subscribers.email,
  status: subscribers.status,
  frequency: subscribers.frequency,
  allCategories: subscribers.allCategories,
  confirmationSentAt: subscribers.confirmationSentAt,
  confirmedAt: subscribers.confirmedAt,
  createdAt: subscribers.createdAt,
};

/** A row read with subscriberColumns, with the ids of the categories it follows added. */
export async function withCategories(row: Omit<Subscriber, 'categoryIds'> | undefined): Promise<Subscriber | null> {
  if (!row) return null;
  const followed = await getDb()
    .select({ id: subscriberCategories.categoryId })
    .from(subscriberCategories)
    .where(eq(subscriberCategories.subscriberId, row.id))
    .orderBy(asc(subscriberCategories.categoryId));
  return { ...row, categoryIds: followed.map((r) => r.id) };
}

/** Read inside a withTransaction(…), these see (and decide on) the transaction's own rows. */
export async function getSubscriber(id: number): Promise<Subscriber | null> {
  const [row] = await getDb().select(subscriberColumns).from(subscribers).where(eq(subscribers.id, id)).limit(1);
  return withCategories(row);
}

export async function getSubscriberByEmail(email: string): Promise<Subscriber | null> {
  const [row] = await getDb().select(subscriberColumns).from(subscribers).where(eq(subscribers.email, email.toLowerCase())).limit(1);
  return withCategories(row);
}
