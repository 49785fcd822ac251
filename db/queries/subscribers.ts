/**
 * Email subscribers: sign-up, confirmation, choices, leaving, and the lists the mail jobs and the
 * admin page need. Addresses are stored lower-cased; an address only receives posts once confirmed.
 */
import 'server-only';
import { and, asc, count, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { containsText } from '@/db/queries/contains-text';
import { enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { categories, subscriberCategories, subscribers, type SubscriberStatus, type SubscriptionFrequency } from '@/db/schema';

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

export type SubscriptionChoices = { frequency: SubscriptionFrequency; categoryIds: number[] };

const columns = {
  id: subscribers.id,
  email: subscribers.email,
  status: subscribers.status,
  frequency: subscribers.frequency,
  allCategories: subscribers.allCategories,
  confirmationSentAt: subscribers.confirmationSentAt,
  confirmedAt: subscribers.confirmedAt,
  createdAt: subscribers.createdAt,
};

type Reader = Pick<Transaction, 'select'>;

function withCategories(reader: Reader, row: Omit<Subscriber, 'categoryIds'> | undefined): Subscriber | null {
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
  return withCategories(reader, reader.select(columns).from(subscribers).where(eq(subscribers.id, id)).get());
}

export function getSubscriberByEmail(email: string, reader: Reader = getDb()): Subscriber | null {
  return withCategories(reader, reader.select(columns).from(subscribers).where(eq(subscribers.email, email.toLowerCase())).get());
}

/** Which of these ids are real categories (a form may post a removed one). */
export function existingCategoryIds(ids: number[]): number[] {
  if (ids.length === 0) return [];
  return getDb().select({ id: categories.id }).from(categories).where(inArray(categories.id, ids)).all().map((r) => r.id);
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
    : tx.insert(subscribers).values({ email: email.toLowerCase(), ...values }).returning({ id: subscribers.id }).get().id;
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
    tx.update(subscribers).set({ frequency: choices.frequency, allCategories: choices.categoryIds.length === 0 }).where(eq(subscribers.id, id)).run();
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
  return Boolean(getDb().select({ id: subscribers.id }).from(subscribers).where(and(eq(subscribers.email, email.toLowerCase()), eq(subscribers.status, 'confirmed'))).get());
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

/** Matches a subscriber who follows every category, or this one. */
const followsCategory = (categoryId: number | null) =>
  categoryId === null
    ? eq(subscribers.allCategories, true)
    : or(
        eq(subscribers.allCategories, true),
        sql`exists (select 1 from ${subscriberCategories} where ${subscriberCategories.subscriberId} = ${subscribers.id} and ${subscriberCategories.categoryId} = ${categoryId})`,
      );

/** Confirmed "each post" subscribers who follow this post's category. */
export function listSubscribersForPost(tx: Transaction, categoryId: number | null): { id: number; email: string }[] {
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
    .select(columns)
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

// ---------------------------------------------------------------- Admin

export type SubscriberCounts = Record<SubscriberStatus, number>;

export function countSubscribers(): SubscriberCounts {
  const counts: SubscriberCounts = { pending: 0, confirmed: 0, unsubscribed: 0, undeliverable: 0 };
  for (const row of getDb().select({ status: subscribers.status, n: count() }).from(subscribers).groupBy(subscribers.status).all()) counts[row.status] = row.n;
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
function withTopics(rows: ListedRow[]): SubscriberRow[] {
  const ids = rows.map((r) => r.id);
  const names = new Map<number, string[]>();
  const followed = ids.length === 0 ? [] : getDb()
    .select({ subscriberId: subscriberCategories.subscriberId, name: categories.name })
    .from(subscriberCategories)
    .innerJoin(categories, eq(categories.id, subscriberCategories.categoryId))
    .where(inArray(subscriberCategories.subscriberId, ids))
    .orderBy(asc(categories.position), asc(categories.name), asc(categories.id))
    .all();
  for (const { subscriberId, name } of followed) names.set(subscriberId, [...(names.get(subscriberId) ?? []), name]);
  return rows.map(({ allCategories, ...row }) => ({ ...row, topics: allCategories ? 'All posts' : names.get(row.id)?.join(', ') || 'No topics' }));
}

/** Addresses containing `search` (LIKE wildcards in it are taken literally). */
function emailContains(search: string): SQL | undefined {
  return search ? containsText(subscribers.email, search.toLowerCase()) : undefined;
}

function subscriberRows(search: string) {
  return getDb()
    .select({ id: subscribers.id, email: subscribers.email, status: subscribers.status, frequency: subscribers.frequency, allCategories: subscribers.allCategories, createdAt: subscribers.createdAt, confirmedAt: subscribers.confirmedAt })
    .from(subscribers)
    .where(emailContains(search))
    .orderBy(asc(subscribers.email), asc(subscribers.id));
}

export function searchSubscribers(search: string, page: number): { rows: SubscriberRow[]; total: number } {
  const rows = withTopics(subscriberRows(search).limit(SUBSCRIBERS_PER_PAGE).offset((page - 1) * SUBSCRIBERS_PER_PAGE).all());
  const total = getDb().select({ n: count() }).from(subscribers).where(emailContains(search)).get()!.n;
  return { rows, total };
}

/** Every subscriber, for the CSV export (read in pages, so topics are looked up in bounded batches). */
export function listAllSubscribers(): SubscriberRow[] {
  const rows: SubscriberRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const batch = subscriberRows('').limit(500).offset(offset).all();
    rows.push(...withTopics(batch));
    if (batch.length < 500) return rows;
  }
}

/** How an imported list is brought in: already agreed (confirmed now), or each asked to confirm. */
export type SubscriberImportMode = 'confirmed' | 'ask';
export type ImportedAddress = { email: string; subscribedAt: Date | null };
export type SubscriberImportResult = { added: string[]; existing: string[]; leftBefore: string[] };

const LOOKUP_CHUNK = 500;

/** Hearth's status for each of these (lower-cased) addresses that is already on the list. */
export function statusesOf(emails: string[], reader: Reader = getDb()): Map<string, SubscriberStatus> {
  const found = new Map<string, SubscriberStatus>();
  for (let i = 0; i < emails.length; i += LOOKUP_CHUNK) {
    const chunk = emails.slice(i, i + LOOKUP_CHUNK);
    for (const row of reader.select({ email: subscribers.email, status: subscribers.status }).from(subscribers).where(inArray(subscribers.email, chunk)).all()) found.set(row.email, row.status);
  }
  return found;
}

/**
 * Adds an imported list in one transaction, every address on all posts, each post (Hearth's defaults).
 * Addresses already on the list are left exactly as they are; ones that unsubscribed or bounced are never
 * added back or emailed. "ask": each new address is pending and its confirmation email (`compose`) is
 * queued with it; the mail worker sends the outbox at its own pace.
 */
export function importSubscribers(list: ImportedAddress[], mode: SubscriberImportMode, compose: (subscriber: Subscriber) => OutgoingMail, now = new Date()): SubscriberImportResult {
  return getDb().transaction((tx) => {
    const known = statusesOf(list.map((a) => a.email), tx);
    const result: SubscriberImportResult = { added: [], existing: [], leftBefore: [] };
    for (const { email, subscribedAt } of list) {
      const status = known.get(email);
      if (status === 'unsubscribed' || status === 'undeliverable') result.leftBefore.push(email);
      else if (status) result.existing.push(email);
      else {
        const values = mode === 'confirmed' ? { status: 'confirmed' as const, confirmedAt: now } : { status: 'pending' as const, confirmationSentAt: now };
        const { id } = tx.insert(subscribers).values({ email, createdAt: subscribedAt ?? now, ...values }).returning({ id: subscribers.id }).get();
        if (mode === 'ask') enqueueMail(compose(getSubscriber(id, tx)!), tx, now);
        result.added.push(email);
        known.set(email, values.status);
      }
    }
    return result;
  });
}
