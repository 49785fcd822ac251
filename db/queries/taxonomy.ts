/** Reads of categories and tags, for their listing pages, the site navigation and their renamed addresses. */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { categories, categoryRedirects, tagRedirects, tags } from '@/db/schema';

export type CategoryInfo = { id: number; slug: string; name: string; description: string };
export type TagInfo = { id: number; slug: string; name: string };

const categoryColumns = { id: categories.id, slug: categories.slug, name: categories.name, description: categories.description };

export function getCategoryBySlug(slug: string): CategoryInfo | null {
  return getDb().select(categoryColumns).from(categories).where(eq(categories.slug, slug)).get() ?? null;
}

/** Every category in the order the admins gave them (pickers, reader lists, the footer). */
export function listCategories(): CategoryInfo[] {
  return getDb().select(categoryColumns).from(categories).orderBy(asc(categories.position), asc(categories.name)).all();
}

export function getTagBySlug(slug: string): TagInfo | null {
  return getDb().select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).get() ?? null;
}

/** The current slug of the category that once lived at `oldSlug` (renamed, or deleted into another), or null. */
export function getRenamedCategorySlug(oldSlug: string): string | null {
  const row = getDb()
    .select({ slug: categories.slug })
    .from(categoryRedirects)
    .innerJoin(categories, eq(categories.id, categoryRedirects.categoryId))
    .where(eq(categoryRedirects.oldSlug, oldSlug))
    .get();
  return row && row.slug !== oldSlug ? row.slug : null;
}

/** The current slug of the tag that once lived at `oldSlug` (renamed, or merged into another), or null. */
export function getRenamedTagSlug(oldSlug: string): string | null {
  const row = getDb().select({ slug: tags.slug }).from(tagRedirects).innerJoin(tags, eq(tags.id, tagRedirects.tagId)).where(eq(tagRedirects.oldSlug, oldSlug)).get();
  return row && row.slug !== oldSlug ? row.slug : null;
}
