/**
 * Cache tags for reader pages. A page is rendered once and kept until one of the tags it
 * read is invalidated; writes call revalidateTag/updateTag with exactly these names.
 */
import { unstable_cache } from 'next/cache';

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

/** Wraps a read (synchronous or async) so that pages calling it are tagged; its JSON arguments become part of the cache key. */
export function taggedRead<Args extends unknown[], Result>(name: string, read: (...args: Args) => Result | Promise<Result>, tagsFor: (...args: Args) => string[]): (...args: Args) => Promise<Result> {
  return (...args) => unstable_cache(async () => read(...args), [name, JSON.stringify(args)], { tags: tagsFor(...args) })();
}
