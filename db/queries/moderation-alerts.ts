/**
 * Telling staff that something needs them: comments held for moderation and new reports. "At once" alerts
 * are queued inside the transaction that holds the comment or stores the report (a dedupe key per item and
 * person, so a retry never emails twice); daily summaries list what is new since the last one.
 * Only moderators and admins are ever alerted, whatever a demoted member's stored choice says.
 */
import 'server-only';
import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/index';
import { enqueueMails, enqueueMail, type OutgoingMail } from '@/db/queries/outbox';
import { commentReports, comments, posts, users, type ModerationAlertChoice, type ReportReason } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type AlertRecipient = { id: string; email: string; name: string | null };
/** What an alert is about. Never the commenter's email address: their display name only. */
export type AlertItem =
  | { kind: 'held'; commentId: number; postTitle: string; commenterName: string | null; at: Date }
  | { kind: 'report'; reportId: number; commentId: number; postTitle: string; commenterName: string | null; reason: ReportReason; note: string | null; at: Date };
export type ComposeAlert = (recipient: AlertRecipient, item: AlertItem) => OutgoingMail;

const staff = inArray(users.role, ['moderator', 'admin']);
const recipientColumns = { id: users.id, email: users.email, name: users.name };
const commenters = alias(users, 'commenters');
/** A member's name, or an imported guest's (a guest has no account, so no alert preferences either). */
const commenterName = sql<string | null>`coalesce(${commenters.name}, ${comments.guestName})`;

export async function getModerationAlertChoice(userId: string): Promise<ModerationAlertChoice | null> {
  const [row] = await getDb().select({ choice: users.moderationAlerts }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.choice ?? null;
}

/** Choosing "daily" starts the summaries from now: nothing already waiting is announced as new. */
export function setModerationAlerts(userId: string, choice: ModerationAlertChoice, now = new Date()): Promise<void> {
  return withTransaction(async (tx) => {
    const was = await getModerationAlertChoice(userId);
    const digestFrom = choice === 'daily' && was !== 'daily' ? { moderationDigestAt: now } : {};
    await tx
      .update(users)
      .set({ moderationAlerts: choice, ...digestFrom })
      .where(and(eq(users.id, userId), staff));
  });
}

async function heldItems(reader: Pick<Db, 'select'>, where: ReturnType<typeof and>): Promise<AlertItem[]> {
  const rows = await reader
    .select({ commentId: comments.id, postTitle: posts.title, commenterName, at: comments.createdAt })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(commenters, eq(commenters.id, comments.authorId))
    .where(where)
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return rows.map((r) => ({ kind: 'held' as const, ...r }));
}

async function reportItems(reader: Pick<Db, 'select'>, where: ReturnType<typeof and>): Promise<AlertItem[]> {
  const rows = await reader
    .select({ reportId: commentReports.id, commentId: comments.id, postTitle: posts.title, commenterName, reason: commentReports.reason, note: commentReports.note, at: commentReports.createdAt })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(commenters, eq(commenters.id, comments.authorId))
    .where(where)
    .orderBy(asc(commentReports.createdAt), asc(commentReports.id));
  return rows.map((r) => ({ kind: 'report' as const, ...r }));
}

/** Staff who chose "at once", except the person who caused the alert. */
function instantRecipients(tx: Db, except: string | null): Promise<AlertRecipient[]> {
  return tx
    .select(recipientColumns)
    .from(users)
    .where(and(staff, eq(users.moderationAlerts, 'instant'), except ? ne(users.id, except) : undefined))
    .orderBy(asc(users.id));
}

const dedupeKey = (item: AlertItem, recipient: AlertRecipient) =>
  item.kind === 'held' ? `moderation-alert:held:${item.commentId}:${recipient.id}` : `moderation-alert:report:${item.reportId}:${recipient.id}`;

async function queueInstant(tx: Db, item: AlertItem | undefined, except: string | null, compose: ComposeAlert): Promise<void> {
  if (!item) return;
  await enqueueMails((await instantRecipients(tx, except)).map((r) => ({ ...compose(r, item), dedupeKey: dedupeKey(item, r) })));
}

/** Call inside the transaction that stores held comment `commentId`. */
export async function queueHeldCommentAlerts(tx: Db, commentId: number, commenterId: string | null, compose: ComposeAlert): Promise<void> {
  await queueInstant(tx, (await heldItems(tx, and(eq(comments.id, commentId), eq(comments.status, 'pending'))))[0], commenterId, compose);
}

/** Call inside the transaction that stores report `reportId`. */
export async function queueReportAlerts(tx: Db, reportId: number, reporterId: string, compose: ComposeAlert): Promise<void> {
  await queueInstant(tx, (await reportItems(tx, eq(commentReports.id, reportId)))[0], reporterId, compose);
}

/** Staff who chose "daily" and whose last summary covered less than up to `moment`. */
export function listDailyAlertRecipients(moment: Date): Promise<(AlertRecipient & { since: Date | null })[]> {
  return getDb()
    .select({ ...recipientColumns, since: users.moderationDigestAt })
    .from(users)
    .where(and(staff, eq(users.moderationAlerts, 'daily'), or(isNull(users.moderationDigestAt), lt(users.moderationDigestAt, moment))))
    .orderBy(asc(users.id));
}

/** Held comments and open reports that arrived in (since, until] and still wait for a moderator. */
export async function listNewModerationItems(since: Date, until: Date): Promise<AlertItem[]> {
  const db = getDb();
  return [
    ...(await heldItems(db, and(eq(comments.status, 'pending'), gt(comments.createdAt, since), lte(comments.createdAt, until)))),
    ...(await reportItems(db, and(isNull(commentReports.resolvedAt), inArray(comments.status, ['approved', 'pending']), gt(commentReports.createdAt, since), lte(commentReports.createdAt, until)))),
  ];
}

/** This person's summary up to `moment` is done: queued (when there was anything) in the same transaction. */
export function recordModerationDigest(userId: string, moment: Date, mail: OutgoingMail | null, now = new Date()): Promise<void> {
  return withTransaction(async (tx) => {
    if (mail) await enqueueMail(mail, now);
    await tx.update(users).set({ moderationDigestAt: moment }).where(eq(users.id, userId));
  });
}
