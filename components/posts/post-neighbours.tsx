/** Links to the previous (older) and next (newer) posts. */
import Link from 'next/link';
import type { PostLink } from '@/db/queries/posts';

export function PostNeighbours({ previous, next }: { previous: PostLink | null; next: PostLink | null }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="More posts" className="post-neighbours">
      {previous && (
        <Link href={`/posts/${previous.slug}`} rel="prev" className="post-neighbours__prev">
          <span className="post-neighbours__label">Previous post</span>
          {previous.title}
        </Link>
      )}
      {next && (
        <Link href={`/posts/${next.slug}`} rel="next" className="post-neighbours__next">
          <span className="post-neighbours__label">Next post</span>
          {next.title}
        </Link>
      )}
    </nav>
  );
}
