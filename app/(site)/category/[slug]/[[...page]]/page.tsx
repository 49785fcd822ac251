import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/posts/post-list';
import { parseListingPage } from '@/lib/pagination';
import { readCategory, readPostList } from '@/lib/reader-data';

export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await readCategory((await params).slug);
  return category ? { title: category.name, description: category.description } : {};
}

export default async function CategoryPage({ params }: Props) {
  const { slug, page: segments } = await params;
  const page = parseListingPage(segments);
  const category = page && (await readCategory(slug));
  const list = category && (await readPostList(page, { categoryId: category.id }));
  if (!category || !list) notFound();
  return (
    <PostList
      heading={category.name}
      intro={category.description && <p className="list-intro">{category.description}</p>}
      list={list}
      basePath={`/category/${category.slug}`}
    />
  );
}
