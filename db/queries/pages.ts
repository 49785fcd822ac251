/** Reads of the site's static pages (About, Privacy, Medical disclaimer…). */
import 'server-only';
import { asc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/index';
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
