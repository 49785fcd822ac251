/** Members' reports on comments: one per member per comment (a unique index), closed by a moderator's decision. */
import 'server-only';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { queueReportAlerts, type ComposeAlert } from '@/db/queries/moderation-alerts';
import { commentReports, comments, type ReportReason } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export async function hasReported(commentId: number, reporterId: string): Promise<boolean> {
  const [report] = await getDb()
    .select({ id: commentReports.id })
    .from(commentReports)
    .where(and(eq(commentReports.commentId, commentId), eq(commentReports.reporterId, reporterId)))
    .limit(1);
  return Boolean(report);
}

/**
 * Stores the report and, in the same transaction, the "at once" alerts to staff (`alert` composes them).
 * False when this member had already reported this comment (nothing stored, nobody alerted).
 */
export function reportComment(commentId: number, reporterId: string, reason: ReportReason, note: string | null, now = new Date(), alert?: ComposeAlert): Promise<boolean> {
  return withTransaction(async (tx) => {
    const [stored] = await tx.insert(commentReports).values({ commentId, reporterId, reason, note, createdAt: now }).onConflictDoNothing().returning({ id: commentReports.id });
    if (stored && alert) await queueReportAlerts(tx, stored.id, reporterId, alert);
    return Boolean(stored);
  });
}

/** A moderator looked at the reports on this comment; call inside the decision's transaction. */
export async function resolveReports(tx: Db, commentId: number, now = new Date()): Promise<void> {
  await tx
    .update(commentReports)
    .set({ resolvedAt: now })
    .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)));
}

export type OpenReport = { id: number; commentId: number; reason: ReportReason; note: string | null; createdAt: Date };

/** The open reports on these comments, oldest first, with the reporter's note (never who reported). */
export async function listOpenReports(commentIds: number[]): Promise<OpenReport[]> {
  if (commentIds.length === 0) return [];
  return getDb()
    .select({ id: commentReports.id, commentId: commentReports.commentId, reason: commentReports.reason, note: commentReports.note, createdAt: commentReports.createdAt })
    .from(commentReports)
    .where(and(inArray(commentReports.commentId, commentIds), isNull(commentReports.resolvedAt)))
    .orderBy(asc(commentReports.createdAt), asc(commentReports.id));
}

/** Open reports on comments that are still up (the dashboard's figure). */
export async function countOpenReports(): Promise<number> {
  const [{ n }] = await getDb()
    .select({ n: count() })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .where(and(isNull(commentReports.resolvedAt), inArray(comments.status, ['approved', 'pending'])));
  return n;
}
