/** Reads and writes of comment threads. Writes by members always carry the owner in the WHERE clause. */
import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { dropPendingEdit } from '@/db/queries/comment-edits';
import { listOpenReports } from '@/db/queries/comment-reports';
import { queueHeldCommentAlerts, type ComposeAlert } from '@/db/queries/moderation-alerts';
import { isVisible } from '@/db/queries/posts';
import { recordReplyNotice } from '@/db/queries/reply-notices';
import { commentPendingEdits, commentReports, commentRevisions, comments, posts, users, type CommentStatus, type HoldReason, type ReportReason, type UserRole } from '@/db/schema';

export type CommentView = {
  id: number;
  parentId: number | null;
  depth: number;
  html: string;
  contentNote: string | null;
  status: CommentStatus;
  createdAt: string;
  editedAt: string | null;
  /** Set when a moderator changed the text ("edited by a moderator"). */
  moderatorEditedAt: string | null;
  /**
   * Null for a member who deleted their account ("deleted member"). `isGuest`: an imported comment by someone
   * without an account, shown by the name they gave (their address is never read here).
   */
  author: { name: string; isPostAuthor: boolean; isModerator: boolean; isGuest: boolean } | null;
};

export type CommentTarget = { id: number; slug: string; title: string; commentsClosed: boolean };

/** The post a comment may be written on: visible to readers, whether or not comments are closed. */
export function getCommentTarget(postId: number, now = new Date()): CommentTarget | null {
  return (
    getDb()
      .select({ id: posts.id, slug: posts.slug, title: posts.title, commentsClosed: posts.commentsClosed })
      .from(posts)
      .where(and(eq(posts.id, postId), isVisible(now)))
      .get() ?? null
  );
}

export function getComment(id: number) {
  return getDb()
    .select({ id: comments.id, postId: comments.postId, parentId: comments.parentId, depth: comments.depth, status: comments.status, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.id, id))
    .get() ?? null;
}

export type CommenterState = { role: UserRole; blocked: boolean; hasApprovedComment: boolean };

/**
 * What the moderation rules need to know about a member. `besides`: for an edit, the comment being
 * edited does not count as approved, so an approved first comment cannot be rewritten unseen.
 */
export function getCommenterState(userId: string, besides?: number): CommenterState | null {
  const db = getDb();
  const user = db.select({ role: users.role, blocked: users.commentingBlocked }).from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const others = besides === undefined ? undefined : ne(comments.id, besides);
  const approved = db.select({ id: comments.id }).from(comments).where(and(eq(comments.authorId, userId), eq(comments.status, 'approved'), others)).get();
  return { role: user.role, blocked: user.blocked, hasApprovedComment: Boolean(approved) };
}

export type NewComment = {
  postId: number;
  parentId: number | null;
  depth: number;
  authorId: string;
  body: string;
  html: string;
  contentNote: string | null;
  status: 'approved' | 'pending';
  createdAt: Date;
};

/**
 * Stores a comment; in the same transaction a public reply records who should hear about it, and a held
 * comment queues the "at once" alerts to staff (`alert` composes them).
 */
export function insertComment(values: NewComment, alert?: ComposeAlert): { id: number; status: CommentStatus } {
  return getDb().transaction((tx) => {
    const created = tx.insert(comments).values(values).returning({ id: comments.id, status: comments.status }).get();
    if (created.status === 'approved' && values.parentId !== null) recordReplyNotice(tx, created.id);
    if (created.status === 'pending' && alert) queueHeldCommentAlerts(tx, created.id, values.authorId, alert);
    return created;
  });
}

const viewColumns = {
  id: comments.id,
  parentId: comments.parentId,
  depth: comments.depth,
  html: comments.html,
  contentNote: comments.contentNote,
  status: comments.status,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  moderatorEditedAt: comments.moderatorEditedAt,
  authorId: comments.authorId,
  authorName: users.name,
  authorRole: users.role,
  guestName: comments.guestName,
  postAuthorId: posts.authorId,
};

type ViewRow = { [K in keyof typeof viewColumns]: unknown } & {
  id: number; parentId: number | null; depth: number; html: string; contentNote: string | null; status: CommentStatus;
  createdAt: Date; editedAt: Date | null; moderatorEditedAt: Date | null; authorId: string | null; authorName: string | null; authorRole: string | null; guestName: string | null; postAuthorId: string;
};

function authorOf(row: ViewRow): CommentView['author'] {
  if (row.authorId) {
    const isModerator = row.authorRole === 'moderator' || row.authorRole === 'admin';
    return { name: row.authorName ?? 'Member', isPostAuthor: row.authorId === row.postAuthorId, isModerator, isGuest: false };
  }
  return row.guestName === null ? null : { name: row.guestName, isPostAuthor: false, isModerator: false, isGuest: true };
}

function toView(row: ViewRow): CommentView {
  const deleted = row.status === 'deleted';
  return {
    id: row.id,
    parentId: row.parentId,
    depth: row.depth,
    html: deleted ? '' : row.html,
    contentNote: deleted ? null : row.contentNote,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    moderatorEditedAt: row.moderatorEditedAt ? row.moderatorEditedAt.toISOString() : null,
    author: deleted ? null : authorOf(row),
  };
}

function viewQuery() {
  return getDb()
    .select(viewColumns)
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(users, eq(users.id, comments.authorId));
}

/** What every reader sees: approved comments and the placeholders of deleted ones, oldest first. */
export function listThread(postId: number): CommentView[] {
  return (viewQuery()
    .where(and(eq(comments.postId, postId), inArray(comments.status, ['approved', 'deleted'])))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all() as ViewRow[]).map(toView);
}

/** A post's comment feed: its newest approved comments only (never held, spam or deleted ones), at most `limit`. */
export function listFeedComments(postId: number, limit: number): CommentView[] {
  return (viewQuery()
    .where(and(eq(comments.postId, postId), eq(comments.status, 'approved')))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .all() as ViewRow[]).map(toView);
}

/** Held comments on a post that this viewer may see: their own, or all of them for moderators. */
export function listHeldComments(postId: number, viewer: { id: string; canModerate: boolean }): CommentView[] {
  const held = viewer.canModerate ? inArray(comments.status, ['pending']) : and(eq(comments.status, 'pending'), eq(comments.authorId, viewer.id));
  return (viewQuery().where(and(eq(comments.postId, postId), held)).orderBy(asc(comments.createdAt)).all() as ViewRow[]).map(toView);
}

export type OwnComment = { id: number; body: string; contentNote: string | null; editAwaitsModeration: boolean };

/** The member's own comments on a post as written (a held edit's text where there is one), for their edit forms. */
export function listOwnComments(postId: number, userId: string): OwnComment[] {
  return getDb()
    .select({
      id: comments.id,
      body: sql<string>`coalesce(${commentPendingEdits.body}, ${comments.body})`,
      contentNote: sql<string | null>`case when ${commentPendingEdits.commentId} is null then ${comments.contentNote} else ${commentPendingEdits.contentNote} end`,
      editAwaitsModeration: sql<boolean>`${commentPendingEdits.commentId} is not null`.mapWith(Boolean),
    })
    .from(comments)
    .leftJoin(commentPendingEdits, eq(commentPendingEdits.commentId, comments.id))
    .where(and(eq(comments.postId, postId), eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending'])))
    .all();
}

/** Erases one comment: a placeholder ("This comment was deleted") where others replied, otherwise gone. */
export function eraseComment(tx: Transaction, id: number): void {
  const hasReplies = tx.select({ id: comments.id }).from(comments).where(eq(comments.parentId, id)).get();
  if (hasReplies) {
    tx.update(comments).set({ status: 'deleted', body: '', html: '', contentNote: null, guestName: null, guestEmail: null }).where(eq(comments.id, id)).run();
    tx.delete(commentRevisions).where(eq(commentRevisions.commentId, id)).run();
    dropPendingEdit(tx, id);
  } else {
    tx.delete(comments).where(eq(comments.id, id)).run();
  }
}

/** Removes a comment so the thread still reads. `authorId` limits it to the owner's own comment. */
export function removeComment(id: number, authorId?: string): boolean {
  return getDb().transaction((tx) => {
    const owned = authorId ? and(eq(comments.id, id), eq(comments.authorId, authorId)) : eq(comments.id, id);
    const target = tx.select({ id: comments.id }).from(comments).where(and(owned, inArray(comments.status, ['approved', 'pending', 'spam']))).get();
    if (!target) return false;
    eraseComment(tx, id);
    return true;
  });
}

export type DeletedMemberComments = 'keep' | 'remove';

/**
 * Inside an account deletion: "keep" leaves the member's comments as "deleted member" with the words
 * removed; "remove" erases them (newest first, so a member's own replies go before what they answered).
 * Returns the slugs of the posts whose threads changed.
 */
export function releaseCommentsOfMember(tx: Transaction, userId: string, choice: DeletedMemberComments): string[] {
  const postSlugs = tx
    .selectDistinct({ slug: posts.slug })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.authorId, userId))
    .all()
    .map((r) => r.slug);
  if (choice === 'keep') {
    tx.update(comments)
      .set({ body: '', html: '<p><em>The member who wrote this has left; their words were removed.</em></p>', contentNote: null })
      .where(eq(comments.authorId, userId))
      .run();
    const theirs = tx.select({ id: comments.id }).from(comments).where(eq(comments.authorId, userId));
    tx.delete(commentRevisions).where(inArray(commentRevisions.commentId, theirs)).run();
    tx.delete(commentPendingEdits).where(inArray(commentPendingEdits.commentId, theirs)).run();
    return postSlugs;
  }
  const own = tx.select({ id: comments.id }).from(comments).where(and(eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending', 'spam']))).orderBy(desc(comments.id)).all();
  for (const { id } of own) eraseComment(tx, id);
  return postSlugs;
}

/** A comment's earlier texts, oldest first; `byModerator` when a moderator's change replaced one (never which moderator). */
export function listRevisions(commentId: number) {
  return getDb()
    .select({ body: commentRevisions.body, contentNote: commentRevisions.contentNote, replacedAt: commentRevisions.replacedAt, moderatorId: commentRevisions.replacedByModeratorId })
    .from(commentRevisions)
    .where(eq(commentRevisions.commentId, commentId))
    .orderBy(asc(commentRevisions.replacedAt), asc(commentRevisions.id))
    .all()
    .map(({ moderatorId, ...r }) => ({ ...r, replacedAt: r.replacedAt.toISOString(), byModerator: moderatorId !== null }));
}

/** Who wrote a comment (null when it is gone or its author left): the revisions route lets them see its history. */
export function getCommentAuthorId(commentId: number): string | null {
  return getDb().select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, commentId)).get()?.authorId ?? null;
}

/** A member's comments, for "download my data". */
export function listCommentsByAuthor(userId: string) {
  return getDb()
    .select({
      id: comments.id,
      post: posts.slug,
      body: comments.body,
      contentNote: comments.contentNote,
      status: comments.status,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      moderatorEditedAt: comments.moderatorEditedAt,
      editAwaitingModeration: commentPendingEdits.body,
      editAwaitingModerationNote: commentPendingEdits.contentNote,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .leftJoin(commentPendingEdits, eq(commentPendingEdits.commentId, comments.id))
    .where(eq(comments.authorId, userId))
    .orderBy(asc(comments.createdAt))
    .all();
}


export const QUEUE_FILTERS = ['pending', 'reported', 'spam', 'all'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** A held edit of a public comment, shown to moderators beside the text it would replace. */
export type PendingEditView = { html: string; contentNote: string | null; reason: HoldReason; submittedAt: string };
export type QueueReport = { reason: ReportReason; note: string | null };
/** `body`: the text as written, for a moderator's edit. */
export type QueueItem = CommentView & { body: string; postSlug: string; postTitle: string; reports: QueueReport[]; pendingEdit: PendingEditView | null };

const hasPendingEdit = sql`exists (select 1 from ${commentPendingEdits} where ${commentPendingEdits.commentId} = ${comments.id})`;
const openReports = sql<number>`(select count(*) from ${commentReports} where ${commentReports.commentId} = ${comments.id} and ${commentReports.resolvedAt} is null)`;

function queueWhere(filter: QueueFilter) {
  if (filter === 'pending') return or(eq(comments.status, 'pending'), and(eq(comments.status, 'approved'), hasPendingEdit));
  if (filter === 'spam') return eq(comments.status, 'spam');
  if (filter === 'reported') return and(inArray(comments.status, ['approved', 'pending']), sql`${openReports} > 0`);
  return inArray(comments.status, ['approved', 'pending', 'spam']);
}

/** The moderation queue at /admin/comments, newest first. */
export function listModerationQueue(filter: QueueFilter, limit = 100): QueueItem[] {
  const rows = getDb()
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
    .limit(limit)
    .all();
  const reports = new Map<number, QueueReport[]>();
  for (const r of listOpenReports(rows.map((row) => row.id))) reports.set(r.commentId, [...(reports.get(r.commentId) ?? []), { reason: r.reason, note: r.note }]);
  return rows.map((row) => ({
    ...toView(row as ViewRow),
    body: row.status === 'deleted' ? '' : row.body,
    postSlug: row.postSlug,
    postTitle: row.postTitle,
    reports: reports.get(row.id) ?? [],
    pendingEdit: row.editHtml !== null && row.editReason && row.editAt ? { html: row.editHtml, contentNote: row.editNote, reason: row.editReason, submittedAt: row.editAt.toISOString() } : null,
  }));
}

export function countModerationQueue(): Record<QueueFilter, number> {
  const db = getDb();
  const n = (filter: QueueFilter) => db.select({ n: count() }).from(comments).where(queueWhere(filter)).get()!.n;
  return { pending: n('pending'), reported: n('reported'), spam: n('spam'), all: n('all') };
}
