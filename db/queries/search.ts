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
/**
 * `withAll` counts the posts that have every word; when it is below `total`, the rest have most of them.
 * `wordsFindingNothing`: the reader's words that on their own find no visible post (candidates for "Did you mean …?").
 */
export type SearchResults = { hits: SearchHit[]; total: number; withAll: number; wordsFindingNothing: string[] };

export const SEARCH_PAGE_SIZE = 10;

/** The search SQL of the engine DATABASE_URL names. */
export const searchDialect = (): SearchDialect => (databaseEngine() === 'postgres' ? postgresSearch : sqliteSearch);

/**
 * `query` must come from toSearchQuery(). A word that finds no post on its own (a typo, a number) is left
 * out of the matching before any ranking: no post has all of the words then, and the posts with most of them
 * are those with enough of the other words. When exactly enough remain, that is every one of them, which the
 * engine's index answers as cheaply as a search with all the words.
 */
export async function searchPosts(query: SearchQuery, page: number, now = new Date()): Promise<SearchResults> {
  const dialect = searchDialect();
  const found = await Promise.all(query.words.map((word) => dialect.findsAny(word, now)));
  const wordsFindingNothing = query.words.filter((_, i) => !found[i]).map((word) => word.term);
  const live: SearchQuery = { words: query.words.filter((_, i) => found[i]) };
  // "Most of the words": at least half of them; a post with all of them ranks first anyway.
  const enough = Math.ceil(query.words.length / 2);
  const withAll = wordsFindingNothing.length ? 0 : await dialect.countWithAll(query, now);
  if (live.words.length < enough) return { total: 0, withAll, hits: [], wordsFindingNothing };
  const fallback = wordsFindingNothing.length ? live.words.length > enough : withAll < SEARCH_PAGE_SIZE && query.words.length > 1;
  const matching = { query: live, fallback, enough: fallback ? enough : 0 };
  const rows = await dialect.rankedPage(matching, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE, now);
  const total = rows.length ? rows[0].total : await dialect.countMatching(matching, now);
  return {
    total,
    withAll,
    wordsFindingNothing,
    hits: rows.map((h) => ({ slug: h.slug, title: h.title, publishedAt: h.publishedAt.toISOString(), snippet: h.snippet })),
  };
}
