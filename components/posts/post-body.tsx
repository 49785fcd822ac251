/**
 * A post as readers see it: header, content note, cover image, contents and text. Shared by the
 * post page and the editor's preview, so a preview never differs from what gets published.
 */
import Link from 'next/link';
import type { PostDetail } from '@/db/queries/posts';
import { SiteDate } from '@/components/layout/site-date';
import { renderMarkdown, type RenderedMarkdown } from '@/lib/markdown';
import { PostMeta } from './post-meta';
import { Prose } from './prose';
import { TableOfContents } from './table-of-contents';

export async function PostBody({ post }: { post: PostDetail }) {
  const { html, headings } = await renderMarkdown(post.body);
  return (
    <>
      <header className="post__header">
        {post.category && (
          <p className="post__category">
            Posted in <Link href={`/category/${post.category.slug}`}>{post.category.name}</Link>
          </p>
        )}
        <h1 id="post-title">{post.title}</h1>
        <PostMeta post={post} linkComments />
        {post.lastReviewedAt && (
          <p className="post__reviewed">
            Health information last reviewed on <SiteDate iso={post.lastReviewedAt} />
          </p>
        )}
        {post.tags.length > 0 && (
          <ul className="tag-list" aria-label="Tags">
            {post.tags.map((tag) => (
              <li key={tag.slug}>
                <Link href={`/tag/${tag.slug}`}>#{tag.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </header>
      {post.contentNote ? (
        <details className="content-note">
          <summary>Content note: {post.contentNote}. Show the post</summary>
          <PostText post={post} html={html} headings={headings} />
        </details>
      ) : (
        <PostText post={post} html={html} headings={headings} />
      )}
    </>
  );
}

type TextProps = { post: PostDetail } & RenderedMarkdown;

function PostText({ post, html, headings }: TextProps) {
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used */}
      {post.cover && <img className="post__cover" src={post.cover.url} width={post.cover.width} height={post.cover.height} alt={post.cover.alt} />}
      <TableOfContents headings={headings} />
      <Prose html={html} />
    </>
  );
}
