/**
 * The site's static pages (About, Privacy, Medical disclaimer…): reader reads (published pages only), then
 * the admins' editing. A published page's edits wait in a working copy (db/queries/revisions.ts) until Update.
 */
import 'server-only';
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { deleteWorkingCopy, listRevisions, recordRevision } from '@/db/queries/revisions';
import { pages, type PageStatus } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type PageContent = { slug: string; title: string; body: string; updatedAt: string | null };
export type PageLink = { slug: string; title: string };

export async function getPageBySlug(slug: string): Promise<PageContent | null> {
  const [row] = await getDb()
    .select({ slug: pages.slug, title: pages.title, body: pages.body, updatedAt: pages.updatedAt })
    .from(pages)
    .where(and(eq(pages.slug, slug), eq(pages.status, 'published')))
    .limit(1);
  return row ? { ...row, updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null } : null;
}

/** Published pages listed in the footer, in their configured order (the header's menu is edited at /admin/menu). */
export async function listNavPages(): Promise<PageLink[]> {
  return getDb()
    .select({ slug: pages.slug, title: pages.title })
    .from(pages)
    .where(and(isNotNull(pages.navOrder), eq(pages.status, 'published')))
    .orderBy(asc(pages.navOrder));
}

/** Published pages, for the sitemap (drafts are nobody's business). */
export async function listPublishedPages(): Promise<PageLink[]> {
  return getDb().select({ slug: pages.slug, title: pages.title }).from(pages).where(eq(pages.status, 'published')).orderBy(asc(pages.slug));
}

export type AdminPageRow = { id: number; slug: string; title: string; status: PageStatus; navOrder: number | null; updatedAt: Date | null };

/** Every page for /admin/pages: menu pages first, in menu order, then the rest by title. */
export async function listPagesForAdmin(): Promise<AdminPageRow[]> {
  return getDb()
    .select({ id: pages.id, slug: pages.slug, title: pages.title, status: pages.status, navOrder: pages.navOrder, updatedAt: pages.updatedAt })
    .from(pages)
    .orderBy(sql`${pages.navOrder} is null`, asc(pages.navOrder), asc(pages.title));
}

export type EditablePage = { id: number; slug: string; title: string; body: string; status: PageStatus; navOrder: number | null; updatedAt: Date | null };

/** Inside a transaction, what that transaction has written so far. */
export async function getEditablePage(id: number): Promise<EditablePage | null> {
  const [page] = await getDb()
    .select({ id: pages.id, slug: pages.slug, title: pages.title, body: pages.body, status: pages.status, navOrder: pages.navOrder, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.id, id))
    .limit(1);
  return page ?? null;
}

/** A page's fields; working copies and revisions store exactly these. */
export type PageFields = { slug: string; title: string; body: string; navOrder: number | null };
export type PageSave = { outcome: 'saved'; id: number } | { outcome: 'slug-taken' | 'not-found' };

const pageFieldsOf = (page: EditablePage): PageFields => ({ slug: page.slug, title: page.title, body: page.body, navOrder: page.navOrder });

export async function isPageSlugTaken(slug: string, exceptId: number): Promise<boolean> {
  const [other] = await getDb()
    .select({ id: pages.id })
    .from(pages)
    .where(and(eq(pages.slug, slug), ne(pages.id, exceptId)))
    .limit(1);
  return Boolean(other);
}

/** Keeps what the page now says as a revision; before the first one, what it said until now (pages do not record who wrote them). */
async function keepPageRevision(actor: Actor, id: number, before: EditablePage | null, now: Date): Promise<void> {
  if (before && before.status === 'published' && (await listRevisions('page', id)).length === 0) {
    await recordRevision('page', id, pageFieldsOf(before), { id: null, name: 'an earlier editor' }, before.updatedAt ?? new Date(0));
  }
  await recordRevision('page', id, pageFieldsOf((await getEditablePage(id))!), { id: actor.id, name: actor.name ?? 'Unnamed member' }, now);
}

/**
 * Creates (id null: a draft) or updates a page and drops its working copy, logged in the same transaction.
 * `status: 'published'` publishes it at the same time; a page that is (or becomes) published keeps the version as a revision.
 */
export function savePageFields(actor: Actor, id: number | null, fields: PageFields, status?: 'published'): Promise<PageSave> {
  return withTransaction(async (tx): Promise<PageSave> => {
    const [sameSlug] = await tx
      .select({ id: pages.id })
      .from(pages)
      .where(id === null ? eq(pages.slug, fields.slug) : and(eq(pages.slug, fields.slug), ne(pages.id, id)))
      .limit(1);
    if (sameSlug) return { outcome: 'slug-taken' };
    const now = new Date();
    if (id === null) {
      const [created] = await tx
        .insert(pages)
        .values({ ...fields, status: status ?? 'draft', updatedAt: now })
        .returning({ id: pages.id });
      await recordActivity(actor, status === 'published' ? 'page.publish' : 'page.create', `“${fields.title}”`, now);
      if (status === 'published') await keepPageRevision(actor, created.id, null, now);
      return { outcome: 'saved', id: created.id };
    }
    const before = await getEditablePage(id);
    if (!before) return { outcome: 'not-found' };
    await tx
      .update(pages)
      .set({ ...fields, ...(status ? { status } : {}), updatedAt: now })
      .where(eq(pages.id, id));
    await deleteWorkingCopy('page', id);
    const after = status ?? before.status;
    await recordActivity(actor, after === before.status ? 'page.update' : 'page.publish', `“${fields.title}”`, now);
    if (after === 'published') await keepPageRevision(actor, id, before, now);
    return { outcome: 'saved', id };
  });
}

/** Back to draft (readers get "not found"); any working copy stays for the editor. Null when the page is gone. */
export function unpublishPageById(actor: Actor, id: number): Promise<{ slug: string } | null> {
  return withTransaction(async (tx) => {
    const [page] = await tx.select({ title: pages.title, slug: pages.slug }).from(pages).where(eq(pages.id, id)).limit(1);
    if (!page) return null;
    await tx.update(pages).set({ status: 'draft' }).where(eq(pages.id, id));
    await recordActivity(actor, 'page.unpublish', `“${page.title}”`);
    return { slug: page.slug };
  });
}

/** Deletes a page, logged in the same transaction; null when it was already gone. */
export function deletePageById(actor: Actor, id: number): Promise<{ title: string; slug: string } | null> {
  return withTransaction(async (tx) => {
    const [page] = await tx.select({ title: pages.title, slug: pages.slug }).from(pages).where(eq(pages.id, id)).limit(1);
    if (!page) return null;
    await tx.delete(pages).where(eq(pages.id, id));
    await recordActivity(actor, 'page.delete', `“${page.title}”`);
    return page;
  });
}
