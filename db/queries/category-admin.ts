/**
 * The admins' changes to categories (/admin/categories): add, rename (the old address keeps working),
 * describe, reorder, delete with the posts and their followers moved to another category. Each change
 * is one transaction with its activity entry.
 */
import 'server-only';
import { and, asc, count, eq, max, ne, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { categories, categoryRedirects, menuItems, posts, subscriberCategories } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

export type AdminCategory = { id: number; slug: string; name: string; description: string; posts: number; followers: number };
export type CategoryFields = { name: string; slug: string; description: string };
export type CategorySave = { outcome: 'saved'; id: number; slug: string; oldSlug: string | null } | { outcome: 'slug-taken' } | { outcome: 'not-found' };
export type CategoryDeletion = { outcome: 'deleted'; name: string; moved: number; into: string | null } | { outcome: 'not-found' } | { outcome: 'target-needed' } | { outcome: 'bad-target' };

export async function listCategoriesForAdmin(): Promise<AdminCategory[]> {
  const postCount = sql<number>`(SELECT count(*) FROM ${posts} WHERE ${posts.categoryId} = ${categories.id})`.mapWith(Number);
  const followerCount = sql<number>`(SELECT count(*) FROM ${subscriberCategories} WHERE ${subscriberCategories.categoryId} = ${categories.id})`.mapWith(Number);
  return getDb()
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, posts: postCount, followers: followerCount })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name));
}

/** A slug another category uses now; a slug only in the redirects is free again (its redirect is dropped on reuse). */
const slugTaken = async (tx: Db, slug: string, exceptId: number | null) =>
  (
    await tx
      .select({ id: categories.id })
      .from(categories)
      .where(exceptId === null ? eq(categories.slug, slug) : and(eq(categories.slug, slug), ne(categories.id, exceptId)))
      .limit(1)
  ).length > 0;

/** Creates (id null, placed last) or updates a category; a changed slug leaves a permanent redirect from the old one. */
export function saveCategoryFields(actor: Actor, id: number | null, fields: CategoryFields): Promise<CategorySave> {
  return withTransaction(async (tx): Promise<CategorySave> => {
    if (await slugTaken(tx, fields.slug, id)) return { outcome: 'slug-taken' };
    await tx.delete(categoryRedirects).where(eq(categoryRedirects.oldSlug, fields.slug));
    if (id === null) {
      const [highest] = await tx.select({ position: max(categories.position) }).from(categories);
      const last = highest?.position ?? -1;
      const [created] = await tx
        .insert(categories)
        .values({ ...fields, position: last + 1 })
        .returning({ id: categories.id });
      await recordActivity(actor, 'category.create', `“${fields.name}”`);
      return { outcome: 'saved', id: created.id, slug: fields.slug, oldSlug: null };
    }
    const [before] = await tx.select({ slug: categories.slug, name: categories.name }).from(categories).where(eq(categories.id, id)).limit(1);
    if (!before) return { outcome: 'not-found' };
    await tx.update(categories).set(fields).where(eq(categories.id, id));
    const moved = before.slug !== fields.slug;
    // Earlier redirects point at the category's id, so a chain of renames always lands on the newest slug.
    if (moved) await tx.insert(categoryRedirects).values({ oldSlug: before.slug, categoryId: id });
    await recordActivity(actor, 'category.update', before.name === fields.name ? `“${fields.name}”` : `“${before.name}” → “${fields.name}”`);
    return { outcome: 'saved', id, slug: fields.slug, oldSlug: moved ? before.slug : null };
  });
}

/** Moves a category one place up or down (positions are renumbered 0…n-1 on the way); false when it is not there. */
export function moveCategory(actor: Actor, id: number, direction: 'up' | 'down'): Promise<boolean> {
  return withTransaction(async (tx) => {
    const order = await tx.select({ id: categories.id, name: categories.name }).from(categories).orderBy(asc(categories.position), asc(categories.name));
    const from = order.findIndex((row) => row.id === id);
    if (from === -1) return false;
    const to = direction === 'up' ? from - 1 : from + 1;
    const { name } = order[from];
    if (to >= 0 && to < order.length) [order[from], order[to]] = [order[to], order[from]];
    for (const [position, row] of order.entries()) await tx.update(categories).set({ position }).where(eq(categories.id, row.id));
    await recordActivity(actor, `category.move-${direction}`, `“${name}”`);
    return true;
  });
}

/**
 * Deletes a category. Its posts, its followers and its menu items move to `targetId` (required when it has
 * posts), and its addresses redirect there; without a target its menu sub-items move up a level.
 */
export function deleteCategoryInto(actor: Actor, id: number, targetId: number | null): Promise<CategoryDeletion> {
  return withTransaction(async (tx): Promise<CategoryDeletion> => {
    const [category] = await tx.select({ slug: categories.slug, name: categories.name }).from(categories).where(eq(categories.id, id)).limit(1);
    if (!category) return { outcome: 'not-found' };
    const [{ n: postCount }] = await tx.select({ n: count() }).from(posts).where(eq(posts.categoryId, id));
    const [target] = targetId === null ? [null] : await tx.select({ name: categories.name }).from(categories).where(eq(categories.id, targetId)).limit(1);
    if (targetId !== null && (targetId === id || !target)) return { outcome: 'bad-target' };
    if (postCount > 0 && targetId === null) return { outcome: 'target-needed' };
    if (targetId !== null) {
      await tx.update(posts).set({ categoryId: targetId }).where(eq(posts.categoryId, id));
      await tx
        .insert(subscriberCategories)
        .select(
          tx
            .select({ subscriberId: subscriberCategories.subscriberId, categoryId: sql<number>`${targetId}`.as('category_id') })
            .from(subscriberCategories)
            .where(eq(subscriberCategories.categoryId, id)),
        )
        .onConflictDoNothing();
      await tx.update(categoryRedirects).set({ categoryId: targetId }).where(eq(categoryRedirects.categoryId, id));
      await tx.insert(categoryRedirects).values({ oldSlug: category.slug, categoryId: targetId });
      await tx.update(menuItems).set({ categoryId: targetId }).where(eq(menuItems.categoryId, id));
    } else {
      const items = await tx.select({ id: menuItems.id }).from(menuItems).where(eq(menuItems.categoryId, id));
      for (const item of items)
        await tx
          .update(menuItems)
          .set({ parentId: null, position: sql`${menuItems.position} + 10000` })
          .where(eq(menuItems.parentId, item.id));
    }
    await tx.delete(categories).where(eq(categories.id, id));
    await recordActivity(actor, 'category.delete', target ? `“${category.name}” (posts moved to “${target.name}”)` : `“${category.name}”`);
    return { outcome: 'deleted', name: category.name, moved: postCount, into: target?.name ?? null };
  });
}
