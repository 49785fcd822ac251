'use client';
/** Comments awaiting moderation: visible only to their author and to moderators. */
import { CommentActions } from './comment-actions';
import { CommentCard } from './comment-card';
import { useComments } from './comments-context';

export function HeldComments() {
  const { viewer } = useComments();
  if (!viewer || viewer.held.length === 0) return null;
  return (
    <section aria-labelledby="held-heading" className="held-comments">
      <h3 id="held-heading">{viewer.canModerate ? 'Awaiting moderation on this post' : 'Your comments awaiting moderation'}</h3>
      <ol className="comment-thread">
        {viewer.held.map((comment) => (
          <li key={comment.id}>
            <CommentCard
              comment={comment}
              statusLabel="Awaiting moderation"
              actions={<CommentActions commentId={comment.id} authorName={comment.author?.name ?? null} edited={comment.editedAt !== null || comment.moderatorEditedAt !== null} held />}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
