/**
 * Where a comment can be read: the post page for the newest conversations, an earlier-comments page
 * for older ones. Behind /comments/<id>, the address emails and the moderation queue link to.
 */
import 'server-only';
import { listThread } from '@/db/queries/comment-thread';
import { getComment, getCommentTarget } from '@/db/queries/comment-writing';
import { getCommentSettings } from '@/db/queries/settings';
import { pageOfComment } from './thread-pages';

/** The page showing this comment, with its fragment; null unless readers can see it (a deleted one's placeholder included). */
export async function commentPagePath(commentId: number, now = new Date()): Promise<string | null> {
  const comment = await getComment(commentId);
  if (!comment || (comment.status !== 'approved' && comment.status !== 'deleted')) return null;
  const post = await getCommentTarget(comment.postId, now);
  if (!post) return null;
  const fragment = `#comment-${commentId}`;
  // Members-only threads come whole to signed-in members on the post page itself.
  if ((await getCommentSettings()).membersOnly) return `/posts/${post.slug}${fragment}`;
  const page = pageOfComment(await listThread(post.id), commentId);
  if (page === null) return null;
  return page === 0 ? `/posts/${post.slug}${fragment}` : `/posts/${post.slug}/comments/${page}${fragment}`;
}
