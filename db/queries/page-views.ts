/**
 * The view beacon's writes: one upsert per path and referring site in a batch (views = views + n), nothing else. What is
 * stored is a day, a reader path (and its post), and a referring site's host: never an address, a
 * browser's name or anything else that could tell one reader from another.
 */
import 'server-only';
import { and, count, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { categories, pages, pageViewCounts, posts, referrerCounts, siteSettings, tags, users } from '@/db/schema';

/** Past this many referring sites in one day, further new ones are counted together as "other". */
export const REFERRER_HOSTS_PER_DAY = 200;
export const OTHER_REFERRERS = 'other';

export type CountedPath = { kind: 'fixed' | 'post' | 'category' | 'tag' | 'author' | 'page'; slug?: string; path: string };

/** Whether an admin left counting on (it is, before the settings are first saved). */
export function isCountingViews(): boolean {
  const row = getDb().select({ on: siteSettings.statsEnabled }).from(siteSettings).where(eq(siteSettings.id, 1)).get();
  return row?.on ?? true;
}

/**
 * Whether the path is a page readers can see now: a published post or page, an existing category, tag
 * or author. Returns the post's id for a post, null for others that exist, undefined for none.
 */
export function findReaderPage(target: CountedPath, now = new Date()): { postId: number | null } | undefined {
  const db = getDb();
  const slug = target.slug ?? '';
  switch (target.kind) {
    case 'fixed':
      return { postId: null };
    case 'post': {
      const post = db
        .select({ id: posts.id })
        .from(posts)
        .where(and(eq(posts.slug, slug), eq(posts.status, 'published'), lte(posts.publishedAt, now)))
        .get();
      return post ? { postId: post.id } : undefined;
    }
    case 'page':
      return db
        .select({ id: pages.id })
        .from(pages)
        .where(and(eq(pages.slug, slug), eq(pages.status, 'published')))
        .get()
        ? { postId: null }
        : undefined;
    case 'category':
      return db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get() ? { postId: null } : undefined;
    case 'tag':
      return db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).get() ? { postId: null } : undefined;
    case 'author':
      return db.select({ id: users.id }).from(users).where(eq(users.slug, slug)).get() ? { postId: null } : undefined;
  }
}

export type ViewRow = { path: string; postId: number | null; referrerHost: string | null; views: number };

/** Adds each row's views to its path on `day`, and to its referring site when there is one, in one transaction. */
export function countViewRows(day: string, rows: ViewRow[]): void {
  if (rows.length === 0) return;
  getDb().transaction(
    (tx) => {
      for (const row of rows) {
        tx.insert(pageViewCounts)
          .values({ day, path: row.path, postId: row.postId, views: row.views })
          .onConflictDoUpdate({ target: [pageViewCounts.day, pageViewCounts.path], set: { views: sql`${pageViewCounts.views} + ${row.views}`, postId: row.postId } })
          .run();
        if (!row.referrerHost) continue;
        let host = row.referrerHost;
        const known =
          tx
            .select({ n: count() })
            .from(referrerCounts)
            .where(and(eq(referrerCounts.day, day), eq(referrerCounts.host, host)))
            .get()!.n > 0;
        if (!known && tx.select({ n: count() }).from(referrerCounts).where(eq(referrerCounts.day, day)).get()!.n >= REFERRER_HOSTS_PER_DAY) host = OTHER_REFERRERS;
        tx.insert(referrerCounts)
          .values({ day, host, views: row.views })
          .onConflictDoUpdate({ target: [referrerCounts.day, referrerCounts.host], set: { views: sql`${referrerCounts.views} + ${row.views}` } })
          .run();
      }
    },
    { behavior: 'immediate' },
  );
}
