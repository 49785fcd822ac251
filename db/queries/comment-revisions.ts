/** A comment's history for its revisions route: the earlier texts, and who may see them (its author). */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { commentRevisions, comments } from '@/db/schema';

/** A comment's earlier texts, oldest first; `byModerator` when a moderator's change replaced one (never which moderator). */
export async function listRevisions(commentId: number) {
  const rows = await getDb()
    .select({ body: commentRevisions.body, contentNote: commentRevisions.contentNote, replacedAt: commentRevisions.replacedAt, moderatorId: commentRevisions.replacedByModeratorId })
    .from(commentRevisions)
    .where(eq(commentRevisions.commentId, commentId))
    .orderBy(asc(commentRevisions.replacedAt), asc(commentRevisions.id));
  return rows.map(({ moderatorId, ...r }) => ({ ...r, replacedAt: r.replacedAt.toISOString(), byModerator: moderatorId !== null }));
}

/** Who wrote a comment (null when it is gone or its author left): the revisions route lets them see its history. */
export async function getCommentAuthorId(commentId: number): Promise<string | null> {
  const [row] = await getDb().select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, commentId)).limit(1);
  return row?.authorId ?? null;
}
