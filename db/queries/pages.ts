/** The site's static pages (About, Privacy, Medical disclaimer…): reader reads, then the admins' editing. */
import 'server-only';
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { pages } from '@/db/schema';

export type PageContent = { slug: string; title: string; body: string; updatedAt: string | null };
export type PageLink = { slug: string; title: string };

export function getPageBySlug(slug: string): PageContent | null {
  const row = getDb()
    .select({ slug: pages.slug, title: pages.title, body: pages.body, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.slug, slug))
    .get();
  return row ? { ...row, updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null } : null;
}

/** Pages shown in the navigation, in their configured order. */
export function listNavPages(): PageLink[] {
  return getDb()
    .select({ slug: pages.slug, title: pages.title })
    .from(pages)
    .where(isNotNull(pages.navOrder))
    .orderBy(asc(pages.navOrder))
    .all();
}

export type AdminPageRow = { id: number; slug: string; title: string; navOrder: number | null; updatedAt: Date | null };

/** Every page for /admin/pages: menu pages first, in menu order, then the rest by title. */
export function listPagesForAdmin(): AdminPageRow[] {
  return getDb()
    .select({ id: pages.id, slug: pages.slug, title: pages.title, navOrder: pages.navOrder, updatedAt: pages.updatedAt })
    .from(pages)
    .orderBy(sql`${pages.navOrder} is null`, asc(pages.navOrder), asc(pages.title))
    .all();
}

export type EditablePage = { id: number; slug: string; title: string; body: string; navOrder: number | null; updatedAt: Date | null };

export function getEditablePage(id: number): EditablePage | null {
  return (
    getDb()
      .select({ id: pages.id, slug: pages.slug, title: pages.title, body: pages.body, navOrder: pages.navOrder, updatedAt: pages.updatedAt })
      .from(pages)
      .where(eq(pages.id, id))
      .get() ?? null
  );
}

export type PageFields = { slug: string; title: string; body: string; navOrder: number | null };
export type PageSave = { outcome: 'saved'; id: number } | { outcome: 'slug-taken' | 'not-found' };

/** Creates (id null) or updates a page, logged in the same transaction. */
export function savePageFields(actor: Actor, id: number | null, fields: PageFields): PageSave {
  return getDb().transaction(
    (tx): PageSave => {
      const sameSlug = tx.select({ id: pages.id }).from(pages).where(id === null ? eq(pages.slug, fields.slug) : and(eq(pages.slug, fields.slug), ne(pages.id, id))).get();
      if (sameSlug) return { outcome: 'slug-taken' };
      const now = new Date();
      if (id === null) {
        const created = tx.insert(pages).values({ ...fields, updatedAt: now }).returning({ id: pages.id }).get();
        recordActivity(tx, actor, 'page.create', `“${fields.title}”`, now);
        return { outcome: 'saved', id: created.id };
      }
      const updated = tx.update(pages).set({ ...fields, updatedAt: now }).where(eq(pages.id, id)).run();
      if (updated.changes === 0) return { outcome: 'not-found' };
      recordActivity(tx, actor, 'page.update', `“${fields.title}”`, now);
      return { outcome: 'saved', id };
    },
    { behavior: 'immediate' },
  );
}

/** Deletes a page, logged in the same transaction; null when it was already gone. */
export function deletePageById(actor: Actor, id: number): { title: string; slug: string } | null {
  return getDb().transaction(
    (tx) => {
      const page = tx.select({ title: pages.title, slug: pages.slug }).from(pages).where(eq(pages.id, id)).get();
      if (!page) return null;
      tx.delete(pages).where(eq(pages.id, id)).run();
      recordActivity(tx, actor, 'page.delete', `“${page.title}”`);
      return page;
    },
    { behavior: 'immediate' },
  );
}
