import { editDistance } from '@/db/edit-distance';
import { MATCH_END, MATCH_START } from '@/db/queries/search';
import { ftsAll } from '@/db/queries/search-sqlite';
import { searchTerms, toSearchQuery } from '@/lib/search-query';

/** The FTS5 expression SQLite searches with, for what the reader typed. */
const fts5 = (input: string) => ftsAll(toSearchQuery(input)!);
import { snippetHtml } from '@/lib/search-snippet';

describe('search queries', () => {
  it('quotes each word and matches prefixes', () => {
    expect(fts5('Pacing  sleep')).toBe('"pacing"* AND "sleep"*');
  });

  it.each(['', '   ', '***', '"', '()', '- ^ :'])('%j has nothing to search for', (input) => expect(toSearchQuery(input)).toBeNull());

  it('turns FTS syntax into plain words', () => {
    expect(fts5('"brain fog" NEAR(pain, sleep) -x col:y*')).toBe('"brain"* AND "fog"* AND "near"* AND "pain"* AND "sleep"* AND "x"* AND "col"* AND "y"*');
  });

  it('ignores stop words unless nothing else is left', () => {
    expect(searchTerms('How do I pace myself at work?')).toEqual(['pace', 'myself', 'work']);
    expect(searchTerms('the')).toEqual(['the']);
    expect(searchTerms('To be or not to be')).toEqual(['to', 'be', 'or', 'not']);
  });

  it('reads straight, curly and missing apostrophes alike', () => {
    const expected = '("cant"* OR "can t") AND "sleep"*';
    for (const q of ["can't sleep", 'can’t sleep', 'cant sleep', 'CAN’T  SLEEP']) expect(fts5(q)).toBe(expected);
    expect(fts5('Sjögren’s')).toBe('("sjögrens"* OR "sjögren s")');
    expect(fts5("O'Brien")).toBe('("obrien"* OR "o brien")');
  });

  it('keeps emoji out and right-to-left words in, and caps long input', () => {
    expect(searchTerms('שלום 💛 עולם')).toEqual(['שלום', 'עולם']);
    expect(searchTerms('word '.repeat(500)).length).toBe(1);
    expect(searchTerms(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).length).toBe(12);
  });
});

describe('snippets', () => {
  it('escapes the text, drops Markdown marks and highlights the matches', () => {
    const raw = `## Sleep\n**Good ${MATCH_START}pacing${MATCH_END}** <script>x</script> [link](https://e.example)[^1]`;
    expect(snippetHtml(raw)).toBe('Sleep Good <mark>pacing</mark> &lt;script&gt;x&lt;/script&gt; link');
  });
});

describe('edit distance', () => {
  it.each([
    ['slep', 'sleep', 1],
    ['excercise', 'exercise', 1],
    ['fatigeu', 'fatigue', 1],
    ['pian', 'pain', 1],
    ['sleep', 'sleep', 0],
    ['naltrexon', 'naltrexone', 1],
    ['flair', 'flare', 2],
    ['abc', 'xyz', 3],
    ['a', 'abcdefgh', 3],
  ])('%s → %s is %i (3 means "more than 2")', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
