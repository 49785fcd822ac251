/**
 * Full-text search over visible posts (SQLite FTS5, porter stemming). Posts with all of the words come
 * first (bm25); when they fill less than a page, posts with most of the words follow them.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/index';

/** What searchPosts() takes: made by toSearchQuery() in lib/search-query.ts from what the reader typed. */
export type SearchQuery = {
  /** The words searched for, as the reader would read them. */
  terms: string[];
  /** FTS5 query requiring every word. */
  all: string;
  /** One FTS5 query per word, in the order of `terms`, to count how many words a post has. */
  each: string[];
};

export type SearchHit = { slug: string; title: string; publishedAt: string; snippet: string };
/** `withAll` counts the posts that have every word; when it is below `total`, the rest have most of them. */
export type SearchResults = { hits: SearchHit[]; total: number; withAll: number };

export const SEARCH_PAGE_SIZE = 10;
/** Markers SQLite puts around matches; the page turns them into <mark> after escaping the text. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

type Row = { id: number; slug: string; title: string; published_at: number; total: number };

const visibleAt = (now: Date) => sql`p.status IN ('published', 'scheduled') AND p.published_at <= ${now.getTime()}`;

/** How many of the words a post (the outer `f.rowid`) has: one indexed lookup per word. */
const wordsMatched = (query: SearchQuery) =>
  sql.join(
    query.each.map((word) => sql`(f.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ${word}))`),
    sql` + `,
  );

/**
 * `query` must come from toSearchQuery(). Title matches weigh most, then tags, excerpt, body.
 * Ranking and counting read every matching post, so they leave out snippet(), which re-reads a
 * post's whole body: only the page's posts get one.
 */
export async function searchPosts(query: SearchQuery, page: number, now = new Date()): Promise<SearchResults> {
  const db = getDb();
  const visible = visibleAt(now);
  const [{ withAll }] = db.all<{ withAll: number }>(sql`
    SELECT count(*) AS withAll FROM posts_fts f JOIN posts p ON p.id = f.rowid
    WHERE posts_fts MATCH ${query.all} AND ${visible}`);
  const fallback = withAll < SEARCH_PAGE_SIZE && query.each.length > 1;
  // "Most of the words": at least half of them; a post with all of them ranks first anyway.
  const enough = fallback ? Math.ceil(query.each.length / 2) : 0;
  const match = fallback ? query.each.join(' OR ') : query.all;
  const matching = sql`FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ${match} AND ${visible}`;
  const ranked = sql`SELECT p.id, p.slug, p.title, p.published_at, ${fallback ? wordsMatched(query) : sql`0`} AS matched,
      bm25(posts_fts, 10.0, 4.0, 1.0, 6.0) AS rank ${matching}`;
  const rows = db.all<Row>(sql`
    SELECT *, count(*) OVER () AS total FROM (${ranked}) WHERE matched >= ${enough}
    ORDER BY matched DESC, rank, published_at DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);
  const total = !fallback ? withAll : rows.length ? rows[0].total : countMatching(ranked, enough);
  const snippets = snippetsOf(
    rows.map((r) => r.id),
    match,
  );
  return {
    total,
    withAll,
    hits: rows.map((h) => ({ slug: h.slug, title: h.title, publishedAt: new Date(h.published_at).toISOString(), snippet: snippets.get(h.id) ?? '' })),
  };
}

/** For a page past the last one, where no row carries the total. */
const countMatching = (ranked: SQL, enough: number) => getDb().all<{ total: number }>(sql`SELECT count(*) AS total FROM (${ranked}) WHERE matched >= ${enough}`)[0].total;

/** The body around the matches of `match`, for each of the posts `ids`. */
function snippetsOf(ids: number[], match: string): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = getDb().all<{ id: number; snippet: string }>(sql`
    SELECT rowid AS id, snippet(posts_fts, 2, ${MATCH_START}, ${MATCH_END}, '…', 24) AS snippet
    FROM posts_fts WHERE posts_fts MATCH ${match} AND rowid IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(rows.map((r) => [r.id, r.snippet]));
}

/** The words of `query` that on their own find no visible post (candidates for "Did you mean …?"). */
export async function wordsFindingNothing(query: SearchQuery, now = new Date()): Promise<string[]> {
  const visible = visibleAt(now);
  return query.terms.filter((_, i) => getDb().all(sql`SELECT 1 FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ${query.each[i]} AND ${visible} LIMIT 1`).length === 0);
}
