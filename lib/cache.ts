/**
 * Cache tags for reader pages. A page is rendered once and kept until one of the tags it
 * read is invalidated; writes call revalidateTag/updateTag with exactly these names.
 */
import { unstable_cache } from 'next/cache';
import { getPublicationClock } from '@/db/queries/posts';

export const TAGS = {
  /** Any list of posts (home, category, tag, author, archive, neighbours). */
  posts: 'posts',
  /** A post page: its text, its comment thread and its comment count. */
  post: (slug: string) => `post:${slug}`,
  /** Comment counts shown on post cards. */
  comments: 'comments',
  /** Site name, navigation, community links and static pages. */
  site: 'site',
} as const;

const showsPosts = (tags: string[]) => tags.some((tag) => tag === TAGS.posts || tag.startsWith('post:'));

/**
 * Reads of posts carry the publication clock: the cached copy expires when the next scheduled post is
 * due (so the page is made again then), and its key changes once it is visible (so that new copy is
 * made from fresh data, not from the stale one). A scheduled post appears without anyone pressing a button.
 */
function scheduleAware(now = Date.now()): { keyPart: string; revalidate: number | undefined } {
  const clock = getPublicationClock(new Date(now));
  const next = clock.nextScheduledAt?.getTime();
  return { keyPart: clock.visibleVersion, revalidate: next ? Math.max(1, Math.ceil((next - now) / 1000)) : undefined };
}

/** Wraps a synchronous read so that pages calling it are tagged; its JSON arguments become part of the cache key. */
export function taggedRead<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Result,
  tagsFor: (...args: Args) => string[],
): (...args: Args) => Promise<Result> {
  return (...args) => {
    const tags = tagsFor(...args);
    const { keyPart, revalidate } = showsPosts(tags) ? scheduleAware() : { keyPart: '', revalidate: undefined };
    return unstable_cache(async () => read(...args), [name, JSON.stringify(args), keyPart], { tags, revalidate })();
  };
}
