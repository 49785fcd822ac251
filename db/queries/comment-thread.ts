/** A post's comment thread as readers, its feed and each visitor's own part of it (held and own comments) read it. */
import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { toView, viewQuery, type CommentView, type ViewRow } from '@/db/queries/comment-view';
import { commentPendingEdits, comments } from '@/db/schema';

/** What every reader sees: approved comments and the placeholders of deleted ones, oldest first. */
export async function listThread(postId: number): Promise<CommentView[]> {
  const rows = await viewQuery()
    .where(and(eq(comments.postId, postId), inArray(comments.status, ['approved', 'deleted'])))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return (rows as ViewRow[]).map(toView);
}

/** A post's comment feed: its newest approved comments only (never held, spam or deleted ones), at most `limit`. */
export async function listFeedComments(postId: number, limit: number): Promise<CommentView[]> {
  const rows = await viewQuery()
    .where(and(eq(comments.postId, postId), eq(comments.status, 'approved')))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit);
  return (rows as ViewRow[]).map(toView);
}

/** Held comments on a post that this viewer may see: their own, or all of them for moderators. */
export async function listHeldComments(postId: number, viewer: { id: string; canModerate: boolean }): Promise<CommentView[]> {
  const held = viewer.canModerate ? inArray(comments.status, ['pending']) : and(eq(comments.status, 'pending'), eq(comments.authorId, viewer.id));
  const rows = await viewQuery()
    .where(and(eq(comments.postId, postId), held))
    .orderBy(asc(comments.createdAt));
  return (rows as ViewRow[]).map(toView);
}

export type OwnComment = { id: number; body: string; contentNote: string | null; editAwaitsModeration: boolean };

/** The member's own comments on a post as written (a held edit's text where there is one), for their edit forms. */
export async function listOwnComments(postId: number, userId: string): Promise<OwnComment[]> {
  return getDb()
    .select({
      id: comments.id,
      body: sql<string>`coalesce(${commentPendingEdits.body}, ${comments.body})`,
      contentNote: sql<string | null>`case when ${commentPendingEdits.commentId} is null then ${comments.contentNote} else ${commentPendingEdits.contentNote} end`,
      editAwaitsModeration: sql<boolean>`${commentPendingEdits.commentId} is not null`.mapWith(Boolean),
    })
    .from(comments)
    .leftJoin(commentPendingEdits, eq(commentPendingEdits.commentId, comments.id))
    .where(and(eq(comments.postId, postId), eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending'])));
}
