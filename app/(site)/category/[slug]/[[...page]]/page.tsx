import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { PostList } from '@/components/posts/post-list';
import { listAlternates } from '@/lib/list-metadata';
import { parseListingPage } from '@/lib/pagination';
import { readCategory, readPostList, readRenamedCategory } from '@/lib/reader-data';
import { redirectIfMoved } from '@/lib/redirects/lookup';

export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const category = await readCategory(slug);
  if (!category) return {};
  const feed = { path: `/category/${category.slug}/feed.xml`, title: `${category.name} (RSS)` };
  return { title: category.name, description: category.description, alternates: listAlternates(`/category/${category.slug}`, parseListingPage(page), feed) };
}

export default async function CategoryPage({ params }: Props) {
  const { slug, page: segments } = await params;
  const page = parseListingPage(segments);
  const category = page && (await readCategory(slug));
  if (page && !category) {
    // A renamed category (or one deleted into another) keeps its old links, paged ones included.
    const moved = await readRenamedCategory(slug);
    if (moved) permanentRedirect(`/category/${moved}${page > 1 ? `/page/${page}` : ''}`);
  }
  const list = category && (await readPostList(page, { categoryId: category.id }));
  if (!category || !list) {
    await redirectIfMoved(['category', slug, ...(segments ?? [])]);
    notFound();
  }
  return <PostList heading={category.name} intro={category.description && <p className="list-intro">{category.description}</p>} list={list} basePath={`/category/${category.slug}`} />;
}
