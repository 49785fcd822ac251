/**
 * "Did you mean …?" from the words of posts readers can see (never a draft's or a post still
 * scheduled): the vocabulary is read once from the engine's unstemmed words (search-sqlite.ts,
 * search-postgres.ts) and kept in memory until `version` changes (the page passes a stamp renewed when
 * the posts cache tag is invalidated) or the next scheduled post comes out.
 */
import 'server-only';
import { editDistance } from '@/db/edit-distance';
import { searchDialect } from './search';

type Vocabulary = { version: string; validUntil: number; docs: Map<string, number>; suggestions: Map<string, string | null> };
let cached: Vocabulary | null = null;
/** Answers remembered per vocabulary, so odd queries cannot grow memory without end. */
const MAX_REMEMBERED = 5000;

async function vocabulary(version: string, now: Date): Promise<Vocabulary> {
  if (!cached || cached.version !== version || now.getTime() >= cached.validUntil) {
    const { docs, nextScheduled } = await searchDialect().vocabulary(now);
    cached = { version, validUntil: nextScheduled ?? Infinity, docs, suggestions: new Map() };
  }
  return cached;
}

/**
 * The closest well-used visible word to `word` (edit distance 1 before 2, then the most posts, then the first
 * in alphabetical order, so both engines answer alike), or null.
 * Words shorter than 3 letters, or with digits, get no suggestion: too many near neighbours to guess.
 */
export async function suggestWord(word: string, version: string, now = new Date()): Promise<string | null> {
  const vocab = await vocabulary(version, now);
  // Folded as the vocabulary's words were (lower case, no diacritics).
  const folded = await searchDialect().fold(word);
  if (vocab.suggestions.has(folded)) return vocab.suggestions.get(folded)!;
  let best: { term: string; distance: number; docs: number } | null = null;
  if (folded.length >= 3 && !/\p{N}/u.test(folded) && !vocab.docs.has(folded)) {
    for (const [term, docs] of vocab.docs) {
      if (term.length < 3) continue;
      const distance = editDistance(folded, term);
      if (distance > 2) continue;
      const better = !best || distance < best.distance || (distance === best.distance && (docs > best.docs || (docs === best.docs && term < best.term)));
      if (better) best = { term, distance, docs };
    }
  }
  if (vocab.suggestions.size >= MAX_REMEMBERED) vocab.suggestions.clear();
  vocab.suggestions.set(folded, best?.term ?? null);
  return best?.term ?? null;
}
