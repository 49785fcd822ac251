/** Who receives the mail jobs' email: each new post's subscribers, and the weekly digest's (marked done as it is queued). */
import 'server-only';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb, type Db, type Transaction } from '@/db/index';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { subscriberColumns, withCategories, type Subscriber } from '@/db/queries/subscriber-lookup';
import { subscriberCategories, subscribers } from '@/db/schema';

/** Matches a subscriber who follows every category, or this one. */
const followsCategory = (categoryId: number | null) =>
  categoryId === null
    ? eq(subscribers.allCategories, true)
    : or(
        eq(subscribers.allCategories, true),
        sql`exists (select 1 from ${subscriberCategories} where ${subscriberCategories.subscriberId} = ${subscribers.id} and ${subscriberCategories.categoryId} = ${categoryId})`,
      );

/** Confirmed "each post" subscribers who follow this post's category. */
export function listSubscribersForPost(tx: Pick<Db | Transaction, 'select'>, categoryId: number | null): { id: number; email: string }[] {
  return tx
    .select({ id: subscribers.id, email: subscribers.email })
    .from(subscribers)
    .where(and(eq(subscribers.status, 'confirmed'), eq(subscribers.frequency, 'each-post'), followsCategory(categoryId)))
    .orderBy(asc(subscribers.id))
    .all();
}

/** Confirmed weekly subscribers not yet handled for the digest moment `moment`. */
export function listDigestDue(moment: Date, limit: number): Subscriber[] {
  const db = getDb();
  return db
    .select(subscriberColumns)
    .from(subscribers)
    .where(and(eq(subscribers.status, 'confirmed'), eq(subscribers.frequency, 'weekly'), or(isNull(subscribers.lastDigestAt), lt(subscribers.lastDigestAt, moment))))
    .orderBy(asc(subscribers.id))
    .limit(limit)
    .all()
    .map((row) => withCategories(db, row)!);
}

/** The digest for `moment` is done for this subscriber: queued (when there was anything new) in the same transaction. */
export function recordDigest(id: number, moment: Date, mail: OutgoingMail | null, now = new Date()): void {
  getDb().transaction((tx) => {
    if (mail) enqueueMail(mail, tx, now);
    tx.update(subscribers).set({ lastDigestAt: moment }).where(eq(subscribers.id, id)).run();
  });
}
