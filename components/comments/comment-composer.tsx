'use client';
/** The "join the conversation" form under the thread (with name and address for someone not signed in), or a clear word on why it is not there. */
import { requestWaitingCommentAction } from '@/lib/actions/waiting-comments';
import { CommentForm } from './comment-form';
import { useComments } from './comments-context';
import { usePostComment } from './post-comment';

export function CommentComposer() {
  const { closed, viewer, loaded } = useComments();
  const postComment = usePostComment();
  if (closed) return <p className="notice">Comments are closed on this post.</p>;
  if (viewer?.blocked) return <p className="notice">A moderator has paused commenting for your account.</p>;
  return (
    <section id="comment-form" aria-labelledby="comment-form-heading" className="comment-composer">
      <h3 id="comment-form-heading">Join the conversation</h3>
      {/* Someone not signed in gives a name and an address with the comment (issue 16); keyed so the form starts again as that one. */}
      {loaded && !viewer ? <CommentForm key="guest" mode="guest" action={requestWaitingCommentAction} /> : <CommentForm key="new" mode="new" action={postComment} />}
    </section>
  );
}
