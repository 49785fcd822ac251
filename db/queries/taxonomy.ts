/** Reads of categories and tags, for their listing pages and the site navigation. */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { categories, tags } from '@/db/schema';

export type CategoryInfo = { id: number; slug: string; name: string; description: string };
export type TagInfo = { id: number; slug: string; name: string };

export function getCategoryBySlug(slug: string): CategoryInfo | null {
  return getDb().select().from(categories).where(eq(categories.slug, slug)).get() ?? null;
}

export function listCategories(): CategoryInfo[] {
  return getDb().select().from(categories).orderBy(asc(categories.name)).all();
}

export function getTagBySlug(slug: string): TagInfo | null {
  return getDb().select().from(tags).where(eq(tags.slug, slug)).get() ?? null;
}
