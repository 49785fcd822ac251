/** Members' reports on comments: one per member per comment (a unique index), closed by a moderator's decision. */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { queueReportAlerts, type ComposeAlert } from '@/db/queries/moderation-alerts';
import { commentReports, type ReportReason } from '@/db/schema';

export function hasReported(commentId: number, reporterId: string): boolean {
  return Boolean(getDb().select({ id: commentReports.id }).from(commentReports).where(and(eq(commentReports.commentId, commentId), eq(commentReports.reporterId, reporterId))).get());
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
  tx.update(commentReports).set({ resolvedAt: now }).where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt))).run();
}
