/**
 * "Your comments" on /account: what a member wrote (their claimed guest comments included), newest first,
 * with the post each is on, so they can find a comment to edit or erase it there.
 */
import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { comments, posts } from '@/db/schema';

export type AccountComment = { id: number; postSlug: string; postTitle: string; excerpt: string; status: 'approved' | 'pending'; createdAt: string };

const EXCERPT_CHARS = 140;

export function listAccountComments(userId: string, limit = 100): AccountComment[] {
  return getDb()
    .select({ id: comments.id, postSlug: posts.slug, postTitle: posts.title, body: comments.body, status: comments.status, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(and(eq(comments.authorId, userId), inArray(comments.status, ['approved', 'pending'])))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .all()
    .map(({ body, status, createdAt, ...row }) => ({
      ...row,
      excerpt: body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS - 1)}…` : body,
      status: status as 'approved' | 'pending',
      createdAt: createdAt.toISOString(),
    }));
}
