'use client';
/** The "join the conversation" form under the thread, or a clear word on why it is not there. */
import { CommentForm } from './comment-form';
import { useComments } from './comments-context';
import { usePostComment } from './post-comment';

export function CommentComposer() {
  const { closed, viewer } = useComments();
  const postComment = usePostComment();
  if (closed) return <p className="notice">Comments are closed on this post.</p>;
  if (viewer?.blocked) return <p className="notice">A moderator has paused commenting for your account.</p>;
  return (
    <section id="comment-form" aria-labelledby="comment-form-heading" className="comment-composer">
      <h3 id="comment-form-heading">Join the conversation</h3>
      <CommentForm mode="new" action={postComment} />
    </section>
  );
}
