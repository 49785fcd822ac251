/** Reads of categories and tags, for their listing pages, the site navigation and their renamed addresses. */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { categories, categoryRedirects, tagRedirects, tags } from '@/db/schema';

export type CategoryInfo = { id: number; slug: string; name: string; description: string };
export type TagInfo = { id: number; slug: string; name: string };

const categoryColumns = { id: categories.id, slug: categories.slug, name: categories.name, description: categories.description };

export async function getCategoryBySlug(slug: string): Promise<CategoryInfo | null> {
  const [row] = await getDb().select(categoryColumns).from(categories).where(eq(categories.slug, slug)).limit(1);
  return row ?? null;
}

/** Every category in the order the admins gave them (pickers, reader lists, the footer). */
export async function listCategories(): Promise<CategoryInfo[]> {
  return await getDb().select(categoryColumns).from(categories).orderBy(asc(categories.position), asc(categories.name));
}

export async function getTagBySlug(slug: string): Promise<TagInfo | null> {
  const [row] = await getDb().select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}

/** The current slug of the category that once lived at `oldSlug` (renamed, or deleted into another), or null. */
export async function getRenamedCategorySlug(oldSlug: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ slug: categories.slug })
    .from(categoryRedirects)
    .innerJoin(categories, eq(categories.id, categoryRedirects.categoryId))
    .where(eq(categoryRedirects.oldSlug, oldSlug))
    .limit(1);
  return row && row.slug !== oldSlug ? row.slug : null;
}

/** The current slug of the tag that once lived at `oldSlug` (renamed, or merged into another), or null. */
export async function getRenamedTagSlug(oldSlug: string): Promise<string | null> {
  const [row] = await getDb().select({ slug: tags.slug }).from(tagRedirects).innerJoin(tags, eq(tags.id, tagRedirects.tagId)).where(eq(tagRedirects.oldSlug, oldSlug)).limit(1);
  return row && row.slug !== oldSlug ? row.slug : null;
}
