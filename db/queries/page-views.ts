/**
 * The view beacon's writes: one upsert per path and referring site in a batch (views = views + n), nothing else. What is
 * stored is a day, a reader path (and its post), and a referring site's host: never an address, a
 * browser's name or anything else that could tell one reader from another.
 */
import 'server-only';
import { and, count, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { categories, pages, pageViewCounts, posts, referrerCounts, siteSettings, tags, users } from '@/db/schema';

/** Past this many referring sites in one day, further new ones are counted together as "other". */
export const REFERRER_HOSTS_PER_DAY = 200;
export const OTHER_REFERRERS = 'other';

export type CountedPath = { kind: 'fixed' | 'post' | 'category' | 'tag' | 'author' | 'page'; slug?: string; path: string };

/** Whether an admin left counting on (it is, before the settings are first saved). */
export async function isCountingViews(): Promise<boolean> {
  const [row] = await getDb().select({ on: siteSettings.statsEnabled }).from(siteSettings).where(eq(siteSettings.id, 1)).limit(1);
  return row?.on ?? true;
}

/** Whether the first row of a read exists. */
const found = async (rows: Promise<unknown[]>) => (await rows).length > 0;

/**
 * Whether the path is a page readers can see now: a published post or page, an existing category, tag
 * or author. Returns the post's id for a post, null for others that exist, undefined for none.
 */
export async function findReaderPage(target: CountedPath, now = new Date()): Promise<{ postId: number | null } | undefined> {
  const db = getDb();
  const slug = target.slug ?? '';
  switch (target.kind) {
    case 'fixed':
      return { postId: null };
    case 'post': {
      const [post] = await db
        .select({ id: posts.id })
        .from(posts)
        .where(and(eq(posts.slug, slug), eq(posts.status, 'published'), lte(posts.publishedAt, now)))
        .limit(1);
      return post ? { postId: post.id } : undefined;
    }
    case 'page':
      return (await found(
        db
          .select({ id: pages.id })
          .from(pages)
          .where(and(eq(pages.slug, slug), eq(pages.status, 'published')))
          .limit(1),
      ))
        ? { postId: null }
        : undefined;
    case 'category':
      return (await found(db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).limit(1))) ? { postId: null } : undefined;
    case 'tag':
      return (await found(db.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug)).limit(1))) ? { postId: null } : undefined;
    case 'author':
      return (await found(db.select({ id: users.id }).from(users).where(eq(users.slug, slug)).limit(1))) ? { postId: null } : undefined;
  }
}

export type ViewRow = { path: string; postId: number | null; referrerHost: string | null; views: number };

/** Adds each row's views to its path on `day`, and to its referring site when there is one, in one transaction. */
export async function countViewRows(day: string, rows: ViewRow[]): Promise<void> {
  if (rows.length === 0) return;
  await withTransaction(async (tx) => {
    const referrersThatDay = async (host?: string) =>
      (
        await tx
          .select({ n: count() })
          .from(referrerCounts)
          .where(and(eq(referrerCounts.day, day), host === undefined ? undefined : eq(referrerCounts.host, host)))
      )[0].n;
    for (const row of rows) {
      await tx
        .insert(pageViewCounts)
        .values({ day, path: row.path, postId: row.postId, views: row.views })
        .onConflictDoUpdate({ target: [pageViewCounts.day, pageViewCounts.path], set: { views: sql`${pageViewCounts.views} + ${row.views}`, postId: row.postId } });
      if (!row.referrerHost) continue;
      let host = row.referrerHost;
      const known = (await referrersThatDay(host)) > 0;
      if (!known && (await referrersThatDay()) >= REFERRER_HOSTS_PER_DAY) host = OTHER_REFERRERS;
      await tx
        .insert(referrerCounts)
        .values({ day, host, views: row.views })
        .onConflictDoUpdate({ target: [referrerCounts.day, referrerCounts.host], set: { views: sql`${referrerCounts.views} + ${row.views}` } });
    }
  });
}
