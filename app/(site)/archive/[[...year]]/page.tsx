import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDate, formatMonth } from '@/lib/format';
import { readArchive } from '@/lib/reader-data';

// `/archive` lists every post by month; `/archive/2026` narrows it to one year.
export const generateStaticParams = async () => [];

type Props = { params: Promise<{ year?: string[] }> };

function parseYear(segments: string[] | undefined): string | null | undefined {
  if (!segments || segments.length === 0) return undefined;
  return segments.length === 1 && /^\d{4}$/.test(segments[0]) ? segments[0] : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const year = parseYear((await params).year);
  return { title: year ? `Archive: ${year}` : 'Archive' };
}

export default async function ArchivePage({ params }: Props) {
  const year = parseYear((await params).year);
  if (year === null) notFound();
  const months = (await readArchive()).filter((m) => !year || m.month.startsWith(`${year}-`));
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
          <h2 id={`month-${month.month}`}>{formatMonth(month.month)}</h2>
          <ul className="archive__list">
            {month.posts.map((post) => (
              <li key={post.slug}>
                <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>{' '}
                <Link href={`/posts/${post.slug}`}>{post.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
