/**
 * One subscriber by id or address, with the categories they follow: the shape every other subscriber
 * module returns (lifecycle, deliveries, admin). Addresses are stored lower-cased.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
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

/** Where a read runs: the database, or the caller's transaction. */
export type Reader = Pick<Transaction, 'select'>;

/** A row read with subscriberColumns, with the ids of the categories it follows added. */
export function withCategories(reader: Reader, row: Omit<Subscriber, 'categoryIds'> | undefined): Subscriber | null {
  if (!row) return null;
  const categoryIds = reader
    .select({ id: subscriberCategories.categoryId })
    .from(subscriberCategories)
    .where(eq(subscriberCategories.subscriberId, row.id))
    .orderBy(asc(subscriberCategories.categoryId))
    .all()
    .map((r) => r.id);
  return { ...row, categoryIds };
}

export function getSubscriber(id: number, reader: Reader = getDb()): Subscriber | null {
  return withCategories(reader, reader.select(subscriberColumns).from(subscribers).where(eq(subscribers.id, id)).get());
}

export function getSubscriberByEmail(email: string, reader: Reader = getDb()): Subscriber | null {
  return withCategories(reader, reader.select(subscriberColumns).from(subscribers).where(eq(subscribers.email, email.toLowerCase())).get());
}
