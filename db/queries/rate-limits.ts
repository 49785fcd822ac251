/** Sliding-window counters stored in SQLite, so limits survive a restart. */
import 'server-only';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { rateLimitHits } from '@/db/schema';

/**
 * Records an attempt under `key` unless `limit` attempts already fall inside the window.
 * Returns whether this attempt is allowed. One transaction, so two requests cannot both slip in.
 */
export function recordRateLimitHit(key: string, limit: number, windowMs: number, now = new Date()): boolean {
  const since = new Date(now.getTime() - windowMs);
  return getDb().transaction(
    (tx) => {
      tx.delete(rateLimitHits)
        .where(and(eq(rateLimitHits.key, key), lt(rateLimitHits.at, since)))
        .run();
      const [{ n }] = tx
        .select({ n: count() })
        .from(rateLimitHits)
        .where(and(eq(rateLimitHits.key, key), gte(rateLimitHits.at, since)))
        .all();
      if (n >= limit) return false;
      tx.insert(rateLimitHits).values({ key, at: now }).run();
      return true;
    },
    { behavior: 'immediate' },
  );
}
