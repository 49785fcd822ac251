/**
 * Search on PostgreSQL: the posts_search tsvectors (hearth_search: unaccent, English stemming, every word kept;
 * weights A title, B tags, C excerpt, D body) ranked by ts_rank, snippets by ts_headline, and "Did you mean"
 * from the unstemmed, unaccented words of visible posts. Reader words reach tsquery only as bound values of
 * to_tsquery (letters and digits alone, then `:*` for the prefix) and phraseto_tsquery, so no typed text is
 * ever read as tsquery syntax.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/index';
import type { PostgresDb } from '@/db/postgres';
import { MATCH_END, MATCH_START, plainPhrase, plainWord, type Matching, type SearchDialect, type SearchQuery, type SearchWord } from './search-dialect';

/** One word: a prefix match of the whole (stemmed) word, or its apostrophe split as a phrase. */
function wordQuery({ term, split }: SearchWord): SQL {
  const prefix = sql`to_tsquery('hearth_search', ${`${plainWord(term)}:*`})`;
  return split ? sql`(${prefix} || phraseto_tsquery('hearth_search', ${plainPhrase(split)}))` : prefix;
}

const allWords = (query: SearchQuery) => sql.join(query.words.map(wordQuery), sql` && `);
const tsMatch = ({ query, fallback }: Matching) => (fallback ? sql.join(query.words.map(wordQuery), sql` || `) : allWords(query));

const visibleAt = (now: Date) => sql`p.status IN ('published', 'scheduled') AND p.published_at <= ${now}`;
const epochMs = (column: SQL) => sql`(extract(epoch FROM ${column}) * 1000)::float8`;

/** How many of the words a post (the outer `s.document`) has. */
const wordsMatched = (query: SearchQuery) =>
  sql.join(
    query.words.map((word) => sql`(s.document @@ ${wordQuery(word)})::int`),
    sql` + `,
  );

/** Weights {D body, C excerpt, B tags, A title} in the proportions of SQLite's bm25 ones (1, 4, 6, 10). */
const ranked = (matching: Matching, now: Date) => sql`SELECT p.id, p.slug, p.title, ${epochMs(sql`p.published_at`)} AS published_at,
    ${matching.fallback ? wordsMatched(matching.query) : sql`0`} AS matched, ts_rank('{0.1, 0.4, 0.6, 1.0}', s.document, m.q, 1) AS rank
  FROM posts_search s JOIN posts p ON p.id = s.post_id CROSS JOIN (SELECT ${tsMatch(matching)} AS q) m
  WHERE s.document @@ m.q AND ${visibleAt(now)}`;

async function all<T>(query: SQL): Promise<T[]> {
  return (await (getDb() as unknown as PostgresDb).execute(query)).rows as T[];
}

/** ts_headline's options: one passage of up to 24 words, as SQLite's snippet gives, with the same markers. */
const HEADLINE = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1`;

export const postgresSearch: SearchDialect = {
  async countWithAll(query, now) {
    return (await all<{ n: number }>(sql`SELECT count(*)::int AS n FROM posts_search s JOIN posts p ON p.id = s.post_id WHERE s.document @@ (${allWords(query)}) AND ${visibleAt(now)}`))[0].n;
  },

  async rankedPage(matching, limit, offset, now) {
    // The headline is made for the page's rows alone: it reads a post's whole body again.
    const rows = await all<{ id: number; slug: string; title: string; published_at: number; snippet: string; total: number }>(sql`
      SELECT page.*, ts_headline('hearth_search', p.body, ${tsMatch(matching)}, ${HEADLINE}) AS snippet
      FROM (SELECT r.*, count(*) OVER ()::int AS total FROM (${ranked(matching, now)}) r WHERE r.matched >= ${matching.enough}
        ORDER BY r.matched DESC, r.rank DESC, r.published_at DESC LIMIT ${limit} OFFSET ${offset}) page
      JOIN posts p ON p.id = page.id
      ORDER BY page.matched DESC, page.rank DESC, page.published_at DESC`);
    return rows.map(({ published_at, ...row }) => ({ ...row, publishedAt: new Date(published_at) }));
  },

  async countMatching(matching, now) {
    return (await all<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${ranked(matching, now)}) r WHERE r.matched >= ${matching.enough}`))[0].n;
  },

  async findsAny(word, now) {
    return (await all(sql`SELECT 1 FROM posts_search s JOIN posts p ON p.id = s.post_id WHERE s.document @@ (${wordQuery(word)}) AND ${visibleAt(now)} LIMIT 1`)).length > 0;
  },

  /** Words as the 'simple' configuration reads them after unaccent; compounds such as "brain-fog" are left out (their parts are in). */
  async vocabulary(now) {
    const rows = await all<{ term: string; docs: number }>(sql`
      SELECT w.lexeme AS term, count(*)::int AS docs
      FROM posts p CROSS JOIN unnest(to_tsvector('simple', unaccent(p.title || ' ' || p.excerpt || ' ' || p.body))) w
      WHERE ${visibleAt(now)} GROUP BY w.lexeme`);
    const [{ next }] = await all<{ next: number | null }>(sql`
      SELECT ${epochMs(sql`min(published_at)`)} AS next FROM posts WHERE status = 'scheduled' AND published_at > ${now}`);
    return { docs: new Map(rows.filter((r) => /^[\p{L}\p{N}]+$/u.test(r.term)).map((r) => [r.term, r.docs])), nextScheduled: next };
  },

  async fold(word) {
    return (await all<{ folded: string }>(sql`SELECT lower(unaccent(${word})) AS folded`))[0].folded;
  },
};
