/** The moderation queue at /admin/comments and its counts: held, reported, spam and all comments, for staff. */
import 'server-only';
import { and, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { listOpenReports } from '@/db/queries/comment-reports';
import { toView, viewColumns, type CommentView, type ViewRow } from '@/db/queries/comment-view';
import { commentPendingEdits, commentReports, comments, posts, users, type HoldReason, type ReportReason } from '@/db/schema';

export const QUEUE_FILTERS = ['pending', 'reported', 'spam', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** A held edit of a public comment, shown to moderators beside the text it would replace. */
export type PendingEditView = { html: string; contentNote: string | null; reason: HoldReason; submittedAt: string };
export type QueueReport = { reason: ReportReason; note: string | null };
/** `body`: the text as written, for a moderator's edit. */
export type QueueItem = CommentView & { body: string; postSlug: string; postTitle: string; reports: QueueReport[]; pendingEdit: PendingEditView | null };

const hasPendingEdit = sql`exists (select 1 from ${commentPendingEdits} where ${commentPendingEdits.commentId} = ${comments.id})`;
const openReports = sql<number>`(select count(*) from ${commentReports} where ${commentReports.commentId} = ${comments.id} and ${commentReports.resolvedAt} is null)`.mapWith(Number);

function queueWhere(filter: QueueFilter) {
  if (filter === 'pending') return or(eq(comments.status, 'pending'), and(eq(comments.status, 'approved'), hasPendingEdit));
  if (filter === 'spam') return eq(comments.status, 'spam');
  if (filter === 'reported') return and(inArray(comments.status, ['approved', 'pending']), sql`${openReports} > 0`);
  return inArray(comments.status, ['approved', 'pending', 'spam']);
}

/** The moderation queue at /admin/comments, newest first. */
export async function listModerationQueue(filter: QueueFilter, limit = 100): Promise<QueueItem[]> {
  const rows = await getDb()
    .select({
      ...viewColumns,
      postSlug: posts.slug,
      postTitle: posts.title,
      body: comments.body,
      editHtml: commentPendingEdits.html,
      editNote: commentPendingEdits.contentNote,
      editReason: commentPendingEdits.reason,
      editAt: commentPendingEdits.submittedAt,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(commentPendingEdits, eq(commentPendingEdits.commentId, comments.id))
    .where(queueWhere(filter))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit);
  const reports = new Map<number, QueueReport[]>();
  for (const r of await listOpenReports(rows.map((row) => row.id))) reports.set(r.commentId, [...(reports.get(r.commentId) ?? []), { reason: r.reason, note: r.note }]);
  return rows.map((row) => ({
    ...toView(row as ViewRow),
    body: row.status === 'deleted' ? '' : row.body,
    postSlug: row.postSlug,
    postTitle: row.postTitle,
    reports: reports.get(row.id) ?? [],
    pendingEdit: row.editHtml !== null && row.editReason && row.editAt ? { html: row.editHtml, contentNote: row.editNote, reason: row.editReason, submittedAt: row.editAt.toISOString() } : null,
  }));
}

export async function countModerationQueue(): Promise<Record<QueueFilter, number>> {
  const db = getDb();
  const n = async (filter: QueueFilter) => (await db.select({ n: count() }).from(comments).where(queueWhere(filter)))[0].n;
  return { pending: await n('pending'), reported: await n('reported'), spam: await n('spam'), all: await n('all') };
}
