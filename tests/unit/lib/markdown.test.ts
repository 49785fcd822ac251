import { renderMarkdown } from '@/lib/markdown';

describe('renderMarkdown', () => {
  it('gives headings anchor ids and lists h2/h3 for the table of contents', async () => {
    const { html, headings } = await renderMarkdown('## Sleep and pain\n\ntext\n\n### Small steps\n\n## Sleep and pain\n\n#### Deep');
    expect(html).toContain('<h2 id="sleep-and-pain">');
    expect(html).toContain('<h3 id="small-steps">');
    expect(headings).toEqual([
      { level: 2, id: 'sleep-and-pain', text: 'Sleep and pain' },
      { level: 3, id: 'small-steps', text: 'Small steps' },
      { level: 2, id: 'sleep-and-pain-1', text: 'Sleep and pain' },
    ]);
  });

  it('renders footnotes, tables, lists, quotes and links', async () => {
    const { html } = await renderMarkdown(
      'Claim.[^1]\n\n| Day | Energy |\n|---|--:|\n| Mon | 3 |\n\n- one\n- two\n\n> quoted\n\n[EULAR](https://example.org/eular)\n\n[^1]: Macfarlane GJ et al. 2017.',
    );
    expect(html).toMatch(/<sup class="footnote-ref"><a href="#fn1" id="fnref1" aria-label="Footnote 1">1<\/a>/);
    expect(html).toContain('<section class="footnotes" aria-label="Footnotes">');
    expect(html).toContain('<li id="fn1" class="footnote-item">');
    // Wide tables scroll inside a labelled box a keyboard can reach (axe: scrollable-region-focusable).
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Table: Day" tabindex="0"><table>');
    expect(html).toContain('<th style="text-align:right">Energy</th>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="https://example.org/eular">EULAR</a>');
  });

  it('keeps images from this site with their alt text, and drops images from other hosts', async () => {
    expect((await renderMarkdown('![A cup of tea](/uploads/tea.png)')).html).toContain('<img src="/uploads/tea.png" alt="A cup of tea" loading="lazy" decoding="async" />');
    expect((await renderMarkdown('![x](https://tracker.example/x.png)')).html).not.toContain('tracker.example');
    expect((await renderMarkdown('![x](//tracker.example/x.png)')).html).not.toContain('tracker.example');
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror="alert(1)">', /<img[^>]*onerror/i],
    ['[click](javascript:alert(1))', /href="javascript:/i],
    ['[click](JaVaScRiPt:alert(1))', /href="javascript:/i],
    ['<a href="javascript:alert(1)">x</a>', /<a href="javascript:/i],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', /href="data:/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<div onclick="alert(1)">x</div>', /<div[^>]*onclick/i],
  ])('never lets %s through as markup', async (source, forbidden) => {
    expect((await renderMarkdown(source)).html).not.toMatch(forbidden);
  });
});
