/** The outbox: writing messages (inside the caller's transaction) and the worker's claim / sent / retry steps. */
import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { outbox } from '@/db/schema';

/** `postId`: the post a new-post email announces (its admin page shows the delivery). */
export type OutgoingMail = { kind: string; to: string; subject: string; text: string; html: string; headers?: Record<string, string>; dedupeKey?: string; postId?: number };
/**
 * Queues messages. Call it inside the withTransaction(…) that makes the change, so both are written or neither
 * is (called on its own, it makes its own transaction). A message whose dedupe key is already in the outbox is
 * skipped: it is never queued twice. One prepared statement run per row: far faster than large multi-row
 * INSERTs for big lists.
 */
export function enqueueMails(mails: OutgoingMail[], now = new Date()): Promise<void> {
  return withTransaction(async (tx) => {
    const insert = tx
      .insert(outbox)
      .values({
        kind: sql.placeholder('kind'),
        toAddress: sql.placeholder('to'),
        subject: sql.placeholder('subject'),
        text: sql.placeholder('text'),
        html: sql.placeholder('html'),
        headers: sql.placeholder('headers'),
        dedupeKey: sql.placeholder('dedupeKey'),
        postId: sql.placeholder('postId'),
        nextAttemptAt: now,
      })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .prepare();
    for (const mail of mails) await insert.execute({ ...mail, headers: mail.headers ?? {}, dedupeKey: mail.dedupeKey ?? null, postId: mail.postId ?? null });
  });
}

export function enqueueMail(mail: OutgoingMail, now = new Date()): Promise<void> {
  return enqueueMails([mail], now);
}

export type ClaimedMail = { id: number; kind: string; to: string; subject: string; text: string; html: string; headers: Record<string, string>; attempts: number; createdAt: Date };

/** Mail someone is waiting for on a page (sign-in, confirming a subscription) goes before list mail. */
const WAITED_FOR_FIRST = sql`CASE WHEN ${outbox.kind} IN ('sign-in', 'subscription-confirm', 'subscription-notice') THEN 0 ELSE 1 END`;

/** A message's place among its recipient's due messages: 1 for the first, 2 for the next… */
const RECIPIENT_TURN = sql`row_number() OVER (PARTITION BY ${outbox.toAddress} ORDER BY ${WAITED_FOR_FIRST}, ${outbox.nextAttemptAt}, ${outbox.id})`;

/** Queued messages whose time has come, and ones left "sending" by a worker that died (their lease ran out). */
const isDue = (now: Date) => or(and(eq(outbox.status, 'queued'), lte(outbox.nextAttemptAt, now)), and(eq(outbox.status, 'sending'), lte(outbox.leaseUntil, now)));

/**
 * Claims up to `limit` due messages for `leaseMs`. Mail someone waits for goes first; within that,
 * recipients take turns (each address's 1st message, then each one's 2nd…), so hundreds queued for
 * one address never hold back another address's sign-in email. Two workers never share a row: the update
 * takes only rows still due, and on PostgreSQL a worker whose update waited for another's row lock checks the
 * row again once that commits, so it skips what the other claimed (SQLite's writes already take turns).
 */
export function claimDueMail(now: Date, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  return withTransaction(async (tx) => {
    const candidates = (await tx.select({ id: outbox.id }).from(outbox).where(isDue(now)).orderBy(WAITED_FOR_FIRST, RECIPIENT_TURN, asc(outbox.id)).limit(limit)).map((r) => r.id);
    if (candidates.length === 0) return [];
    const won = new Set(
      (
        await tx
          .update(outbox)
          .set({ status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
          .where(and(inArray(outbox.id, candidates), isDue(now)))
          .returning({ id: outbox.id })
      ).map((r) => r.id),
    );
    const due = candidates.filter((id) => won.has(id));
    if (due.length === 0) return [];
    const place = new Map(due.map((id, i) => [id, i]));
    const claimed = await tx
      .select({
        id: outbox.id,
        kind: outbox.kind,
        to: outbox.toAddress,
        subject: outbox.subject,
        text: outbox.text,
        html: outbox.html,
        headers: outbox.headers,
        attempts: outbox.attempts,
        createdAt: outbox.createdAt,
      })
      .from(outbox)
      .where(inArray(outbox.id, due));
    return claimed.sort((a, b) => place.get(a.id)! - place.get(b.id)!); // sent in the order claimed
  });
}

/** One message's new state, written on its own: the worker marks each as its SMTP answer comes. */
async function setMail(id: number, values: Partial<typeof outbox.$inferInsert>): Promise<void> {
  await withTransaction((tx) => tx.update(outbox).set(values).where(eq(outbox.id, id)));
}

export function markMailSent(id: number, now = new Date()): Promise<void> {
  return setMail(id, { status: 'sent', sentAt: now, leaseUntil: null, lastError: null });
}

export function markMailRetry(id: number, error: string, nextAttemptAt: Date): Promise<void> {
  return setMail(id, { status: 'queued', nextAttemptAt, leaseUntil: null, lastError: error });
}

export function markMailFailed(id: number, error: string): Promise<void> {
  return setMail(id, { status: 'failed', leaseUntil: null, lastError: error });
}

export function markMailCancelled(id: number): Promise<void> {
  return setMail(id, { status: 'cancelled', leaseUntil: null, lastError: 'Not sent: the address left the list or bounced before it went out.' });
}

export async function countOutbox(now = new Date()): Promise<{ queued: number; sending: number; failed: number; sentToday: number }> {
  const db = getDb();
  const n = async (where: ReturnType<typeof eq>) => (await db.select({ n: count() }).from(outbox).where(where))[0].n;
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    queued: await n(eq(outbox.status, 'queued')),
    sending: await n(eq(outbox.status, 'sending')),
    failed: await n(eq(outbox.status, 'failed')),
    sentToday: await n(and(eq(outbox.status, 'sent'), gte(outbox.sentAt, startOfDay))!),
  };
}

export type MailProblem = { id: number; kind: string; to: string; subject: string; status: string; attempts: number; lastError: string | null; createdAt: Date; nextAttemptAt: Date };

/**
 * Messages that failed for good, or are waiting to be tried again after an error (newest first).
 * Sign-in emails are left out: their codes expire in 15 minutes, so retrying an old one only confuses.
 */
const needsAttention = and(ne(outbox.kind, 'sign-in'), or(eq(outbox.status, 'failed'), and(eq(outbox.status, 'queued'), isNotNull(outbox.lastError))));

export function listMailProblems(limit = 50): Promise<MailProblem[]> {
  return getDb()
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.toAddress,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      nextAttemptAt: outbox.nextAttemptAt,
    })
    .from(outbox)
    .where(needsAttention)
    .orderBy(desc(outbox.id))
    .limit(limit);
}

/** "Retry now": failed messages and ones waiting out a backoff become due at once. Returns how many. */
export async function retryMailNow(now = new Date()): Promise<number> {
  const retried = await withTransaction((tx) => tx.update(outbox).set({ status: 'queued', nextAttemptAt: now }).where(needsAttention).returning({ id: outbox.id }));
  return retried.length;
}

export const DELIVERY_STATES = ['queued', 'sent', 'failed', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export type DeliveryLine = { id: number; to: string; state: DeliveryState; lastError: string | null; sentAt: Date | null };
export type PostDelivery = { counts: Record<DeliveryState, number>; lines: DeliveryLine[] };

/** "Sending" is still on its way: shown as queued. */
const deliveryState = sql<DeliveryState>`case when ${outbox.status} = 'sending' then 'queued' else ${outbox.status} end`;

/**
 * The emails announcing one post: how many are queued, sent, failed and cancelled (the address left the
 * list first), and up to `limit` lines per state (failed first, then queued, cancelled, sent).
 */
export async function getPostDelivery(postId: number, limit = 100): Promise<PostDelivery> {
  const db = getDb();
  const counts: Record<DeliveryState, number> = { queued: 0, sent: 0, failed: 0, cancelled: 0 };
  for (const row of await db.select({ state: deliveryState, n: count() }).from(outbox).where(eq(outbox.postId, postId)).groupBy(deliveryState)) counts[row.state] += row.n;
  const lines: DeliveryLine[] = [];
  for (const state of ['failed', 'queued', 'cancelled', 'sent'] as const)
    lines.push(
      ...(await db
        .select({ id: outbox.id, to: outbox.toAddress, state: deliveryState, lastError: outbox.lastError, sentAt: outbox.sentAt })
        .from(outbox)
        .where(and(eq(outbox.postId, postId), state === 'queued' ? inArray(outbox.status, ['queued', 'sending']) : eq(outbox.status, state)))
        .orderBy(asc(outbox.toAddress), asc(outbox.id))
        .limit(limit)),
    );
  return { counts, lines };
}
