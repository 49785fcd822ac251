import { renderMarkdown } from '@/lib/markdown';

const criteria = ['| | Zoë O’Brien-Ñúñez | Łukasz |', '|---|---|---|', '| **Widespread pain** | yes | no |', '| Fatigue <b>x</b> | often | rarely |'].join('\n');

describe('footnotes on a phone', () => {
  let html = '';
  beforeAll(async () => {
    ({ html } = await renderMarkdown('Pacing helps.[^pace] So does rest.[^rest] Again.[^pace]\n\n[^pace]: Łukasz et al., “Pacing”, 2019.\n[^rest]: Zoë O’Brien-Ñúñez, 2021.'));
  });

  it('keeps each marker a labelled link that jumps to its note', () => {
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn1" id="fnref1" aria-label="Footnote 1">1</a></sup>');
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn2" id="fnref2" aria-label="Footnote 2">2</a></sup>');
    expect(html).toContain('<a href="#fn1" id="fnref1:1" aria-label="Footnote 1">1</a>');
  });

  it('gives every note a labelled "Back to text" link to its marker', () => {
    expect(html).toContain('<section class="footnotes" aria-label="Footnotes">');
    expect(html).toMatch(/<li id="fn2" class="footnote-item"><p>Zoë O’Brien-Ñúñez, 2021. <a href="#fnref2" class="footnote-backref" aria-label="Back to text \(footnote 2\)">Back to text<\/a><\/p>/);
    expect(html).toContain('<a href="#fnref1:1" class="footnote-backref" aria-label="Back to text (footnote 1)">Back to text</a>');
  });
});

describe('tables on a phone', () => {
  it('wraps a table in a focusable region named after its first header', async () => {
    const { html } = await renderMarkdown('| Day | Energy |\n|---|--:|\n| Mon | 3 |\n\n| Łukasz & co | x |\n|---|---|\n| a | b |');
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Table: Day" tabindex="0"><table>');
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Table: Łukasz &amp; co" tabindex="0"><table>');
    expect(html).toContain('<td>Mon</td>');
  });

  it('makes the first column row headers when the first header cell is left empty', async () => {
    const { html } = await renderMarkdown(criteria);
    expect(html).toContain('aria-label="Table: Zoë O’Brien-Ñúñez"');
    expect(html).toMatch(/<tr>\s*<td><\/td>\s*<th>Zoë O’Brien-Ñúñez<\/th>/);
    expect(html).toMatch(/<tr>\s*<th scope="row"><strong>Widespread pain<\/strong><\/th>\s*<td>yes<\/td>/);
    expect(html).toMatch(/<th scope="row">Fatigue &lt;b&gt;x&lt;\/b&gt;<\/th>\s*<td>often<\/td>/);
    expect(html).not.toContain('<td></td>\n<td>');
  });

  it.each([
    ['<th scope="row" onclick="alert(1)">x</th>', /<th/],
    ['<div class="table-scroll" role="region" tabindex="0" style="position:fixed">x</div>', /<div/],
    ['<a href="#fn1" aria-label="x" onmouseover="alert(1)">x</a>', /<a /],
    ['<button popovertarget="x">x</button>', /<button/],
    ['| | [x](javascript:alert(1)) |\n|---|---|\n| <script>alert(1)</script> | y |', /<script|href="javascript:/],
  ])('still strips hostile raw HTML: %s', async (source, forbidden) => {
    expect((await renderMarkdown(source)).html).not.toMatch(forbidden);
  });
});
