/**
 * Turns whatever a reader typed into a safe FTS5 query: words only (letters and digits in any script),
 * each quoted and prefix-matched, all required. FTS syntax (quotes, *, NEAR, OR, parentheses) can
 * never reach SQLite as syntax, so no query raises an error.
 */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

export function searchTerms(input: string): string[] {
  const words = input.slice(0, MAX_QUERY_LENGTH).normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, MAX_TERMS);
}

/** `pacing sleep` → `"pacing"* "sleep"*`; null when there is nothing to search for. */
export function toFtsQuery(input: string): string | null {
  const terms = searchTerms(input);
  return terms.length ? terms.map((t) => `"${t}"*`).join(' ') : null;
}
