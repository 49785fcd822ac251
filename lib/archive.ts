/** The archive's months: posts grouped by the month they came out on the site's calendar (not UTC's). */
import type { ArchivePost } from '@/db/queries/posts';
import { localDay } from './local-time';

export type ArchiveMonth = { month: string; posts: ArchivePost[] };

/** Posts newest first → months newest first ("2026-03"), each with its posts in the same order. */
export function archiveMonths(posts: ArchivePost[], timeZone: string): ArchiveMonth[] {
  const months: ArchiveMonth[] = [];
  for (const post of posts) {
    const month = localDay(new Date(post.publishedAt), timeZone).slice(0, 7);
    if (months.at(-1)?.month !== month) months.push({ month, posts: [] });
    months.at(-1)!.posts.push(post);
  }
  return months;
}
