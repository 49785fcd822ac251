/** Who receives the mail jobs' email: each new post's subscribers, and the weekly digest's (marked done as it is queued). */
import 'server-only';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
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

/** Confirmed "each post" subscribers who follow this post's category, read in the publishing transaction. */
export function listSubscribersForPost(categoryId: number | null): Promise<{ id: number; email: string }[]> {
  return getDb()
    .select({ id: subscribers.id, email: subscribers.email })
    .from(subscribers)
    .where(and(eq(subscribers.status, 'confirmed'), eq(subscribers.frequency, 'each-post'), followsCategory(categoryId)))
    .orderBy(asc(subscribers.id));
}

/** Confirmed weekly subscribers not yet handled for the digest moment `moment`. */
export async function listDigestDue(moment: Date, limit: number): Promise<Subscriber[]> {
  const rows = await getDb()
    .select(subscriberColumns)
    .from(subscribers)
    .where(and(eq(subscribers.status, 'confirmed'), eq(subscribers.frequency, 'weekly'), or(isNull(subscribers.lastDigestAt), lt(subscribers.lastDigestAt, moment))))
    .orderBy(asc(subscribers.id))
    .limit(limit);
  const due: Subscriber[] = [];
  for (const row of rows) due.push((await withCategories(row))!);
  return due;
}

/** The digest for `moment` is done for this subscriber: queued (when there was anything new) in the same transaction. */
export function recordDigest(id: number, moment: Date, mail: OutgoingMail | null, now = new Date()): Promise<void> {
  return withTransaction(async (tx) => {
    if (mail) await enqueueMail(mail, now);
    await tx.update(subscribers).set({ lastDigestAt: moment }).where(eq(subscribers.id, id));
  });
}
