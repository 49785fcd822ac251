import { MATCH_END, MATCH_START } from '@/db/queries/search';
import { searchTerms, toFtsQuery } from '@/lib/search-query';
import { snippetHtml } from '@/lib/search-snippet';

describe('search queries', () => {
  it('quotes each word and matches prefixes', () => {
    expect(toFtsQuery('Pacing  sleep')).toBe('"pacing"* "sleep"*');
  });

  it.each(['', '   ', '***', '"', '()', '- ^ :'])('%j has nothing to search for', (input) => expect(toFtsQuery(input)).toBeNull());

  it('turns FTS syntax into plain words', () => {
    expect(toFtsQuery('"brain fog" OR NEAR(pain, sleep) -x col:y*')).toBe('"brain"* "fog"* "or"* "near"* "pain"* "sleep"* "x"* "col"* "y"*');
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
