import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { CommentsSection } from '@/components/comments/comments-section';
import { JsonLd } from '@/components/seo/json-ld';
import { getRedirectedSlug } from '@/db/queries/posts';
import { PostBody } from '@/components/posts/post-body';
import { PostLinks } from '@/components/posts/post-links';
import { PostNeighbours } from '@/components/posts/post-neighbours';
import { SubscribeBox } from '@/components/subscriptions/subscribe-box';
import { readAdjacentPosts, readCategories, readCommentPrivacy, readPost, readRelatedPosts, readSite, readThreadPage } from '@/lib/reader-data';
import { blogPostingLd } from '@/lib/structured-data';
import { redirectIfMoved } from '@/lib/redirects/lookup';

// Rendered on first visit, then cached until the post (or the post list) changes.
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [post, site, privacy] = await Promise.all([readPost((await params).slug), readSite(), readCommentPrivacy()]);
  if (!post) return {};
  // Members-only comments have no public feed (it answers 404).
  const commentFeed = privacy.membersOnly ? {} : { types: { 'application/rss+xml': [{ url: `/posts/${post.slug}/comments/feed.xml`, title: `Comments on “${post.title}” (RSS)` }] } };
  return {
    title: post.title,
    description: post.excerpt,
    alternates: { canonical: `/posts/${post.slug}`, ...commentFeed },
    openGraph: {
      type: 'article',
      siteName: site.name,
      title: post.title,
      description: post.excerpt,
      url: `/posts/${post.slug}`,
      publishedTime: post.publishedAt,
      modifiedTime: post.updatedAt ?? undefined,
      authors: [post.author.name],
      section: post.category?.name,
      tags: post.tags.map((t) => t.name),
    },
    twitter: { card: 'summary_large_image', title: post.title, description: post.excerpt },
  };
}

export default async function PostPage({ params }: Props) {
  const { slug } = await params;
  const post = await readPost(slug);
  if (!post) {
    // A post whose address changed keeps its old links working.
    const moved = await getRedirectedSlug(slug);
    if (moved) permanentRedirect(`/posts/${moved}`);
    await redirectIfMoved(['posts', slug]);
    notFound();
  }
  const [neighbours, related, privacy, site, categories] = await Promise.all([
    readAdjacentPosts({ id: post.id, publishedAt: post.publishedAt }),
    readRelatedPosts({ id: post.id, categorySlug: post.category?.slug ?? null }),
    readCommentPrivacy(),
    readSite(),
    readCategories(),
  ]);
  // With members-only comments the thread never enters the cached page; signed-in members fetch it.
  // Otherwise the page carries the newest conversations only (about 50 comments), to stay light.
  const thread = privacy.membersOnly ? null : await readThreadPage(post.id, post.slug, 0);
  const earlier = thread && thread.earlierPages > 0 ? { count: thread.before, href: `/posts/${post.slug}/comments/${thread.earlierPages}` } : undefined;
  return (
    <article className="post" aria-labelledby="post-title">
      <JsonLd data={blogPostingLd(post, site.name)} />
      <PostBody post={post} />
      <SubscribeBox topics={categories} idPrefix="post-subscribe" heading="Get new posts by email" />
      <PostLinks heading="Related posts" posts={related} id="related-heading" />
      <PostNeighbours {...neighbours} />
      <CommentsSection post={post} comments={thread?.comments ?? []} earlier={earlier} privacy={privacy} />
    </article>
  );
}
