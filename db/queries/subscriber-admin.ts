/**
 * The subscriber list for admins at /admin/subscribers: counts, search, the CSV export, and importing a list
 * (addresses that left or bounced are never added back). Rows carry email addresses: admins only.
 */
import 'server-only';
import { asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { containsText } from '@/db/dialect';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { getSubscriber, type Subscriber } from '@/db/queries/subscriber-lookup';
import { categories, subscriberCategories, subscribers, type SubscriberStatus, type SubscriptionFrequency } from '@/db/schema';

export type SubscriberCounts = Record<SubscriberStatus, number>;

export async function countSubscribers(): Promise<SubscriberCounts> {
  const counts: SubscriberCounts = { pending: 0, confirmed: 0, unsubscribed: 0, undeliverable: 0 };
  for (const row of await getDb().select({ status: subscribers.status, n: count() }).from(subscribers).groupBy(subscribers.status)) counts[row.status] = row.n;
  return counts;
}

export const SUBSCRIBERS_PER_PAGE = 50;

export type SubscriberRow = { id: number; email: string; status: SubscriberStatus; frequency: SubscriptionFrequency; topics: string; createdAt: Date; confirmedAt: Date | null };

type ListedRow = Omit<SubscriberRow, 'topics'> & { allCategories: boolean };

/**
 * "All posts", or the names of the categories followed (in the site's category order), or "No topics".
 * Read in a second query keyed by subscriber id: a correlated subquery inside the select was rendered
 * with unqualified column names and matched categories by the wrong id (another subscriber's topics).
 */
async function withTopics(rows: ListedRow[]): Promise<SubscriberRow[]> {
  const ids = rows.map((r) => r.id);
  const names = new Map<number, string[]>();
  const followed =
    ids.length === 0
      ? []
      : await getDb()
          .select({ subscriberId: subscriberCategories.subscriberId, name: categories.name })
          .from(subscriberCategories)
          .innerJoin(categories, eq(categories.id, subscriberCategories.categoryId))
          .where(inArray(subscriberCategories.subscriberId, ids))
          .orderBy(asc(categories.position), asc(categories.name), asc(categories.id));
  for (const { subscriberId, name } of followed) names.set(subscriberId, [...(names.get(subscriberId) ?? []), name]);
  return rows.map(({ allCategories, ...row }) => ({ ...row, topics: allCategories ? 'All posts' : names.get(row.id)?.join(', ') || 'No topics' }));
}

/** Addresses containing `search` (LIKE wildcards in it are taken literally). */
function emailContains(search: string): SQL | undefined {
  return search ? containsText(subscribers.email, search.toLowerCase()) : undefined;
}

function subscriberRows(search: string) {
  return getDb()
    .select({
      id: subscribers.id,
      email: subscribers.email,
      status: subscribers.status,
      frequency: subscribers.frequency,
      allCategories: subscribers.allCategories,
      createdAt: subscribers.createdAt,
      confirmedAt: subscribers.confirmedAt,
    })
    .from(subscribers)
    .where(emailContains(search))
    .orderBy(asc(subscribers.email), asc(subscribers.id));
}

export async function searchSubscribers(search: string, page: number): Promise<{ rows: SubscriberRow[]; total: number }> {
  const rows = await withTopics(
    await subscriberRows(search)
      .limit(SUBSCRIBERS_PER_PAGE)
      .offset((page - 1) * SUBSCRIBERS_PER_PAGE),
  );
  const [{ n: total }] = await getDb().select({ n: count() }).from(subscribers).where(emailContains(search));
  return { rows, total };
}

/** Every subscriber, for the CSV export (read in pages, so topics are looked up in bounded batches). */
export async function listAllSubscribers(): Promise<SubscriberRow[]> {
  const rows: SubscriberRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const batch = await subscriberRows('').limit(500).offset(offset);
    rows.push(...(await withTopics(batch)));
    if (batch.length < 500) return rows;
  }
}

/** How an imported list is brought in: already agreed (confirmed now), or each asked to confirm. */
export type SubscriberImportMode = 'confirmed' | 'ask';
export type ImportedAddress = { email: string; subscribedAt: Date | null };
export type SubscriberImportResult = { added: string[]; existing: string[]; leftBefore: string[] };

const LOOKUP_CHUNK = 500;

/** Hearth's status for each of these (lower-cased) addresses that is already on the list (inside a withTransaction, as it stands there). */
export async function statusesOf(emails: string[]): Promise<Map<string, SubscriberStatus>> {
  const found = new Map<string, SubscriberStatus>();
  for (let i = 0; i < emails.length; i += LOOKUP_CHUNK) {
    const chunk = emails.slice(i, i + LOOKUP_CHUNK);
    for (const row of await getDb().select({ email: subscribers.email, status: subscribers.status }).from(subscribers).where(inArray(subscribers.email, chunk))) found.set(row.email, row.status);
  }
  return found;
}

/**
 * Adds an imported list in one transaction, every address on all posts, each post (Hearth's defaults).
 * Addresses already on the list are left exactly as they are; ones that unsubscribed or bounced are never
 * added back or emailed. "ask": each new address is pending and its confirmation email (`compose`) is
 * queued with it; the mail worker sends the outbox at its own pace.
 */
export function importSubscribers(list: ImportedAddress[], mode: SubscriberImportMode, compose: (subscriber: Subscriber) => OutgoingMail, now = new Date()): Promise<SubscriberImportResult> {
  return withTransaction(async (tx) => {
    const known = await statusesOf(list.map((a) => a.email));
    const result: SubscriberImportResult = { added: [], existing: [], leftBefore: [] };
    for (const { email, subscribedAt } of list) {
      const status = known.get(email);
      if (status === 'unsubscribed' || status === 'undeliverable') result.leftBefore.push(email);
      else if (status) result.existing.push(email);
      else {
        const values = mode === 'confirmed' ? { status: 'confirmed' as const, confirmedAt: now } : { status: 'pending' as const, confirmationSentAt: now };
        const [{ id }] = await tx
          .insert(subscribers)
          .values({ email, createdAt: subscribedAt ?? now, ...values })
          .returning({ id: subscribers.id });
        if (mode === 'ask') await enqueueMail(compose((await getSubscriber(id))!), now);
        result.added.push(email);
        known.set(email, values.status);
      }
    }
    return result;
  });
}
