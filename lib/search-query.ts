/**
 * Turns whatever a reader typed into the words to search for: letters and digits in any script only
 * (apostrophes inside words kept to read contractions), so search syntax (quotes, *, NEAR, OR, :*, !, &,
 * parentheses) never reaches either engine and no query raises an error. Each engine's search module
 * builds its own match expression from these words.
 *
 * Both indexes split words at apostrophes ("can't" is "can" then "t"), so each word is searched both
 * whole and split: "can't", "can’t" and "cant" all become "cant" (a prefix) or the phrase "can t".
 */
import type { SearchQuery, SearchWord } from '@/db/queries/search';

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

/** Words too common to say what a search is about; ignored unless the query has nothing else. */
const STOP_WORDS = new Set(
  'a an and are as at be but by do does for from had has have how i if in into is it its me my no not of on or our so than that the their them then there these they this to was we were what when where which who why will with you your'.split(
    ' ',
  ),
);

const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const APOSTROPHE = /['’ʼ]/u;
const APOSTROPHES = /['’ʼ]/gu;

/** How a word may have been written with an apostrophe: where the reader put one, else as a contraction or possessive ("cant" → "can t", "sjogrens" → "sjogren s"). */
function apostropheSplit(typed: string, term: string): string | null {
  if (APOSTROPHE.test(typed)) return typed.replace(APOSTROPHES, ' ');
  const split = /^(\p{L}{2,}n)(t)$/u.exec(term) ?? /^(\p{L}{2,})(s|re|ve|ll|d)$/u.exec(term);
  return split ? `${split[1]} ${split[2]}` : null;
}

/** The reader's words, lower case, apostrophes dropped ("Can’t" → "cant"), stop words left out when others remain. */
function readWords(input: string): SearchWord[] {
  const typed = (input.slice(0, MAX_QUERY_LENGTH).normalize('NFKC').match(WORD) ?? []).map((w) => w.toLowerCase());
  const words = new Map<string, SearchWord>();
  for (const w of typed) {
    const term = w.replace(APOSTROPHES, '');
    if (!words.has(term)) words.set(term, { term, split: apostropheSplit(w, term) });
  }
  const all = [...words.values()];
  const meaningful = all.filter((w) => !STOP_WORDS.has(w.term));
  return (meaningful.length ? meaningful : all).slice(0, MAX_TERMS);
}

export const searchTerms = (input: string): string[] => readWords(input).map((w) => w.term);

/** `Can’t sleep` → can't (or "can t") and sleep; null when there is nothing to search for. */
export function toSearchQuery(input: string): SearchQuery | null {
  const words = readWords(input);
  return words.length ? { words } : null;
}
