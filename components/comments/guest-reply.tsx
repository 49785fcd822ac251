'use client';
/**
 * "Reply" under a comment for someone not signed in (issue 16): the same one-step form as the composer
 * (name, address, reply), the reply waiting for the emailed link like a guest's top-level comment.
 */
import { useState } from 'react';
import { requestWaitingCommentAction } from '@/lib/actions/waiting-comments';
import { CommentForm } from './comment-form';

type Props = { commentId: number; authorName: string | null };

export function GuestReply({ commentId, authorName }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div className="comment-actions">
      <div className="comment-actions__buttons" role="group" aria-label={`Actions for ${authorName ?? 'this member'}’s comment`}>
        <button type="button" className="button--quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
          Reply
        </button>
      </div>
      {/* Stays open once sent: its answer ("we emailed you a link") is what the reader needs to see. */}
      {open && <CommentForm mode="guest" parentId={commentId} action={requestWaitingCommentAction} />}
    </div>
  );
}
