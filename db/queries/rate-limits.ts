/** Sliding-window counters stored in the database, so limits survive a restart. */
import 'server-only';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { rateLimitHits } from '@/db/schema';
import { lockFor, withTransaction } from '@/db/transaction';

/**
 * Records an attempt under `key` unless `limit` attempts already fall inside the window.
 * Returns whether this attempt is allowed. One transaction (the caller's, when it runs inside one) holding the
 * key's lock, so two requests cannot both slip in.
 */
export function recordRateLimitHit(key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - windowMs);
  return withTransaction(async () => {
    await lockFor(`rate limit ${key}`);
    const db = getDb();
    await db.delete(rateLimitHits).where(and(eq(rateLimitHits.key, key), lt(rateLimitHits.at, since)));
    const [{ n }] = await db
      .select({ n: count() })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.key, key), gte(rateLimitHits.at, since)));
    if (n >= limit) return false;
    await db.insert(rateLimitHits).values({ key, at: now });
    return true;
  });
}
