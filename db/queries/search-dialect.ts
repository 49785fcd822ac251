/**
 * What search needs from an engine, so that the rules (all the words first, then most of them; page size;
 * totals; "Did you mean") are written once in search.ts and search-vocabulary.ts, and each engine's SQL lives
 * in one module of its own: search-sqlite.ts (FTS5) and search-postgres.ts (tsvector).
 */

/** One word the reader typed: `term` is lower case with apostrophes dropped; `split` is how it reads split at one ("can t"). */
export type SearchWord = { term: string; split: string | null };

/** What searchPosts() takes: made by toSearchQuery() in lib/search-query.ts, words only, never engine syntax. */
export type SearchQuery = { words: SearchWord[] };

/** Which posts a step looks at: those with every word, or (fallback) those with at least `enough` of them. */
export type Matching = { query: SearchQuery; fallback: boolean; enough: number };

/** `snippet`: the body around the matches, with MATCH_START/MATCH_END. */
export type RankedRow = { id: number; slug: string; title: string; publishedAt: Date; snippet: string; total: number };

/** Markers put around matches in snippets; the page turns them into <mark> after escaping the text. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * A word as it may reach an engine's match syntax: letters and digits only. toSearchQuery() gives nothing else;
 * both dialects check again, so no other caller can pass syntax through. A word with no letters is a caller's bug.
 */
export function plainWord(text: string): string {
  const plain = text.replace(/[^\p{L}\p{N}]+/gu, '');
  if (!plain) throw new Error('A search word needs a letter or a digit: make the query with toSearchQuery().');
  return plain;
}

/** An apostrophe split ("can t") as words separated by single spaces. */
export const plainPhrase = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

export type SearchDialect = {
  /** How many visible posts have every word. */
  countWithAll(query: SearchQuery, now: Date): Promise<number>;
  /**
   * One page of the matching visible posts, most matched words first, then rank (title first), then newest;
   * each row carries its snippet and the total.
   */
  rankedPage(matching: Matching, limit: number, offset: number, now: Date): Promise<RankedRow[]>;
  /** The total for a page past the last one, where no row carries it. */
  countMatching(matching: Matching, now: Date): Promise<number>;
  /** Whether this word alone finds a visible post. */
  findsAny(word: SearchWord, now: Date): Promise<boolean>;
  /** The unstemmed, folded words of visible posts with how many posts use each, and when the next scheduled post comes out. */
  vocabulary(now: Date): Promise<{ docs: Map<string, number>; nextScheduled: number | null }>;
  /** Folds a reader's word as the vocabulary's words were folded. */
  fold(word: string): Promise<string>;
};
