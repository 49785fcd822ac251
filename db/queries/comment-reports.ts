/** Members' reports on comments: one per member per comment (a unique index), closed by a moderator's decision. */
import 'server-only';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { queueReportAlerts, type ComposeAlert } from '@/db/queries/moderation-alerts';
import { commentReports, comments, type ReportReason } from '@/db/schema';

export function hasReported(commentId: number, reporterId: string): boolean {
  return Boolean(
    getDb()
      .select({ id: commentReports.id })
      .from(commentReports)
      .where(and(eq(commentReports.commentId, commentId), eq(commentReports.reporterId, reporterId)))
      .get(),
  );
}

/**
 * Stores the report and, in the same transaction, the "at once" alerts to staff (`alert` composes them).
 * False when this member had already reported this comment (nothing stored, nobody alerted).
 */
export function reportComment(commentId: number, reporterId: string, reason: ReportReason, note: string | null, now = new Date(), alert?: ComposeAlert): boolean {
  return getDb().transaction((tx) => {
    const stored = tx.insert(commentReports).values({ commentId, reporterId, reason, note, createdAt: now }).onConflictDoNothing().returning({ id: commentReports.id }).get();
    if (stored && alert) queueReportAlerts(tx, stored.id, reporterId, alert);
    return Boolean(stored);
  });
}

/** A moderator looked at the reports on this comment; call inside the decision's transaction. */
export function resolveReports(tx: Transaction, commentId: number, now = new Date()): void {
  tx.update(commentReports)
    .set({ resolvedAt: now })
    .where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt)))
    .run();
}

export type OpenReport = { id: number; commentId: number; reason: ReportReason; note: string | null; createdAt: Date };

/** The open reports on these comments, oldest first, with the reporter's note (never who reported). */
export function listOpenReports(commentIds: number[]): OpenReport[] {
  if (commentIds.length === 0) return [];
  return getDb()
    .select({ id: commentReports.id, commentId: commentReports.commentId, reason: commentReports.reason, note: commentReports.note, createdAt: commentReports.createdAt })
    .from(commentReports)
    .where(and(inArray(commentReports.commentId, commentIds), isNull(commentReports.resolvedAt)))
    .orderBy(asc(commentReports.createdAt), asc(commentReports.id))
    .all();
}

/** Open reports on comments that are still up (the dashboard's figure). */
export function countOpenReports(): number {
  return getDb()
    .select({ n: count() })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .where(and(isNull(commentReports.resolvedAt), inArray(comments.status, ['approved', 'pending'])))
    .get()!.n;
}
