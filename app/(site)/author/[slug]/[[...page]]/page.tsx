import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/posts/post-list';
import { listAlternates } from '@/lib/list-metadata';
import { parseListingPage } from '@/lib/pagination';
import { readAuthor, readPostList } from '@/lib/reader-data';
import { redirectIfMoved } from '@/lib/redirects/lookup';

export const generateStaticParams = async () => [];

type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const author = await readAuthor(slug);
  return author ? { title: `Posts by ${author.name}`, description: author.bio, alternates: listAlternates(`/author/${author.slug}`, parseListingPage(page)) } : {};
}

export default async function AuthorPage({ params }: Props) {
  const { slug, page: segments } = await params;
  const page = parseListingPage(segments);
  const author = page && (await readAuthor(slug));
  const list = author && (await readPostList(page, { authorId: author.id }));
  if (!author || !list) {
    await redirectIfMoved(['author', slug, ...(segments ?? [])]);
    notFound();
  }
  return <PostList heading={`Posts by ${author.name}`} intro={author.bio && <p className="list-intro">{author.bio}</p>} list={list} basePath={`/author/${author.slug}`} />;
}
