/** A comment with its replies as a nested, labelled list. Rendered on the server, or in the browser for members-only threads. */
import type { CommentNode } from '@/lib/comments/thread';
import { CommentActions } from './comment-actions';
import { CommentCard } from './comment-card';
import { ThreadOrder } from './thread-order';

export function CommentTree({ node }: { node: CommentNode }) {
  const name = node.author?.name ?? null;
  return (
    <CommentCard
      comment={node}
      actions={node.status === 'deleted' ? undefined : <CommentActions commentId={node.id} authorName={name} edited={node.editedAt !== null || node.moderatorEditedAt !== null} />}
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

/** All conversations of a post, in the reader's chosen order. */
export function ThreadList({ threads }: { threads: CommentNode[] }) {
  return (
    <ThreadOrder>
      {threads.map((node) => (
        <li key={node.id}>
          <CommentTree node={node} />
        </li>
      ))}
    </ThreadOrder>
  );
}
