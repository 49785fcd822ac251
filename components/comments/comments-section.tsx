/**
 * The comment thread under a post. The thread is part of the cached page, the same for everyone;
 * the form, held comments and per-person controls are small client pieces that ask /api/posts/[id]/comments.
 */
import type { CommentView } from '@/db/queries/comments';
import { buildThread, type CommentNode } from '@/lib/comments/thread';
import { pluralize } from '@/lib/format';
import { CommentActions } from './comment-actions';
import { CommentCard } from './comment-card';
import { CommentComposer } from './comment-composer';
import { CommentsProvider } from './comments-context';
import { HeldComments } from './held-comments';
import { ThreadOrder } from './thread-order';

function CommentTree({ node }: { node: CommentNode }) {
  const name = node.author?.name ?? null;
  return (
    <CommentCard
      comment={node}
      actions={node.status === 'deleted' ? undefined : <CommentActions commentId={node.id} authorName={name} edited={node.editedAt !== null} />}
      replies={
        node.replies.length > 0 && (
          <ol className="comment-replies" aria-label={`Replies to ${name ?? 'a deleted comment'}`}>
            {node.replies.map((reply) => (
              <li key={reply.id}>
                <CommentTree node={reply} />
              </li>
            ))}
          </ol>
        )
      }
    />
  );
}

type Props = { post: { id: number; slug: string; commentCount: number; commentsClosed: boolean }; comments: CommentView[] };

export function CommentsSection({ post, comments }: Props) {
  const threads = buildThread(comments);
  return (
    <section id="comments" aria-labelledby="comments-heading" className="comments">
      <h2 id="comments-heading">{post.commentCount > 0 ? pluralize(post.commentCount, 'comment') : 'Comments'}</h2>
      <CommentsProvider postId={post.id} postPath={`/posts/${post.slug}`} closed={post.commentsClosed}>
        {threads.length > 0 ? (
          <ThreadOrder>
            {threads.map((node) => (
              <li key={node.id}>
                <CommentTree node={node} />
              </li>
            ))}
          </ThreadOrder>
        ) : (
          <p>No comments yet. Share how this landed for you.</p>
        )}
        <HeldComments />
        <CommentComposer />
      </CommentsProvider>
    </section>
  );
}
