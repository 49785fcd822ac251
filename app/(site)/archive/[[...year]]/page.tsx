import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SiteDate } from '@/components/layout/site-date';
import { archiveMonths } from '@/lib/archive';
import { formatMonth } from '@/lib/format';
import { readArchive, readDateStyle } from '@/lib/reader-data';

// `/archive` lists every post by month; `/archive/2026` narrows it to one year.
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ year?: string[] }> };

function parseYear(segments: string[] | undefined): string | null | undefined {
  if (!segments || segments.length === 0) return undefined;
  return segments.length === 1 && /^\d{4}$/.test(segments[0]) ? segments[0] : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const year = parseYear((await params).year);
  return { title: year ? `Archive: ${year}` : 'Archive', alternates: { canonical: year ? `/archive/${year}` : '/archive' } };
}

export default async function ArchivePage({ params }: Props) {
  const year = parseYear((await params).year);
  if (year === null) notFound();
  const style = await readDateStyle();
  const months = archiveMonths(await readArchive(), style.timeZone).filter((m) => !year || m.month.startsWith(`${year}-`));
  if (year && months.length === 0) notFound();
  return (
    <div className="archive">
      <h1>{year ? `Archive: ${year}` : 'Archive'}</h1>
      {year && (
        <p>
          <Link href="/archive">All years</Link>
        </p>
      )}
      {months.length === 0 && <p className="empty-state">Nothing has been published yet.</p>}
      {months.map((month) => (
        <section key={month.month} aria-labelledby={`month-${month.month}`}>
          <h2 id={`month-${month.month}`}>{formatMonth(month.month, style)}</h2>
          <ul className="archive__list">
            {month.posts.map((post) => (
              <li key={post.slug}>
                <SiteDate iso={post.publishedAt} /> <Link href={`/posts/${post.slug}`}>{post.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
