/**
 * Fills an empty database with the demo community (db/seed-content/: an index and the Markdown prose).
 * It never touches a database that already holds people, posts, pages or settings.
 */
import 'server-only';
import { count } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { categories, menuItems, pages, posts, postTags, siteSettings, tags, users } from '@/db/schema';
import { slugify } from '@/db/slug';
import { readSeedPages, readSeedPosts, seedAuthors, seedCategories, seedSettings, seedSupportResources } from './seed-content';

/** True when the database holds no people, posts, pages or settings (inside a withTransaction, as it stands there). */
export async function isEmpty(): Promise<boolean> {
  for (const table of [users, posts, pages, siteSettings]) if ((await getDb().select({ n: count() }).from(table))[0].n > 0) return false;
  return true;
}

/** Seeds in one transaction; returns false (and writes nothing) when the database is not empty. */
export function seedIfEmpty(): Promise<boolean> {
  return withTransaction(async (tx) => {
    if (!(await isEmpty())) return false;
    await tx.insert(siteSettings).values({ id: 1, ...seedSettings, supportResources: seedSupportResources });
    const authorIds = new Map<string, string>();
    for (const author of seedAuthors) {
      const [row] = await tx.insert(users).values({ name: author.displayName, email: author.email, role: author.role, slug: author.slug, bio: author.bio }).returning({ id: users.id });
      authorIds.set(author.slug, row.id);
    }
    const categoryIds = new Map<string, number>();
    // Alphabetical, as the fixed menu listed them before the admins could order them.
    const byName = [...seedCategories].sort((a, b) => a.name.localeCompare(b.name));
    for (const [position, category] of byName.entries()) {
      const [row] = await tx
        .insert(categories)
        .values({ ...category, position })
        .returning({ id: categories.id });
      categoryIds.set(category.slug, row.id);
    }
    const tagIds = new Map<string, number>();
    for (const post of readSeedPosts()) {
      const [{ id: postId }] = await tx
        .insert(posts)
        .values({
          slug: post.slug,
          title: post.title,
          excerpt: post.excerpt,
          body: post.body,
          status: post.status,
          publishedAt: new Date(post.publishedAt),
          updatedAt: post.updatedAt ? new Date(post.updatedAt) : null,
          authorId: authorIds.get(post.author)!,
          categoryId: categoryIds.get(post.category) ?? null,
        })
        .returning({ id: posts.id });
      for (const name of post.tags) {
        const slug = slugify(name);
        if (!tagIds.has(slug)) tagIds.set(slug, (await tx.insert(tags).values({ slug, name }).returning({ id: tags.id }))[0].id);
        await tx.insert(postTags).values({ postId, tagId: tagIds.get(slug)! });
      }
    }
    const pageIds: number[] = [];
    for (const page of readSeedPages()) pageIds.push((await tx.insert(pages).values(page).returning({ id: pages.id }))[0].id);
    await seedMenu(tx, [...categoryIds.values()], pageIds);
    return true;
  });
}

/**
 * The menu a new site starts with, as migration 0011 builds it for an existing one: Home, the categories,
 * Archive, then the pages (replacing the Home and Archive rows the migration left in the empty database).
 */
async function seedMenu(tx: Db, categoryIds: number[], pageIds: number[]): Promise<void> {
  await tx.delete(menuItems);
  const items: (typeof menuItems.$inferInsert)[] = [
    { kind: 'link', label: 'Home', url: '/', position: 0 },
    ...categoryIds.map((categoryId) => ({ kind: 'category' as const, categoryId, position: 0 })),
    { kind: 'link', label: 'Archive', url: '/archive', position: 0 },
    ...pageIds.map((pageId) => ({ kind: 'page' as const, pageId, position: 0 })),
  ];
  for (const [position, item] of items.entries()) await tx.insert(menuItems).values({ ...item, position });
}
