/**
 * What the WordPress export (lib/wordpress/wxr-writer.ts) reads, in batches ordered by id, so a large site is
 * written without ever being held in memory. Email addresses come out only where the writer decides to
 * write them (authors always, commenters only when the admin asked).
 */
import 'server-only';
import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { categories, comments, pages, posts, postTags, tags, uploads, users } from '@/db/schema';

/** The highest id of posts and pages: pages and images are numbered after them, so every WordPress post_id is unique. */
export async function exportIdRanges(): Promise<{ posts: number; pages: number }> {
  const db = getDb();
  const [highestPost] = await db.select({ n: max(posts.id) }).from(posts);
  const [highestPage] = await db.select({ n: max(pages.id) }).from(pages);
  return { posts: highestPost?.n ?? 0, pages: highestPage?.n ?? 0 };
}

/** People who wrote at least one post. */
export async function exportAuthors() {
  const db = getDb();
  const writers = db.selectDistinct({ id: posts.authorId }).from(posts);
  return db.select({ id: users.id, slug: users.slug, name: users.name, email: users.email }).from(users).where(inArray(users.id, writers)).orderBy(asc(users.createdAt), asc(users.id));
}

export async function exportCategories() {
  return getDb()
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id));
}

export async function exportTags() {
  return getDb().select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).orderBy(asc(tags.id));
}

export async function exportPostBatch(afterId: number, limit: number) {
  return getDb()
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      body: posts.body,
      status: posts.status,
      publishedAt: posts.publishedAt,
      updatedAt: posts.updatedAt,
      createdAt: posts.createdAt,
      authorId: posts.authorId,
      commentsClosed: posts.commentsClosed,
      coverImageId: posts.coverImageId,
      category: { slug: categories.slug, name: categories.name },
    })
    .from(posts)
    .leftJoin(categories, eq(categories.id, posts.categoryId))
    .where(gt(posts.id, afterId))
    .orderBy(asc(posts.id))
    .limit(limit);
}

export async function exportPostTags(postIds: number[]) {
  if (postIds.length === 0) return [];
  return getDb()
    .select({ postId: postTags.postId, slug: tags.slug, name: tags.name })
    .from(postTags)
    .innerJoin(tags, eq(tags.id, postTags.tagId))
    .where(inArray(postTags.postId, postIds))
    .orderBy(asc(tags.name));
}

/** Approved and pending comments of these posts (spam and deleted ones never leave), oldest first. */
export async function exportComments(postIds: number[]) {
  if (postIds.length === 0) return [];
  return getDb()
    .select({
      id: comments.id,
      postId: comments.postId,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: users.name,
      authorEmail: users.email,
      guestName: comments.guestName,
      guestEmail: comments.guestEmail,
      html: comments.html,
      status: comments.status,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(inArray(comments.postId, postIds), inArray(comments.status, ['approved', 'pending'])))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function exportPageBatch(afterId: number, limit: number) {
  return getDb()
    .select({ id: pages.id, slug: pages.slug, title: pages.title, body: pages.body, status: pages.status, navOrder: pages.navOrder, createdAt: pages.createdAt, updatedAt: pages.updatedAt })
    .from(pages)
    .where(gt(pages.id, afterId))
    .orderBy(asc(pages.id))
    .limit(limit);
}

export async function exportUploadBatch(afterId: number, limit: number) {
  return getDb()
    .select({ id: uploads.id, file: uploads.file, mimeType: uploads.mimeType, originalName: uploads.originalName, alt: uploads.alt, caption: uploads.caption, createdAt: uploads.createdAt })
    .from(uploads)
    .where(gt(uploads.id, afterId))
    .orderBy(asc(uploads.id))
    .limit(limit);
}
