/**
 * One page of a long thread's earlier conversations, at /posts/<slug>/comments/<page> (page 1 the
 * oldest). Cached like the post page and read without JavaScript; members can still reply, edit and report.
 */
import type { ThreadPage } from '@/lib/comments/thread-pages';
import { buildThread } from '@/lib/comments/thread';
import { PageLinks } from '@/components/ui/pagination';
import { ThreadList } from './comment-tree';
import { CommentsProvider } from './comments-context';
import { FollowCommentLink } from './follow-comment-link';

type Props = {
  post: { id: number; slug: string; title: string; commentsClosed: boolean };
  thread: ThreadPage;
  noSnippet: boolean;
};

export function EarlierComments({ post, thread, noSnippet }: Props) {
  const postPath = `/posts/${post.slug}`;
  const { page, earlierPages } = thread;
  const later = page < earlierPages ? `${postPath}/comments/${page + 1}` : `${postPath}#comments`;
  return (
    <section aria-labelledby="earlier-comments-heading" className="earlier-comments" data-nosnippet={noSnippet ? '' : undefined}>
      <p>
        <a href={postPath}>← Back to the post</a>
      </p>
      <h1 id="earlier-comments-heading">Earlier comments on “{post.title}”</h1>
      <CommentsProvider postId={post.id} postPath={postPath} closed={post.commentsClosed}>
        <FollowCommentLink />
        <ThreadList threads={buildThread(thread.comments)} />
      </CommentsProvider>
      <PageLinks
        label="Pages of comments"
        page={page}
        totalPages={earlierPages}
        prev={page > 1 ? { href: `${postPath}/comments/${page - 1}`, text: '← Earlier comments' } : undefined}
        next={{ href: later, text: page < earlierPages ? 'Later comments →' : 'Newest comments →' }}
      />
    </section>
  );
}
