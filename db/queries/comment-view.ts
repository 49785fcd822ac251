/**
 * How a comment reads on a page, shared by the thread and the moderation queue: the columns, the joined
 * query, and the row turned into a CommentView. A deleted comment keeps its place with no words and no author.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { comments, posts, users, type CommentStatus } from '@/db/schema';

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

export const viewColumns = {
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

export type ViewRow = { [K in keyof typeof viewColumns]: unknown } & {
  id: number;
  parentId: number | null;
  depth: number;
  html: string;
  contentNote: string | null;
  status: CommentStatus;
  createdAt: Date;
  editedAt: Date | null;
  moderatorEditedAt: Date | null;
  authorId: string | null;
  authorName: string | null;
  authorRole: string | null;
  guestName: string | null;
  postAuthorId: string;
};

function authorOf(row: ViewRow): CommentView['author'] {
  if (row.authorId) {
    const isModerator = row.authorRole === 'moderator' || row.authorRole === 'admin';
    return { name: row.authorName ?? 'Member', isPostAuthor: row.authorId === row.postAuthorId, isModerator, isGuest: false };
  }
  return row.guestName === null ? null : { name: row.guestName, isPostAuthor: false, isModerator: false, isGuest: true };
}

export function toView(row: ViewRow): CommentView {
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

export function viewQuery() {
  return getDb().select(viewColumns).from(comments).innerJoin(posts, eq(posts.id, comments.postId)).leftJoin(users, eq(users.id, comments.authorId));
}
