/** Full-text search over visible posts (SQLite FTS5, porter stemming), best matches first. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/index';

export type SearchHit = { slug: string; title: string; excerpt: string; publishedAt: string; snippet: string };
export type SearchResults = { hits: SearchHit[]; total: number };

export const SEARCH_PAGE_SIZE = 10;
/** Markers SQLite puts around matches; the page turns them into <mark> after escaping the text. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** `ftsQuery` must come from toFtsQuery(). Title matches weigh most, then tags, excerpt, body. */
export function searchPosts(ftsQuery: string, page: number, now = new Date()): SearchResults {
  const db = getDb();
  const visible = sql`p.status IN ('published', 'scheduled') AND p.published_at <= ${now.getTime()}`;
  const [{ total }] = db.all<{ total: number }>(sql`
    SELECT count(*) AS total FROM posts_fts f JOIN posts p ON p.id = f.rowid
    WHERE posts_fts MATCH ${ftsQuery} AND ${visible}`);
  const hits = db.all<{ slug: string; title: string; excerpt: string; published_at: number; snippet: string }>(sql`
    SELECT p.slug, p.title, p.excerpt, p.published_at,
      snippet(posts_fts, 2, ${MATCH_START}, ${MATCH_END}, '…', 24) AS snippet
    FROM posts_fts f JOIN posts p ON p.id = f.rowid
    WHERE posts_fts MATCH ${ftsQuery} AND ${visible}
    ORDER BY bm25(posts_fts, 10.0, 4.0, 1.0, 6.0), p.published_at DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);
  return {
    total,
    hits: hits.map((h) => ({ slug: h.slug, title: h.title, excerpt: h.excerpt, publishedAt: new Date(h.published_at).toISOString(), snippet: h.snippet })),
  };
}
