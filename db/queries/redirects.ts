/**
 * The moved-address table: the one read a 404 makes (by normalized path; only not-found paths call it, so
 * pages that render never touch the table) and the hit counts the server hands in; the admin list and its edits;
 * and the import's write, which never overwrites an admin's own redirect.
 */
import 'server-only';
import { asc, count, desc, eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { redirects, type RedirectOrigin } from '@/db/schema';
import { withTransaction } from '@/db/transaction';
import { containsText, isUniqueViolation } from '@/db/dialect';

/** Where the redirect stored for a normalized `fromPath` goes, or null. */
export async function findRedirectTarget(fromPath: string): Promise<string | null> {
  const [row] = await getDb().select({ toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, fromPath)).limit(1);
  return row?.toPath ?? null;
}

/** Adds uses of moved addresses, by normalized from-path, in one transaction; paths with no redirect change nothing. */
export async function addRedirectHits(hits: { fromPath: string; n: number }[], at: Date): Promise<void> {
  if (hits.length === 0) return;
  await withTransaction(async (tx) => {
    for (const { fromPath, n } of hits) {
      await tx
        .update(redirects)
        .set({ hits: sql`${redirects.hits} + ${n}`, lastHitAt: at })
        .where(eq(redirects.fromPath, fromPath));
    }
  });
}

/** One row of the admin list. */
export type RedirectRow = { id: number; fromPath: string; toPath: string; hits: number; lastHitAt: Date | null; origin: RedirectOrigin };

const rowColumns = { id: redirects.id, fromPath: redirects.fromPath, toPath: redirects.toPath, hits: redirects.hits, lastHitAt: redirects.lastHitAt, origin: redirects.origin };

/** One page of redirects, most used first, those whose from or to address contains `search` (any case). */
export async function listRedirects({ search, page, perPage }: { search: string; page: number; perPage: number }): Promise<{ rows: RedirectRow[]; total: number }> {
  const where = search ? or(containsText(redirects.fromPath, search.toLowerCase()), containsText(redirects.toPath, search)) : undefined;
  const [counted] = await getDb().select({ n: count() }).from(redirects).where(where);
  const total = counted?.n ?? 0;
  const rows = await getDb()
    .select(rowColumns)
    .from(redirects)
    .where(where)
    .orderBy(desc(redirects.hits), asc(redirects.fromPath))
    .limit(perPage)
    .offset((page - 1) * perPage);
  return { rows, total };
}

export async function getRedirect(id: number): Promise<RedirectRow | null> {
  const [row] = await getDb().select(rowColumns).from(redirects).where(eq(redirects.id, id)).limit(1);
  return row ?? null;
}

export type RedirectWrite = { outcome: 'saved'; id: number } | { outcome: 'duplicate' } | { outcome: 'gone' };

/**
 * Adds an admin's redirect, or changes one (`id`): a from address another row already has is refused
 * (the unique index decides, so two tabs cannot both add it). Edited rows become the admin's own, so a
 * later import does not overwrite them.
 */
export async function saveRedirect(input: { id?: number; fromPath: string; toPath: string }): Promise<RedirectWrite> {
  try {
    return await withTransaction(async (tx): Promise<RedirectWrite> => {
      if (input.id === undefined) {
        const [row] = await tx.insert(redirects).values({ fromPath: input.fromPath, toPath: input.toPath, origin: 'admin' }).returning({ id: redirects.id });
        return { outcome: 'saved', id: row.id };
      }
      const [row] = await tx.update(redirects).set({ fromPath: input.fromPath, toPath: input.toPath, origin: 'admin' }).where(eq(redirects.id, input.id)).returning({ id: redirects.id });
      return row ? { outcome: 'saved', id: row.id } : { outcome: 'gone' };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: 'duplicate' };
    throw error;
  }
}

/** Removes a redirect; null when it was already gone. */
export async function deleteRedirect(id: number): Promise<{ fromPath: string } | null> {
  const [row] = await withTransaction((tx) => tx.delete(redirects).where(eq(redirects.id, id)).returning({ fromPath: redirects.fromPath }));
  return row ?? null;
}

// Read by its code, not instanceof: the driver's errors can come from another realm (jest's module sandbox).
