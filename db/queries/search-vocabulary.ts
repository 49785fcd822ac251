/**
 * "Did you mean …?" from the words of posts readers can see (never a draft's or a post still
 * scheduled): the vocabulary is read once from the unstemmed posts_words index and kept in memory
 * until `version` changes (the page passes a stamp renewed when the posts cache tag is invalidated)
 * or the next scheduled post comes out.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { editDistance } from '@/db/edit-distance';
import { getDb } from '@/db/index';

type Vocabulary = { version: string; validUntil: number; docs: Map<string, number>; suggestions: Map<string, string | null> };
let cached: Vocabulary | null = null;
/** Answers remembered per vocabulary, so odd queries cannot grow memory without end. */
const MAX_REMEMBERED = 5000;

function load(version: string, now: Date): Vocabulary {
  const db = getDb();
  const rows = db.all<{ term: string; docs: number }>(sql`
    SELECT v.term, count(*) AS docs FROM posts_words_vocab v JOIN posts p ON p.id = v.doc
    WHERE p.status IN ('published', 'scheduled') AND p.published_at <= ${now.getTime()}
    GROUP BY v.term`);
  const [{ next }] = db.all<{ next: number | null }>(sql`
    SELECT min(published_at) AS next FROM posts WHERE status = 'scheduled' AND published_at > ${now.getTime()}`);
  return { version, validUntil: next ?? Infinity, docs: new Map(rows.map((r) => [r.term, r.docs])), suggestions: new Map() };
}

function vocabulary(version: string, now: Date): Vocabulary {
  if (!cached || cached.version !== version || now.getTime() >= cached.validUntil) cached = load(version, now);
  return cached;
}

/** Folds a word as the index does (lower case, no diacritics) so it compares with vocabulary words. */
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The closest well-used visible word to `word` (edit distance 1 before 2, then the most posts), or null.
 * Words shorter than 3 letters, or with digits, get no suggestion: too many near neighbours to guess.
 */
export async function suggestWord(word: string, version: string, now = new Date()): Promise<string | null> {
  const vocab = vocabulary(version, now);
  const folded = fold(word);
  if (vocab.suggestions.has(folded)) return vocab.suggestions.get(folded)!;
  let best: { term: string; distance: number; docs: number } | null = null;
  if (folded.length >= 3 && !/\p{N}/u.test(folded) && !vocab.docs.has(folded)) {
    for (const [term, docs] of vocab.docs) {
      if (term.length < 3) continue;
      const distance = editDistance(folded, term);
      if (distance > 2) continue;
      if (!best || distance < best.distance || (distance === best.distance && docs > best.docs)) best = { term, distance, docs };
    }
  }
  if (vocab.suggestions.size >= MAX_REMEMBERED) vocab.suggestions.clear();
  vocab.suggestions.set(folded, best?.term ?? null);
  return best?.term ?? null;
}
