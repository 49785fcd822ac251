import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/posts/post-list';
import { parseListingPage } from '@/lib/pagination';
import { readPostList, readTag } from '@/lib/reader-data';

export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await readTag((await params).slug);
  return tag ? { title: `Posts tagged ${tag.name}` } : {};
}

export default async function TagPage({ params }: Props) {
  const { slug, page: segments } = await params;
  const page = parseListingPage(segments);
  const tag = page && (await readTag(slug));
  const list = tag && (await readPostList(page, { tagId: tag.id }));
  if (!tag || !list) notFound();
  return <PostList heading={`Posts tagged “${tag.name}”`} list={list} basePath={`/tag/${tag.slug}`} />;
}
