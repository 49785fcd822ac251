/**
 * Search on SQLite: FTS5 (posts_fts, porter stemming, diacritics removed) ranked by bm25, and the unstemmed
 * posts_words index for "Did you mean". Each reader word becomes a quoted FTS5 string, so nothing the reader
 * typed reaches FTS5 as syntax.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { MATCH_END, MATCH_START, plainPhrase, plainWord, type Matching, type RankedRow, type SearchDialect, type SearchQuery, type SearchWord } from './search-dialect';

/** One word as an FTS5 expression: prefix match of the whole word, or its apostrophe split as a phrase. */
export const ftsWord = ({ term, split }: SearchWord) => (split ? `("${plainWord(term)}"* OR "${plainPhrase(split)}")` : `"${plainWord(term)}"*`);

/** `pacing sleep` → `"pacing"* AND "sleep"*`. */
export const ftsAll = (query: SearchQuery) => query.words.map(ftsWord).join(' AND ');

const ftsMatch = ({ query, fallback }: Matching) => (fallback ? query.words.map(ftsWord).join(' OR ') : ftsAll(query));

const visibleAt = (now: Date) => sql`p.status IN ('published', 'scheduled') AND p.published_at <= ${now.getTime()}`;

/** How many of the words a post (the outer `f.rowid`) has: one indexed lookup per word. */
const wordsMatched = (query: SearchQuery) =>
  sql.join(
    query.words.map((word) => sql`(f.rowid IN (SELECT rowid FROM posts_fts WHERE posts_fts MATCH ${ftsWord(word)}))`),
    sql` + `,
  );

/**
 * Ranking and counting read every matching post, so they leave out snippet(), which re-reads a post's
 * whole body: only the page's posts get one. bm25 weights: title 10, excerpt 4, body 1, tags 6.
 */
const ranked = (matching: Matching, now: Date) => sql`SELECT p.id, p.slug, p.title, p.published_at,
    ${matching.fallback ? wordsMatched(matching.query) : sql`0`} AS matched, bm25(posts_fts, 10.0, 4.0, 1.0, 6.0) AS rank
  FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ${ftsMatch(matching)} AND ${visibleAt(now)}`;

const all = <T>(query: SQL) => getDb().all<T>(query);

/**
 * The body around the matches of each of the page's posts `ids`, with MATCH_START/MATCH_END. All in one list:
 * FTS5 reads the whole match for it, but given `rowid = ?` alone it reads every post after that one.
 */
function pageSnippets(ids: number[], matching: Matching): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = all<{ id: number; snippet: string }>(sql`
    SELECT rowid AS id, snippet(posts_fts, 2, ${MATCH_START}, ${MATCH_END}, '…', 24) AS snippet
    FROM posts_fts WHERE posts_fts MATCH ${ftsMatch(matching)} AND rowid IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(rows.map((r) => [r.id, r.snippet]));
}

export const sqliteSearch: SearchDialect = {
  async countWithAll(query, now) {
    return all<{ n: number }>(sql`SELECT count(*) AS n FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ${ftsAll(query)} AND ${visibleAt(now)}`)[0].n;
  },

  async rankedPage(matching, limit, offset, now) {
    const rows = all<Omit<RankedRow, 'publishedAt' | 'snippet'> & { published_at: number }>(sql`
      SELECT *, count(*) OVER () AS total FROM (${ranked(matching, now)}) WHERE matched >= ${matching.enough}
      ORDER BY matched DESC, rank, published_at DESC LIMIT ${limit} OFFSET ${offset}`);
    const snippets = pageSnippets(
      rows.map((r) => r.id),
      matching,
    );
    return rows.map(({ published_at, ...row }) => ({ ...row, publishedAt: new Date(published_at), snippet: snippets.get(row.id) ?? '' }));
  },

  async countMatching(matching, now) {
    return all<{ n: number }>(sql`SELECT count(*) AS n FROM (${ranked(matching, now)}) WHERE matched >= ${matching.enough}`)[0].n;
  },

  async findsAny(word, now) {
    return all(sql`SELECT 1 FROM posts_fts f JOIN posts p ON p.id = f.rowid WHERE posts_fts MATCH ${ftsWord(word)} AND ${visibleAt(now)} LIMIT 1`).length > 0;
  },

  async vocabulary(now) {
    const rows = all<{ term: string; docs: number }>(sql`
      SELECT v.term, count(*) AS docs FROM posts_words_vocab v JOIN posts p ON p.id = v.doc WHERE ${visibleAt(now)} GROUP BY v.term`);
    const [{ next }] = all<{ next: number | null }>(sql`
      SELECT min(published_at) AS next FROM posts WHERE status = 'scheduled' AND published_at > ${now.getTime()}`);
    return { docs: new Map(rows.map((r) => [r.term, r.docs])), nextScheduled: next };
  },

  /** As the index folds (lower case, no diacritics; letters such as ł, which Unicode does not decompose, stay). */
  async fold(word) {
    return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  },
};
