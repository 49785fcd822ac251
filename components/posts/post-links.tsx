/** A short titled list of links to posts: "Related posts", "Popular this month". */
import Link from 'next/link';
import type { PostLink } from '@/db/queries/posts';

export function PostLinks({ heading, posts, id }: { heading: string; posts: PostLink[]; id: string }) {
  if (posts.length === 0) return null;
  return (
    <aside aria-labelledby={id} className="post-links">
      <h2 id={id}>{heading}</h2>
      <ul>
        {posts.map((post) => (
          <li key={post.slug}>
            <Link href={`/posts/${post.slug}`}>{post.title}</Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
