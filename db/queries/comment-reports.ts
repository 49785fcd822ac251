/** Members' reports on comments: one per member per comment (a unique index), closed by a moderator's decision. */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { commentReports, type ReportReason } from '@/db/schema';

export function hasReported(commentId: number, reporterId: string): boolean {
  return Boolean(getDb().select({ id: commentReports.id }).from(commentReports).where(and(eq(commentReports.commentId, commentId), eq(commentReports.reporterId, reporterId))).get());
}

/** Stores the report; false when this member had already reported this comment (nothing stored). */
export function reportComment(commentId: number, reporterId: string, reason: ReportReason, note: string | null, now = new Date()): boolean {
  return getDb().insert(commentReports).values({ commentId, reporterId, reason, note, createdAt: now }).onConflictDoNothing().run().changes === 1;
}

/** A moderator looked at the reports on this comment; call inside the decision's transaction. */
export function resolveReports(tx: Transaction, commentId: number, now = new Date()): void {
  tx.update(commentReports).set({ resolvedAt: now }).where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolvedAt))).run();
}
