/** "Did you mean …?": the reader's words with each one that finds nothing replaced by a close word posts use. */
import 'server-only';
import { wordsFindingNothing, type SearchQuery } from '@/db/queries/search';
import { suggestWord } from '@/db/queries/search-vocabulary';
import { TAGS, taggedRead } from '@/lib/cache';

/** A stamp renewed whenever the posts cache tag is invalidated (publishing, editing, unpublishing). */
export const vocabularyVersion = taggedRead(
  'search-vocabulary-version',
  () => `${Date.now()}-${Math.random()}`,
  () => [TAGS.posts],
);

/** The corrected search, or null when every word finds something or no close word exists. */
export function correctedSearch(query: SearchQuery, version: string, now = new Date()): string | null {
  const unknown = new Set(wordsFindingNothing(query, now));
  if (!unknown.size) return null;
  let changed = false;
  const words = query.terms.map((term) => {
    const suggestion = unknown.has(term) ? suggestWord(term, version, now) : null;
    if (suggestion) changed = true;
    return suggestion ?? term;
  });
  return changed ? words.join(' ') : null;
}
