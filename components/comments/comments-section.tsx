/**
 * The comment thread under a post. The thread is part of the cached page, the same for everyone;
 * the form, held comments and per-person controls are small client pieces that ask /api/posts/[id]/comments.
 * A long thread brings only its newest conversations; a plain link leads to the earlier ones.
 */
import type { CommentView } from '@/db/queries/comment-view';
import { buildThread } from '@/lib/comments/thread';
import { pluralize } from '@/lib/format';
import { CommentComposer } from './comment-composer';
import { ThreadList } from './comment-tree';
import { CommentsProvider } from './comments-context';
import { FollowCommentLink } from './follow-comment-link';
import { HeldComments } from './held-comments';
import { MembersOnlyThread } from './members-only-thread';

type Props = {
  post: { id: number; slug: string; commentCount: number; commentsClosed: boolean };
  comments: CommentView[];
  /** Comments on earlier pages, and the address of the latest of those pages. */
  earlier?: { count: number; href: string };
  privacy?: { membersOnly: boolean; noSnippet: boolean };
};

export function CommentsSection({ post, comments, earlier, privacy = { membersOnly: false, noSnippet: false } }: Props) {
  const threads = buildThread(comments);
  return (
    <section id="comments" aria-labelledby="comments-heading" className="comments" data-nosnippet={privacy.noSnippet ? '' : undefined}>
      <h2 id="comments-heading">{post.commentCount > 0 ? pluralize(post.commentCount, 'comment') : 'Comments'}</h2>
      <CommentsProvider postId={post.id} postPath={`/posts/${post.slug}`} closed={post.commentsClosed}>
        <FollowCommentLink threadInPage={!privacy.membersOnly} />
        {!privacy.membersOnly && earlier && earlier.count > 0 && (
          <p className="comments__earlier">
            <a href={earlier.href}>{`Read ${pluralize(earlier.count, 'earlier comment')}`}</a>
          </p>
        )}
        {privacy.membersOnly ? <MembersOnlyThread /> : threads.length > 0 ? <ThreadList threads={threads} /> : <p>No comments yet. Share how this landed for you.</p>}
        <HeldComments />
        <CommentComposer />
      </CommentsProvider>
    </section>
  );
}
