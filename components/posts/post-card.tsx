/** One post in a list: enough to decide whether to read it. */
import Link from 'next/link';
import type { PostSummary } from '@/db/queries/posts';
import { PostMeta } from './post-meta';

export function PostCard({ post }: { post: PostSummary }) {
  return (
    <article className="post-card">
      {post.category && (
        <p className="post-card__category">
          <Link href={`/category/${post.category.slug}`}>{post.category.name}</Link>
        </p>
      )}
      <h2 className="post-card__title">
        <Link href={`/posts/${post.slug}`}>{post.title}</Link>
      </h2>
      <PostMeta post={post} />
      {post.excerpt && <p className="post-card__excerpt">{post.excerpt}</p>}
    </article>
  );
}
