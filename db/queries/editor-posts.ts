/**
 * The editors' side of posts: lists with every status, loading for the editor, saving (tags created
 * on the fly, old slugs kept as redirects), status changes and deletion, each logged in its transaction.
 */
import 'server-only';
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { containsText } from '@/db/dialect';
import { deleteWorkingCopy, listRevisions, recordRevision } from '@/db/queries/revisions';
import { categories, posts, postTags, slugRedirects, tags, uploads, users, type PostStatus } from '@/db/schema';
import { slugify } from '@/db/slug';
import { withTransaction } from '@/db/transaction';

export type EditorPostRow = { id: number; slug: string; title: string; status: PostStatus; publishedAt: Date | null; authorId: string; authorName: string | null; updatedAt: Date | null };

export async function listPostsForEditor(filter: { status?: PostStatus; search?: string; authorId?: string }): Promise<EditorPostRow[]> {
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
    .limit(200);
}

/** A post as the editor loads it: its fields plus what the publishing panel needs. */
export type EditablePost = PostFields & { id: number; status: PostStatus; publishedAt: Date | null; authorId: string };

/** Inside a transaction, what that transaction has written so far. */
export async function getEditablePost(id: number): Promise<EditablePost | null> {
  const db = getDb();
  const [row] = await db
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
    .limit(1);
  if (!row) return null;
  const tagNames = await db.select({ name: tags.name }).from(postTags).innerJoin(tags, eq(tags.id, postTags.tagId)).where(eq(postTags.postId, id)).orderBy(asc(tags.name));
  return { ...row, tagNames: tagNames.map((t) => t.name) };
}

/** Whether another post (or an old slug of another post) already uses this slug. */
export async function isSlugTaken(slug: string, exceptPostId?: number): Promise<boolean> {
  const db = getDb();
  const [post] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug)).limit(1);
  if (post && post.id !== exceptPostId) return true;
  const [redirect] = await db.select({ postId: slugRedirects.postId }).from(slugRedirects).where(eq(slugRedirects.oldSlug, slug)).limit(1);
  return Boolean(redirect && redirect.postId !== exceptPostId);
}

export async function uploadExists(id: number): Promise<boolean> {
  return (await getDb().select({ id: uploads.id }).from(uploads).where(eq(uploads.id, id)).limit(1)).length > 0;
}

export async function categoryExists(id: number): Promise<boolean> {
  return (await getDb().select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)).length > 0;
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

/** A post's fields as working copies and revisions store them (JSON: the review date as YYYY-MM-DD). */
export type PostSnapshot = Omit<PostFields, 'lastReviewedAt'> & { lastReviewedAt: string | null };

export const postSnapshot = (f: PostFields): PostSnapshot => ({
  title: f.title,
  slug: f.slug,
  excerpt: f.excerpt,
  body: f.body,
  categoryId: f.categoryId,
  tagNames: f.tagNames,
  commentsClosed: f.commentsClosed,
  contentNote: f.contentNote,
  lastReviewedAt: f.lastReviewedAt ? f.lastReviewedAt.toISOString().slice(0, 10) : null,
  coverImageId: f.coverImageId,
  coverAlt: f.coverAlt,
});

/** Keeps what the post now says as a revision (inside the transaction that changed it). */
export async function keepRevision(actor: Actor, id: number, now: Date): Promise<void> {
  await recordRevision('post', id, postSnapshot((await getEditablePost(id))!), { id: actor.id, name: actor.name ?? 'Unnamed member' }, now);
}

/**
 * Before the first revision of a post published before revisions existed: what it said until now,
 * credited to its author, so the earlier version can still be seen and restored.
 */
async function keepFirstVersion(tx: Db, id: number): Promise<void> {
  if ((await listRevisions('post', id)).length > 0) return;
  const [post] = await tx
    .select({ authorId: posts.authorId, authorName: users.name, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, id))
    .limit(1);
  const at = post.updatedAt ?? post.publishedAt ?? new Date(0);
  await recordRevision('post', id, postSnapshot((await getEditablePost(id))!), { id: post.authorId, name: post.authorName ?? 'Unnamed member' }, at);
}

async function tagIdsFor(tx: Db, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    const [existing] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(or(eq(tags.slug, slug), eq(tags.name, name)))
      .limit(1);
    ids.push(existing ? existing.id : (await tx.insert(tags).values({ slug, name }).returning({ id: tags.id }))[0].id);
  }
  return [...new Set(ids)];
}

/**
 * Creates (id null) or updates a post's text and settings, and drops its working copy (the editor's
 * fields now are the post's). A changed slug leaves a redirect behind. `keep: 'revision'` (an update of
 * what readers see) keeps the new version, and the old one too when the post has no revision yet.
 * Returns the post id and, when it changed, the old slug (its cached page must be dropped).
 */
export function savePostFields(actor: Actor, id: number | null, fields: PostFields, now: Date, keep?: 'revision'): Promise<{ id: number; oldSlug: string | null }> {
  return withTransaction(async (tx) => {
    if (id !== null && keep) await keepFirstVersion(tx, id);
    const { tagNames, ...columns } = fields;
    let postId: number;
    let oldSlug: string | null = null;
    if (id === null) {
      [{ id: postId }] = await tx
        .insert(posts)
        .values({ ...columns, authorId: actor.id, status: 'draft' })
        .returning({ id: posts.id });
      await recordActivity(actor, 'post.create', `“${fields.title}”`, now);
    } else {
      const [before] = await tx.select({ slug: posts.slug, status: posts.status }).from(posts).where(eq(posts.id, id)).limit(1);
      postId = id;
      // Readers see "Updated" only for edits after publication.
      await tx
        .update(posts)
        .set({ ...columns, ...(before.status === 'published' ? { updatedAt: now } : {}) })
        .where(eq(posts.id, id));
      if (before.slug !== fields.slug) {
        oldSlug = before.slug;
        await tx.delete(slugRedirects).where(eq(slugRedirects.oldSlug, fields.slug));
        await tx
          .insert(slugRedirects)
          .values({ oldSlug: before.slug, postId: id })
          .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { postId: id } });
      }
      await recordActivity(actor, 'post.update', `“${fields.title}”`, now);
    }
    await tx.delete(postTags).where(eq(postTags.postId, postId));
    for (const tagId of await tagIdsFor(tx, tagNames)) await tx.insert(postTags).values({ postId, tagId });
    await deleteWorkingCopy('post', postId);
    if (keep) await keepRevision(actor, postId, now);
    return { id: postId, oldSlug };
  });
}

/**
 * Draft or scheduled (with its time), logged; a scheduled post's version is kept as a revision (readers
 * will see it). Publishing lives in post-publishing.ts (it also emails subscribers).
 */
export async function setPostStatus(actor: Actor, id: number, status: Exclude<PostStatus, 'published'>, publishedAt: Date | null, now: Date): Promise<void> {
  await withTransaction(async (tx) => {
    const [post] = await tx.select({ title: posts.title }).from(posts).where(eq(posts.id, id)).limit(1);
    await tx.update(posts).set({ status, publishedAt }).where(eq(posts.id, id));
    if (status === 'scheduled') await keepRevision(actor, id, now);
    await recordActivity(actor, status === 'scheduled' ? 'post.schedule' : 'post.unpublish', status === 'scheduled' ? `“${post.title}” for ${publishedAt!.toISOString()}` : `“${post.title}”`, now);
  });
}

export async function deletePostById(actor: Actor, id: number, now: Date): Promise<void> {
  await withTransaction(async (tx) => {
    const [post] = await tx.select({ title: posts.title }).from(posts).where(eq(posts.id, id)).limit(1);
    await tx.delete(posts).where(eq(posts.id, id));
    await recordActivity(actor, 'post.delete', `“${post.title}”`, now);
  });
}

export async function countPostsByStatus(): Promise<Record<PostStatus, number>> {
  const counts: Record<PostStatus, number> = { draft: 0, scheduled: 0, published: 0 };
  const rows = await getDb()
    .select({ status: posts.status, n: sql<number>`count(*)`.mapWith(Number) })
    .from(posts)
    .groupBy(posts.status);
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
