/** A comment's history for its revisions route: the earlier texts, and who may see them (its author). */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { commentRevisions, comments } from '@/db/schema';

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
