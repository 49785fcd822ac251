import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SiteDate } from '@/components/layout/site-date';
import { Prose } from '@/components/posts/prose';
import { renderMarkdown } from '@/lib/markdown';
import { readPage } from '@/lib/reader-data';
import { redirectIfMoved } from '@/lib/redirects/lookup';

// Static pages edited by volunteers: About, Privacy, Medical disclaimer…
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ pageSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await readPage((await params).pageSlug);
  return page ? { title: page.title, alternates: { canonical: `/${page.slug}` } } : {};
}

export default async function StaticPage({ params }: Props) {
  const { pageSlug } = await params;
  const page = await readPage(pageSlug);
  if (!page) {
    await redirectIfMoved([pageSlug]);
    notFound();
  }
  const { html } = await renderMarkdown(page.body);
  return (
    <article className="page-narrow" aria-labelledby="page-title">
      <h1 id="page-title">{page.title}</h1>
      <Prose html={html} />
      {page.updatedAt && (
        <p className="post-meta">
          Last updated <SiteDate iso={page.updatedAt} />
        </p>
      )}
    </article>
  );
}
