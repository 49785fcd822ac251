/**
 * Reads of posts for readers. Only posts whose publication time has come are ever returned:
 * drafts and scheduled posts cannot be reached by list, URL or slug guessing.
 */
import 'server-only';
import { and, count, desc, asc, eq, gt, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { categories, comments, postTags, posts, slugRedirects, tags, uploads, users } from '@/db/schema';

export type PostSummary = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  /** ISO 8601 strings: these objects pass through Next's JSON cache. */
  publishedAt: string;
  updatedAt: string | null;
  readingMinutes: number;
  commentCount: number;
  author: { name: string; slug: string | null };
  category: { name: string; slug: string } | null;
};

export type PostDetail = PostSummary & {
  body: string;
  commentsClosed: boolean;
  tags: { name: string; slug: string }[];
  contentNote: string | null;
  lastReviewedAt: string | null;
  cover: { url: string; width: number; height: number; alt: string } | null;
};

export type PostPage = { posts: PostSummary[]; page: number; totalPages: number; total: number };

export type PostFilter = { categoryId?: number; tagId?: number; authorId?: string };

export const POSTS_PER_PAGE = 10;
const WORDS_PER_MINUTE = 200;

/** Counted in SQL so lists never load whole bodies; the same figure shows on cards and posts. */
const wordCount = sql<number>`length(trim(${posts.body})) - length(replace(replace(trim(${posts.body}), ' ', ''), ${'\n'}, '')) + 1`.mapWith(Number);

const approvedCommentCount = sql<number>`(select count(*) from ${comments} where ${comments.postId} = ${posts.id} and ${comments.status} = 'approved')`.mapWith(Number);

const summaryColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  words: wordCount,
  commentCount: approvedCommentCount,
  authorName: users.name,
  authorSlug: users.slug,
  categoryName: categories.name,
  categorySlug: categories.slug,
};

type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: Date | null;
  updatedAt: Date | null;
  words: number;
  commentCount: number;
  authorName: string | null;
  authorSlug: string | null;
  categoryName: string | null;
  categorySlug: string | null;
};

function toSummary(row: SummaryRow): PostSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    updatedAt: row.updatedAt ? row.updatedAt.toISOString() : null,
    readingMinutes: Math.max(1, Math.round(row.words / WORDS_PER_MINUTE)),
    commentCount: row.commentCount,
    author: { name: row.authorName ?? 'Unknown author', slug: row.authorSlug },
    category: row.categoryName && row.categorySlug ? { name: row.categoryName, slug: row.categorySlug } : null,
  };
}

/**
 * Published, or scheduled, and due: the one definition of "a reader may see this post".
 * A scheduled post shows at its time by itself; the mail worker then marks it published, emails subscribers
 * and has cached pages refreshed (lib/page-refresh.ts).
 */
export function isVisible(now: Date): SQL {
  return and(inArray(posts.status, ['published', 'scheduled']), lte(posts.publishedAt, now))!;
}

function filterClause(filter: PostFilter): SQL[] {
  const db = getDb();
  const clauses: SQL[] = [];
  if (filter.categoryId !== undefined) clauses.push(eq(posts.categoryId, filter.categoryId));
  if (filter.authorId !== undefined) clauses.push(eq(posts.authorId, filter.authorId));
  if (filter.tagId !== undefined) {
    clauses.push(inArray(posts.id, db.select({ id: postTags.postId }).from(postTags).where(eq(postTags.tagId, filter.tagId))));
  }
  return clauses;
}

function summaryQuery() {
  return getDb().select(summaryColumns).from(posts).innerJoin(users, eq(users.id, posts.authorId)).leftJoin(categories, eq(categories.id, posts.categoryId));
}

/**
 * One page of visible posts, newest first. Returns null for a page number past the end
 * (page 1 always exists, even when there are no posts yet).
 */
export async function listPublishedPosts(page: number, filter: PostFilter = {}, now = new Date()): Promise<PostPage | null> {
  const where = and(isVisible(now), ...filterClause(filter));
  const [{ total }] = await getDb().select({ total: count() }).from(posts).where(where);
  const totalPages = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  const rows = await summaryQuery()
    .where(where)
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(POSTS_PER_PAGE)
    .offset((page - 1) * POSTS_PER_PAGE);
  return { posts: rows.map(toSummary), page, totalPages, total };
}

async function postDetail(where: SQL): Promise<PostDetail | null> {
  const db = getDb();
  const [row] = await db
    .select({
      ...summaryColumns,
      body: posts.body,
      commentsClosed: posts.commentsClosed,
      contentNote: posts.contentNote,
      lastReviewedAt: posts.lastReviewedAt,
      coverFile: uploads.file,
      coverWidth: uploads.width,
      coverHeight: uploads.height,
      coverAlt: posts.coverAlt,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(categories, eq(categories.id, posts.categoryId))
    .leftJoin(uploads, eq(uploads.id, posts.coverImageId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const postTagRows = await db.select({ name: tags.name, slug: tags.slug }).from(postTags).innerJoin(tags, eq(tags.id, postTags.tagId)).where(eq(postTags.postId, row.id)).orderBy(asc(tags.name));
  return {
    ...toSummary({ ...row, publishedAt: row.publishedAt ?? new Date() }), // an undated draft previews as "today"
    body: row.body,
    commentsClosed: row.commentsClosed,
    tags: postTagRows,
    contentNote: row.contentNote,
    lastReviewedAt: row.lastReviewedAt ? row.lastReviewedAt.toISOString() : null,
    cover: row.coverFile ? { url: `/media/${row.coverFile}`, width: row.coverWidth!, height: row.coverHeight!, alt: row.coverAlt ?? '' } : null,
  };
}

export async function getPublishedPostBySlug(slug: string, now = new Date()): Promise<PostDetail | null> {
  return postDetail(and(eq(posts.slug, slug), isVisible(now))!);
}

/** Any post, whatever its status: for the author's preview only (the caller checks who is asking). */
export async function getPostForPreview(id: number): Promise<PostDetail | null> {
  return postDetail(eq(posts.id, id));
}

/** Where an old slug now lives, for a permanent redirect; only to a post readers may see. */
export async function getRedirectedSlug(oldSlug: string, now = new Date()): Promise<string | null> {
  const [row] = await getDb()
    .select({ slug: posts.slug })
    .from(slugRedirects)
    .innerJoin(posts, eq(posts.id, slugRedirects.postId))
    .where(and(eq(slugRedirects.oldSlug, oldSlug), isVisible(now)))
    .limit(1);
  return row?.slug ?? null;
}

export type PostLink = { slug: string; title: string };

/** The visible posts just older and just newer than the given one. */
export async function getAdjacentPosts(post: { id: number; publishedAt: string }, now = new Date()): Promise<{ previous: PostLink | null; next: PostLink | null }> {
  const db = getDb();
  const at = new Date(post.publishedAt);
  const link = { slug: posts.slug, title: posts.title };
  const [previous] = await db
    .select(link)
    .from(posts)
    .where(and(isVisible(now), or(lt(posts.publishedAt, at), and(eq(posts.publishedAt, at), lt(posts.id, post.id)))))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(1);
  const [next] = await db
    .select(link)
    .from(posts)
    .where(and(isVisible(now), or(gt(posts.publishedAt, at), and(eq(posts.publishedAt, at), gt(posts.id, post.id)))))
    .orderBy(asc(posts.publishedAt), asc(posts.id))
    .limit(1);
  return { previous: previous ?? null, next: next ?? null };
}

export type ArchivePost = { slug: string; title: string; publishedAt: string };

/** Every visible post for the archive, newest first (lib/archive groups them by the site's months). */
export async function listArchive(now = new Date()): Promise<ArchivePost[]> {
  const rows = await getDb().select({ slug: posts.slug, title: posts.title, publishedAt: posts.publishedAt }).from(posts).where(isVisible(now)).orderBy(desc(posts.publishedAt), desc(posts.id));
  return rows.map((row) => ({ slug: row.slug, title: row.title, publishedAt: (row.publishedAt ?? new Date(0)).toISOString() }));
}

export type FeedPost = PostSummary & { body: string; tags: string[] };

/** The newest visible posts with their bodies, for feeds. */
export async function listFeedPosts(limit: number, filter: PostFilter = {}, now = new Date()): Promise<FeedPost[]> {
  const db = getDb();
  const rows = await db
    .select({ ...summaryColumns, body: posts.body })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .leftJoin(categories, eq(categories.id, posts.categoryId))
    .where(and(isVisible(now), ...filterClause(filter)))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit);
  const tagRows = rows.length
    ? await db
        .select({ postId: postTags.postId, name: tags.name })
        .from(postTags)
        .innerJoin(tags, eq(tags.id, postTags.tagId))
        .where(
          inArray(
            postTags.postId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(tags.name)) // as on the post page; without it each engine lists them in its own order
    : [];
  return rows.map((row) => ({ ...toSummary(row), body: row.body, tags: tagRows.filter((t) => t.postId === row.id).map((t) => t.name) }));
}

/** Every visible post's address and last change, for the sitemap. */
export async function listSitemapPosts(now = new Date()): Promise<{ slug: string; lastModified: string }[]> {
  const rows = await getDb().select({ slug: posts.slug, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt }).from(posts).where(isVisible(now)).orderBy(desc(posts.publishedAt));
  return rows.map((r) => ({ slug: r.slug, lastModified: (r.updatedAt ?? r.publishedAt ?? new Date(0)).toISOString() }));
}

/** The outer post row in a correlated subquery: Drizzle leaves single-table select columns unqualified. */
const outerPostId = sql.raw('"posts"."id"');

/** Up to `limit` visible posts sharing the most tags (and then the category) with this one. */
export async function listRelatedPosts(post: { id: number; categorySlug: string | null }, limit = 3, now = new Date()): Promise<PostLink[]> {
  const [category] = post.categorySlug ? await getDb().select({ id: categories.id }).from(categories).where(eq(categories.slug, post.categorySlug)).limit(1) : [];
  const categoryId = category?.id ?? null;
  const sharedTags = sql<number>`(select count(*) from ${postTags} a join ${postTags} b on a.tag_id = b.tag_id where a.post_id = ${outerPostId} and b.post_id = ${post.id})`.mapWith(Number);
  const score = sql<number>`(${sharedTags} * 2 + case when ${posts.categoryId} = ${categoryId} then 1 else 0 end)`.mapWith(Number);
  return await getDb()
    .select({ slug: posts.slug, title: posts.title })
    .from(posts)
    .where(and(isVisible(now), sql`${posts.id} <> ${post.id}`, sql`${score} > 0`))
    .orderBy(desc(score), desc(posts.publishedAt))
    .limit(limit);
}

/** The visible posts with the most approved comments in the last 30 days. */
export async function listPopularPosts(limit = 5, now = new Date()): Promise<(PostLink & { recentComments: number })[]> {
  const since = sql.param(new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000), comments.createdAt);
  const recent = sql<number>`(select count(*) from ${comments} c where c.post_id = ${outerPostId} and c.status = 'approved' and c.created_at >= ${since})`.mapWith(Number);
  return await getDb()
    .select({ slug: posts.slug, title: posts.title, recentComments: recent })
    .from(posts)
    .where(and(isVisible(now), sql`${recent} > 0`))
    .orderBy(desc(recent), desc(posts.publishedAt))
    .limit(limit);
}
