import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EarlierComments } from '@/components/comments/earlier-comments';
import { readCommentPrivacy, readPost, readThreadPage } from '@/lib/reader-data';

// Rendered on first visit, then cached until the post's tag (post:<slug>) is invalidated, like the post page.
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page: string }> };

/** Earlier pages are numbered from 1; anything else (0 is the post page itself) is not a page. */
async function load(params: Props['params']) {
  const { slug, page } = await params;
  if (!/^[1-9]\d{0,5}$/.test(page)) return null;
  const [post, privacy] = await Promise.all([readPost(slug), readCommentPrivacy()]);
  // Members-only threads never enter a cached page.
  if (!post || privacy.membersOnly) return null;
  const thread = await readThreadPage(post.id, post.slug, Number(page));
  return thread ? { post, thread, privacy } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { post, thread } = found;
  return {
    title: `Earlier comments on ${post.title} (page ${thread.page} of ${thread.earlierPages})`,
    alternates: { canonical: `/posts/${post.slug}/comments/${thread.page}` },
  };
}

export default async function EarlierCommentsPage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  return <EarlierComments post={found.post} thread={found.thread} noSnippet={found.privacy.noSnippet} />;
}
