/** "Did you mean …?": the reader's words with each one that finds nothing replaced by a close word posts use. */
import 'server-only';
import type { SearchQuery } from '@/db/queries/search';
import { suggestWord } from '@/db/queries/search-vocabulary';
import { TAGS, taggedRead } from '@/lib/cache';

/** A stamp renewed whenever the posts cache tag is invalidated (publishing, editing, unpublishing). */
export const vocabularyVersion = taggedRead(
  'search-vocabulary-version',
  () => `${Date.now()}-${Math.random()}`,
  () => [TAGS.posts],
);

/**
 * The corrected search, or null when every word finds something or no close word exists. `wordsFindingNothing`
 * comes from the search's results (searchPosts), which looked each word up already.
 */
export async function correctedSearch(query: SearchQuery, wordsFindingNothing: string[], version: string, now = new Date()): Promise<string | null> {
  const unknown = new Set(wordsFindingNothing);
  if (!unknown.size) return null;
  let changed = false;
  const words: string[] = [];
  for (const { term } of query.words) {
    const suggestion = unknown.has(term) ? await suggestWord(term, version, now) : null;
    if (suggestion) changed = true;
    words.push(suggestion ?? term);
  }
  return changed ? words.join(' ') : null;
}
