/** The byline under a post title: author, dates, reading time and comment count. */
import Link from 'next/link';
import type { PostSummary } from '@/db/queries/posts';
import { SiteDate } from '@/components/layout/site-date';
import { pluralize } from '@/lib/format';

export function PostMeta({ post, linkComments = false }: { post: PostSummary; linkComments?: boolean }) {
  const comments = post.commentCount === 0 ? 'No comments yet' : pluralize(post.commentCount, 'comment');
  return (
    <p className="post-meta">
      <span>By {post.author.slug ? <Link href={`/author/${post.author.slug}`}>{post.author.name}</Link> : post.author.name}</span>
      <span>
        <SiteDate iso={post.publishedAt} />
      </span>
      {post.updatedAt && (
        <span>
          Updated <SiteDate iso={post.updatedAt} />
        </span>
      )}
      <span>{post.readingMinutes} min read</span>
      <span>{linkComments ? <a href="#comments">{comments}</a> : comments}</span>
    </p>
  );
}
