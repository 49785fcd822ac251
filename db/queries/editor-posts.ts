/**
 * The editors' side of posts: lists with every status, loading for the editor, saving (tags created
 * on the fly, old slugs kept as redirects), status changes and deletion, each logged in its transaction.
 */
import 'server-only';
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { containsText } from '@/db/queries/contains-text';
import { categories, posts, postTags, slugRedirects, tags, uploads, users, type PostStatus } from '@/db/schema';
import { slugify } from '@/lib/slug';
import { isVisible } from './posts';

export type EditorPostRow = { id: number; slug: string; title: string; status: PostStatus; publishedAt: Date | null; authorId: string; authorName: string | null; updatedAt: Date | null };

export function listPostsForEditor(filter: { status?: PostStatus; search?: string; authorId?: string }): EditorPostRow[] {
  const clauses: SQL[] = [];
  if (filter.status) clauses.push(eq(posts.status, filter.status));
  if (filter.authorId) clauses.push(eq(posts.authorId, filter.authorId));
  if (filter.search) clauses.push(or(containsText(posts.title, filter.search), containsText(posts.slug, filter.search))!);
  return getDb()
    .select({ id: posts.id, slug: posts.slug, title: posts.title, status: posts.status, publishedAt: posts.publishedAt, authorId: posts.authorId, authorName: users.name, updatedAt: posts.updatedAt })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(...clauses))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(200)
    .all();
}

/** A post as the editor loads it: its fields plus what the publishing panel needs. */
export type EditablePost = PostFields & { id: number; status: PostStatus; publishedAt: Date | null; authorId: string };

export function getEditablePost(id: number): EditablePost | null {
  const db = getDb();
  const row = db
    .select({
      id: posts.id,
      slug: posts.slug,
      title: posts.title,
      excerpt: posts.excerpt,
      body: posts.body,
      status: posts.status,
      publishedAt: posts.publishedAt,
      authorId: posts.authorId,
      categoryId: posts.categoryId,
      commentsClosed: posts.commentsClosed,
      contentNote: posts.contentNote,
      lastReviewedAt: posts.lastReviewedAt,
      coverImageId: posts.coverImageId,
      coverAlt: posts.coverAlt,
    })
    .from(posts)
    .where(eq(posts.id, id))
    .get();
  if (!row) return null;
  const tagNames = db.select({ name: tags.name }).from(postTags).innerJoin(tags, eq(tags.id, postTags.tagId)).where(eq(postTags.postId, id)).orderBy(asc(tags.name)).all();
  return { ...row, tagNames: tagNames.map((t) => t.name) };
}

/** Whether another post (or an old slug of another post) already uses this slug. */
export function isSlugTaken(slug: string, exceptPostId?: number): boolean {
  const db = getDb();
  const post = db.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).get();
  if (post && post.id !== exceptPostId) return true;
  const redirect = db.select({ postId: slugRedirects.postId }).from(slugRedirects).where(eq(slugRedirects.oldSlug, slug)).get();
  return Boolean(redirect && redirect.postId !== exceptPostId);
}

export function uploadExists(id: number): boolean {
  return Boolean(getDb().select({ id: uploads.id }).from(uploads).where(eq(uploads.id, id)).get());
}

export function categoryExists(id: number): boolean {
  return Boolean(getDb().select({ id: categories.id }).from(categories).where(eq(categories.id, id)).get());
}

/** Where an old slug now lives, for a permanent redirect; only to a post readers may see. */
export function getRedirectedSlug(oldSlug: string, now = new Date()): string | null {
  return (
    getDb()
      .select({ slug: posts.slug })
      .from(slugRedirects)
      .innerJoin(posts, eq(posts.id, slugRedirects.postId))
      .where(and(eq(slugRedirects.oldSlug, oldSlug), isVisible(now)))
      .get()?.slug ?? null
  );
}

export type PostFields = {
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  categoryId: number | null;
  tagNames: string[];
  commentsClosed: boolean;
  contentNote: string | null;
  lastReviewedAt: Date | null;
  coverImageId: number | null;
  coverAlt: string | null;
};

function tagIdsFor(tx: Transaction, names: string[]): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    const existing = tx.select({ id: tags.id }).from(tags).where(or(eq(tags.slug, slug), eq(tags.name, name))).get();
    ids.push(existing ? existing.id : tx.insert(tags).values({ slug, name }).returning({ id: tags.id }).get().id);
  }
  return [...new Set(ids)];
}

/**
 * Creates (id null) or updates a post's text and settings. A changed slug leaves a redirect behind.
 * Returns the post id and, when it changed, the old slug (its cached page must be dropped).
 */
export function savePostFields(actor: Actor, id: number | null, fields: PostFields, now: Date): { id: number; oldSlug: string | null } {
  return getDb().transaction(
    (tx) => {
      const { tagNames, ...columns } = fields;
      let postId: number;
      let oldSlug: string | null = null;
      if (id === null) {
        postId = tx.insert(posts).values({ ...columns, authorId: actor.id, status: 'draft' }).returning({ id: posts.id }).get().id;
        recordActivity(tx, actor, 'post.create', `“${fields.title}”`, now);
      } else {
        const before = tx.select({ slug: posts.slug, status: posts.status }).from(posts).where(eq(posts.id, id)).get()!;
        postId = id;
        // Readers see "Updated" only for edits after publication.
        tx.update(posts).set({ ...columns, ...(before.status === 'published' ? { updatedAt: now } : {}) }).where(eq(posts.id, id)).run();
        if (before.slug !== fields.slug) {
          oldSlug = before.slug;
          tx.delete(slugRedirects).where(eq(slugRedirects.oldSlug, fields.slug)).run();
          tx.insert(slugRedirects).values({ oldSlug: before.slug, postId: id }).onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { postId: id } }).run();
        }
        recordActivity(tx, actor, 'post.update', `“${fields.title}”`, now);
      }
      tx.delete(postTags).where(eq(postTags.postId, postId)).run();
      for (const tagId of tagIdsFor(tx, tagNames)) tx.insert(postTags).values({ postId, tagId }).run();
      return { id: postId, oldSlug };
    },
    { behavior: 'immediate' },
  );
}

/** Draft or scheduled (with its time), logged. Publishing lives in post-publishing.ts (it also emails subscribers). */
export function setPostStatus(actor: Actor, id: number, status: Exclude<PostStatus, 'published'>, publishedAt: Date | null, now: Date): void {
  getDb().transaction((tx) => {
    const post = tx.select({ title: posts.title }).from(posts).where(eq(posts.id, id)).get()!;
    tx.update(posts).set({ status, publishedAt }).where(eq(posts.id, id)).run();
    recordActivity(tx, actor, status === 'scheduled' ? 'post.schedule' : 'post.unpublish', status === 'scheduled' ? `“${post.title}” for ${publishedAt!.toISOString()}` : `“${post.title}”`, now);
  });
}

export function deletePostById(actor: Actor, id: number, now: Date): void {
  getDb().transaction((tx) => {
    const post = tx.select({ title: posts.title }).from(posts).where(eq(posts.id, id)).get()!;
    tx.delete(posts).where(eq(posts.id, id)).run();
    recordActivity(tx, actor, 'post.delete', `“${post.title}”`, now);
  });
}

export function countPostsByStatus(): Record<PostStatus, number> {
  const counts: Record<PostStatus, number> = { draft: 0, scheduled: 0, published: 0 };
  for (const row of getDb().select({ status: posts.status, n: sql<number>`count(*)` }).from(posts).groupBy(posts.status).all()) counts[row.status] = row.n;
  return counts;
}
