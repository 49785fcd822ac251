/**
 * One comment as everyone sees it: an article named by its heading (author and time), badges,
 * an optional content note the reader opens, and the text. A guest (an imported comment without an
 * account) is shown by the name they gave, marked "Guest". Used by the cached thread and the held list.
 */
import type { ReactNode } from 'react';
import type { CommentView } from '@/db/queries/comment-view';
import { InitialsAvatar } from '@/components/ui/initials-avatar';
import { RelativeTime } from './relative-time';

type Props = { comment: CommentView; actions?: ReactNode; replies?: ReactNode; statusLabel?: string };

export function CommentCard({ comment, actions, replies, statusLabel }: Props) {
  const headingId = `comment-${comment.id}-heading`;
  const name = comment.status === 'deleted' ? null : (comment.author?.name ?? 'Deleted member');
  return (
    <article id={`comment-${comment.id}`} className="comment" aria-labelledby={headingId}>
      {comment.status === 'deleted' ? (
        <h3 id={headingId} className="comment__deleted">
          This comment was deleted
        </h3>
      ) : (
        <>
          <header className="comment__header">
            <InitialsAvatar name={name} size={36} />
            <h3 id={headingId} className="comment__heading">
              <span className="comment__author">{name}</span> <RelativeTime iso={comment.createdAt} />
            </h3>
            {comment.author?.isPostAuthor && <span className="badge">Author</span>}
            {comment.author?.isModerator && <span className="badge">Moderator</span>}
            {comment.author?.isGuest && <span className="badge badge--guest">Guest</span>}
            {statusLabel && <span className="badge badge--held">{statusLabel}</span>}
            {comment.moderatorEditedAt ? <span className="comment__edited">edited by a moderator</span> : comment.editedAt && <span className="comment__edited">edited</span>}
            <a className="comment__permalink" href={`#comment-${comment.id}`} aria-label={`Link to ${name}’s comment`}>
              #
            </a>
          </header>
          {comment.contentNote ? (
            <details className="comment__note">
              <summary>Content note: {comment.contentNote}. Show the comment</summary>
              <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.html }} />
            </details>
          ) : (
            <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.html }} />
          )}
        </>
      )}
      {actions}
      {replies}
    </article>
  );
}
