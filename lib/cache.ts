/**
 * Cache tags for reader pages. A page is rendered once and kept until one of the tags it
 * read is invalidated; writes call revalidateTag/updateTag with exactly these names.
 */
import { unstable_cache } from 'next/cache';
import { getNextScheduledAt } from '@/db/queries/posts';

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
 * Seconds until the next scheduled post is due, or undefined when none is waiting. Reads of posts
 * expire then, so a scheduled post appears on every list at its time without anyone pressing a button.
 */
function secondsUntilNextScheduledPost(now = Date.now()): number | undefined {
  const next = getNextScheduledAt(new Date(now));
  return next ? Math.max(1, Math.ceil((next.getTime() - now) / 1000)) : undefined;
}

/** Wraps a synchronous read so that pages calling it are tagged; its JSON arguments become part of the cache key. */
export function taggedRead<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Result,
  tagsFor: (...args: Args) => string[],
): (...args: Args) => Promise<Result> {
  return (...args) => {
    const tags = tagsFor(...args);
    const revalidate = showsPosts(tags) ? secondsUntilNextScheduledPost() : undefined;
    return unstable_cache(async () => read(...args), [name, JSON.stringify(args)], { tags, revalidate })();
  };
}
