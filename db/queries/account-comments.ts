/**
 * A member's own comments as their account sees them. "Your comments" on /account: what they wrote (their
 * claimed guest comments included), newest first, with the post each is on, so they can find a comment to
 * edit or erase it there; the copy in "download my data"; and what becomes of them when the account is deleted.
 */
import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { eraseComment } from '@/db/queries/comment-removal';
import { commentPendingEdits, commentRevisions, comments, posts } from '@/db/schema';

export type AccountComment = { id: number; postSlug: string; postTitle: string; excerpt: string; status: 'approved' | 'pending'; createdAt: string };

const EXCERPT_CHARS = 140;

export async function listAccountComments(userId: string, limit = 100): Promise<AccountComment[]> {
  const rows = await getDb()
    .select({ id: comments.id, postSlug: posts.slug, postTitle: posts.title, body: comments.body, status: comments.status, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(and(eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending'])))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit);
  return rows.map(({ body, status, createdAt, ...row }) => ({
    ...row,
    excerpt: body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS - 1)}…` : body,
    status: status as 'approved' | 'pending',
    createdAt: createdAt.toISOString(),
  }));
}

/** A member's comments, for "download my data". */
export async function listCommentsByAuthor(userId: string) {
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
    .orderBy(asc(comments.createdAt));
}

export type DeletedMemberComments = 'keep' | 'remove';

/**
 * Inside an account deletion: "keep" leaves the member's comments as "deleted member" with the words
 * removed; "remove" erases them (newest first, so a member's own replies go before what they answered).
 * Returns the slugs of the posts whose threads changed. Call it inside the account deletion's withTransaction(…).
 */
export async function releaseCommentsOfMember(userId: string, choice: DeletedMemberComments): Promise<string[]> {
  const db = getDb();
  const postSlugs = (await db.selectDistinct({ slug: posts.slug }).from(comments).innerJoin(posts, eq(posts.id, comments.postId)).where(eq(comments.authorId, userId))).map((r) => r.slug);
  if (choice === 'keep') {
    await db.update(comments).set({ body: '', html: '<p><em>The member who wrote this has left; their words were removed.</em></p>', contentNote: null }).where(eq(comments.authorId, userId));
    const theirs = db.select({ id: comments.id }).from(comments).where(eq(comments.authorId, userId));
    await db.delete(commentRevisions).where(inArray(commentRevisions.commentId, theirs));
    await db.delete(commentPendingEdits).where(inArray(commentPendingEdits.commentId, theirs));
    return postSlugs;
  }
  const own = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending', 'spam'])))
    .orderBy(desc(comments.id));
  for (const { id } of own) await eraseComment(id);
  return postSlugs;
}
