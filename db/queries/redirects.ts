/**
 * The moved-address table: the one read a 404 makes (by normalized path) and its hit count (only the
 * not-found paths call these, so pages that render never touch the table); the admin list and its edits;
 * and the import's write, which never overwrites an admin's own redirect.
 */
import 'server-only';
import { asc, count, desc, eq, or, sql } from 'drizzle-orm';
import { getDb, type Db, type Transaction } from '@/db/index';
import { redirects, type RedirectOrigin } from '@/db/schema';
import { containsText } from './contains-text';

export type RedirectTarget = { id: number; toPath: string };

/** The redirect stored for a normalized `fromPath`, or null. */
export function findRedirect(fromPath: string): RedirectTarget | null {
  return getDb().select({ id: redirects.id, toPath: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, fromPath)).get() ?? null;
}

/** Counts one use of a redirect. */
export function recordRedirectHit(id: number, at: Date): void {
  getDb()
    .update(redirects)
    .set({ hits: sql`${redirects.hits} + 1`, lastHitAt: at })
    .where(eq(redirects.id, id))
    .run();
}

/** One row of the admin list. */
export type RedirectRow = { id: number; fromPath: string; toPath: string; hits: number; lastHitAt: Date | null; origin: RedirectOrigin };

const rowColumns = { id: redirects.id, fromPath: redirects.fromPath, toPath: redirects.toPath, hits: redirects.hits, lastHitAt: redirects.lastHitAt, origin: redirects.origin };

/** One page of redirects, most used first, those whose from or to address contains `search` (any case). */
export function listRedirects({ search, page, perPage }: { search: string; page: number; perPage: number }): { rows: RedirectRow[]; total: number } {
  const where = search ? or(containsText(redirects.fromPath, search.toLowerCase()), containsText(redirects.toPath, search)) : undefined;
  const total = getDb().select({ n: count() }).from(redirects).where(where).get()?.n ?? 0;
  const rows = getDb()
    .select(rowColumns)
    .from(redirects)
    .where(where)
    .orderBy(desc(redirects.hits), asc(redirects.fromPath))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { rows, total };
}

export function getRedirect(id: number): RedirectRow | null {
  return getDb().select(rowColumns).from(redirects).where(eq(redirects.id, id)).get() ?? null;
}

export type RedirectWrite = { outcome: 'saved'; id: number } | { outcome: 'duplicate' } | { outcome: 'gone' };

/**
 * Adds an admin's redirect, or changes one (`id`): a from address another row already has is refused
 * (the unique index decides, so two tabs cannot both add it). Edited rows become the admin's own, so a
 * later import does not overwrite them.
 */
export function saveRedirect(input: { id?: number; fromPath: string; toPath: string }): RedirectWrite {
  try {
    if (input.id === undefined) {
      const row = getDb().insert(redirects).values({ fromPath: input.fromPath, toPath: input.toPath, origin: 'admin' }).returning({ id: redirects.id }).get();
      return { outcome: 'saved', id: row.id };
    }
    const row = getDb()
      .update(redirects)
      .set({ fromPath: input.fromPath, toPath: input.toPath, origin: 'admin' })
      .where(eq(redirects.id, input.id))
      .returning({ id: redirects.id })
      .get();
    return row ? { outcome: 'saved', id: row.id } : { outcome: 'gone' };
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: 'duplicate' };
    throw error;
  }
}

/** Removes a redirect; null when it was already gone. */
export function deleteRedirect(id: number): { fromPath: string } | null {
  return getDb().delete(redirects).where(eq(redirects.id, id)).returning({ fromPath: redirects.fromPath }).get() ?? null;
}

// Read by its code, not instanceof: the driver's errors can come from another realm (jest's module sandbox).
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
