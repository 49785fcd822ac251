import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { redirectIfMoved } from '@/lib/redirects/lookup';

/**
 * Where next.config.js sends addresses that no route answers (/2024/05/01/pacing, /wp-content/uploads/…)
 * and WordPress's query addresses on the home page (/?p=42): the moved-address table is read here, on the
 * way to a 404, so pages that render never pay for it. Rendered per request like global-not-found, so junk
 * addresses never fill the page cache and every hit is counted.
 */
type Props = { params: Promise<{ path?: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MovedAddress({ params, searchParams }: Props) {
  await connection();
  const segments = (await params).path ?? [];
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === 'string') query.set(key, value);
  await redirectIfMoved(segments, query);
  notFound();
}
