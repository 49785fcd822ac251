import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { PostList } from '@/components/posts/post-list';
import { listAlternates } from '@/lib/list-metadata';
import { parseListingPage } from '@/lib/pagination';
import { readPostList, readRenamedTag, readTag } from '@/lib/reader-data';
import { redirectIfMoved } from '@/lib/redirects/lookup';

export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const tag = await readTag(slug);
  if (!tag) return {};
  const feed = { path: `/tag/${tag.slug}/feed.xml`, title: `Posts tagged ${tag.name} (RSS)` };
  return { title: `Posts tagged ${tag.name}`, alternates: listAlternates(`/tag/${tag.slug}`, parseListingPage(page), feed) };
}

export default async function TagPage({ params }: Props) {
  const { slug, page: segments } = await params;
  const page = parseListingPage(segments);
  const tag = page && (await readTag(slug));
  if (page && !tag) {
    // A renamed tag (or one merged into another) keeps its old links, paged ones included.
    const moved = await readRenamedTag(slug);
    if (moved) permanentRedirect(`/tag/${moved}${page > 1 ? `/page/${page}` : ''}`);
  }
  const list = tag && (await readPostList(page, { tagId: tag.id }));
  if (!tag || !list) {
    await redirectIfMoved(['tag', slug, ...(segments ?? [])]);
    notFound();
  }
  return <PostList heading={`Posts tagged “${tag.name}”`} list={list} basePath={`/tag/${tag.slug}`} />;
}
