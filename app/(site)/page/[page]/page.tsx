import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostLinks } from '@/components/posts/post-links';
import { PostList } from '@/components/posts/post-list';
import { JsonLd } from '@/components/seo/json-ld';
import { websiteLd } from '@/lib/structured-data';
import { listAlternates } from '@/lib/list-metadata';
import { parsePageNumber } from '@/lib/pagination';
import { readPopularPosts, readPostList, readSite } from '@/lib/reader-data';

// The home page (`/` is rewritten to /page/1) and its older pages, rendered on first visit and cached.
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageNumber((await params).page);
  return { ...(page && page > 1 ? { title: `Latest posts, page ${page}` } : {}), alternates: listAlternates('/', page) };
}

export default async function HomePage({ params }: Props) {
  const page = parsePageNumber((await params).page);
  const list = page && (await readPostList(page));
  if (!list) notFound();
  const [site, popular] = await Promise.all([readSite(), page === 1 ? readPopularPosts() : []]);
  return (
    <>
      {page === 1 && <JsonLd data={websiteLd(site.name)} />}
      <PostList heading={page === 1 ? `Latest from ${site.name}` : `Latest posts, page ${page}`} list={list} basePath="/" />
      <PostLinks heading="Popular this month" posts={popular} id="popular-heading" />
    </>
  );
}
