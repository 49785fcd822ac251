/**
 * The editors' side of posts: lists with every status, loading for the editor, saving (tags created
 * on the fly, old slugs kept as redirects), status changes and deletion, each logged in its transaction.
 */
import 'server-only';
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/index';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { containsText } from '@/db/queries/contains-text';
import { deleteWorkingCopy, listRevisions, recordRevision } from '@/db/queries/revisions';
import { categories, posts, postTags, slugRedirects, tags, uploads, users, type PostStatus } from '@/db/schema';
import { slugify } from '@/db/slug';

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

export function getEditablePost(id: number, reader: Pick<Transaction, 'select'> = getDb()): EditablePost | null {
  const db = reader;
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
export function keepRevision(tx: Transaction, actor: Actor, id: number, now: Date): void {
  recordRevision(tx, 'post', id, postSnapshot(getEditablePost(id, tx)!), { id: actor.id, name: actor.name ?? 'Unnamed member' }, now);
}

/**
 * Before the first revision of a post published before revisions existed: what it said until now,
 * credited to its author, so the earlier version can still be seen and restored.
 */
function keepFirstVersion(tx: Transaction, id: number): void {
  if (listRevisions('post', id, tx).length > 0) return;
  const post = tx
    .select({ authorId: posts.authorId, authorName: users.name, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, id))
    .get()!;
  const at = post.updatedAt ?? post.publishedAt ?? new Date(0);
  recordRevision(tx, 'post', id, postSnapshot(getEditablePost(id, tx)!), { id: post.authorId, name: post.authorName ?? 'Unnamed member' }, at);
}

function tagIdsFor(tx: Transaction, names: string[]): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) continue;
    const existing = tx
      .select({ id: tags.id })
      .from(tags)
      .where(or(eq(tags.slug, slug), eq(tags.name, name)))
      .get();
    ids.push(existing ? existing.id : tx.insert(tags).values({ slug, name }).returning({ id: tags.id }).get().id);
  }
  return [...new Set(ids)];
}

/**
 * Creates (id null) or updates a post's text and settings, and drops its working copy (the editor's
 * fields now are the post's). A changed slug leaves a redirect behind. `keep: 'revision'` (an update of
 * what readers see) keeps the new version, and the old one too when the post has no revision yet.
 * Returns the post id and, when it changed, the old slug (its cached page must be dropped).
 */
export function savePostFields(actor: Actor, id: number | null, fields: PostFields, now: Date, keep?: 'revision'): { id: number; oldSlug: string | null } {
  return getDb().transaction(
    (tx) => {
      if (id !== null && keep) keepFirstVersion(tx, id);
      const { tagNames, ...columns } = fields;
      let postId: number;
      let oldSlug: string | null = null;
      if (id === null) {
        postId = tx
          .insert(posts)
          .values({ ...columns, authorId: actor.id, status: 'draft' })
          .returning({ id: posts.id })
          .get().id;
        recordActivity(tx, actor, 'post.create', `“${fields.title}”`, now);
      } else {
        const before = tx.select({ slug: posts.slug, status: posts.status }).from(posts).where(eq(posts.id, id)).get()!;
        postId = id;
        // Readers see "Updated" only for edits after publication.
        tx.update(posts)
          .set({ ...columns, ...(before.status === 'published' ? { updatedAt: now } : {}) })
          .where(eq(posts.id, id))
          .run();
        if (before.slug !== fields.slug) {
          oldSlug = before.slug;
          tx.delete(slugRedirects).where(eq(slugRedirects.oldSlug, fields.slug)).run();
          tx.insert(slugRedirects)
            .values({ oldSlug: before.slug, postId: id })
            .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { postId: id } })
            .run();
        }
        recordActivity(tx, actor, 'post.update', `“${fields.title}”`, now);
      }
      tx.delete(postTags).where(eq(postTags.postId, postId)).run();
      for (const tagId of tagIdsFor(tx, tagNames)) tx.insert(postTags).values({ postId, tagId }).run();
      deleteWorkingCopy('post', postId, tx);
      if (keep) keepRevision(tx, actor, postId, now);
      return { id: postId, oldSlug };
    },
    { behavior: 'immediate' },
  );
}

/**
 * Draft or scheduled (with its time), logged; a scheduled post's version is kept as a revision (readers
 * will see it). Publishing lives in post-publishing.ts (it also emails subscribers).
 */
export function setPostStatus(actor: Actor, id: number, status: Exclude<PostStatus, 'published'>, publishedAt: Date | null, now: Date): void {
  getDb().transaction((tx) => {
    const post = tx.select({ title: posts.title }).from(posts).where(eq(posts.id, id)).get()!;
    tx.update(posts).set({ status, publishedAt }).where(eq(posts.id, id)).run();
    if (status === 'scheduled') keepRevision(tx, actor, id, now);
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
  for (const row of getDb()
    .select({ status: posts.status, n: sql<number>`count(*)` })
    .from(posts)
    .groupBy(posts.status)
    .all())
    counts[row.status] = row.n;
  return counts;
}
