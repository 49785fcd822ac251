/**
 * Full-text search over visible posts, on either engine: posts with all of the words come first (title
 * matches above tags, excerpt and body); when they fill less than a page, posts with most of the words follow
 * them. The rules are here; each engine's SQL is in search-sqlite.ts or search-postgres.ts.
 */
import 'server-only';
import { databaseEngine } from '@/db/database-file';
import { type SearchDialect, type SearchQuery } from './search-dialect';
import { postgresSearch } from './search-postgres';
import { sqliteSearch } from './search-sqlite';

export { MATCH_END, MATCH_START, type SearchQuery, type SearchWord } from './search-dialect';

export type SearchHit = { slug: string; title: string; publishedAt: string; snippet: string };
/** `withAll` counts the posts that have every word; when it is below `total`, the rest have most of them. */
export type SearchResults = { hits: SearchHit[]; total: number; withAll: number };

export const SEARCH_PAGE_SIZE = 10;

/** The search SQL of the engine DATABASE_URL names. */
export const searchDialect = (): SearchDialect => (databaseEngine() === 'postgres' ? postgresSearch : sqliteSearch);

/** `query` must come from toSearchQuery(). */
export async function searchPosts(query: SearchQuery, page: number, now = new Date()): Promise<SearchResults> {
  const dialect = searchDialect();
  const withAll = await dialect.countWithAll(query, now);
  const fallback = withAll < SEARCH_PAGE_SIZE && query.words.length > 1;
  // "Most of the words": at least half of them; a post with all of them ranks first anyway.
  const matching = { query, fallback, enough: fallback ? Math.ceil(query.words.length / 2) : 0 };
  const rows = await dialect.rankedPage(matching, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE, now);
  const total = !fallback ? withAll : rows.length ? rows[0].total : await dialect.countMatching(matching, now);
  const snippets = await dialect.snippets(
    rows.map((r) => r.id),
    matching,
  );
  return {
    total,
    withAll,
    hits: rows.map((h) => ({ slug: h.slug, title: h.title, publishedAt: h.publishedAt.toISOString(), snippet: snippets.get(h.id) ?? '' })),
  };
}

/** The words of `query` that on their own find no visible post (candidates for "Did you mean …?"). */
export async function wordsFindingNothing(query: SearchQuery, now = new Date()): Promise<string[]> {
  const dialect = searchDialect();
  const found = await Promise.all(query.words.map((word) => dialect.findsAny(word, now)));
  return query.words.filter((_, i) => !found[i]).map((word) => word.term);
}
