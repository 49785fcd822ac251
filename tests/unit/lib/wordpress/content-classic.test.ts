/**
 * Classic-editor content (no block comments) → Hearth Markdown, each rule converted AND rendered through
 * lib/markdown.ts, checked on the HTML readers would see.
 */
import { OLD, convert, expectInOrder, media } from './content-context';

describe('classic WordPress content', () => {
  it('makes wpautop paragraphs: a blank line separates paragraphs, a single newline is a line break', async () => {
    const { markdown, html } = await convert('First line\nsecond line\n\nNext paragraph.\r\n\r\n\r\nLast one.');
    expect(html).toContain('<p>First line<br />\nsecond line</p>');
    expect(html).toContain('<p>Next paragraph.</p>');
    expect(html).toContain('<p>Last one.</p>');
    expect(markdown).toBe('First line\\\nsecond line\n\nNext paragraph.\n\nLast one.\n');
  });

  it('removes <!--more-->, <!--nextpage--> and other comments, leaving nothing visible', async () => {
    const { html, text } = await convert('Teaser.\n<!--more-->\n\nRest.<!--more Keep reading-->\n\n<!--nextpage-->\n\nPage two.<!-- editor note -->');
    expect(text).toBe('Teaser. Rest. Page two.');
    expect(html).not.toMatch(/more|nextpage|editor note|&lt;!--/);
  });

  it('keeps heading levels h2–h4', async () => {
    const { markdown, html } = await convert('<h2>Sleep</h2>\n<h3>Small<br>steps</h3>\n<h4>Notes</h4>\nText.');
    expect(markdown).toContain('## Sleep\n\n### Small steps\n\n#### Notes');
    expect(html).toContain('<h2 id="sleep">Sleep</h2>');
    expect(html).toContain('<h3 id="small-steps">Small steps</h3>');
    expect(html).toContain('<h4 id="notes">Notes</h4>');
  });

  it('turns [caption] into an image with its caption (a figure), the link to its own file dropped', async () => {
    const { markdown, html, asked } = await convert(
      `Before.\n\n[caption id="attachment_12" align="aligncenter" width="300"]<a href="${OLD}/wp-content/uploads/2024/05/bench.jpg"><img class="size-medium wp-image-12" src="${OLD}/wp-content/uploads/2024/05/bench-300x200.jpg" alt="A bench by the river" width="300" height="200" /></a> Our resting spot, May[/caption]\n\nAfter.`,
    );
    expect(markdown).toContain(`![A bench by the river](${media(1)} "Our resting spot, May")`);
    expect(markdown).not.toMatch(/\\?\[\/?caption/);
    expect(html).toContain(`<figure><img src="${media(1)}" alt="A bench by the river"`);
    expect(html).toContain('<figcaption>Our resting spot, May</figcaption></figure>');
    // Size-suffixed copies are asked for as written; the importer maps them.
    expect(asked).toEqual([`${OLD}/wp-content/uploads/2024/05/bench-300x200.jpg`]);
  });

  it('reads the older [caption caption="…"] attribute as text', async () => {
    const { html } = await convert('[caption id="attachment_3" caption="Tea &amp; <toast>"]<img src="/wp-content/uploads/2024/05/river.png" alt="River" />[/caption]');
    expect(html).toContain(`<figure><img src="${media(3)}" alt="River" loading="lazy" decoding="async" /><figcaption>Tea &amp; &lt;toast&gt;</figcaption></figure>`);
  });

  it('turns [gallery ids] into the attachments’ images, and reports a gallery that names none', async () => {
    const { html, notes } = await convert('[gallery ids="12,13" columns="2"]\n\n[gallery]');
    expect(html).toContain(`<img src="${media(12)}" alt=""`);
    expect(html).toContain(`<img src="${media(13)}" alt=""`);
    expect(html.indexOf(media(12))).toBeLessThan(html.indexOf(media(13)));
    expect(html).not.toContain('gallery');
    expect(notes).toEqual([expect.objectContaining({ outcome: 'skipped', reason: expect.stringContaining('[gallery] without ids') })]);
  });

  it('turns [embed] and a URL alone on its line into a link, and leaves a URL inside a sentence as it was', async () => {
    const { markdown, html } = await convert(
      '[embed]https://youtube.test/watch?v=abc[/embed]\n\nOur talk:\nhttps://vimeo.test/123\nthanks.\n\nSee https://example.org/x for more.\n\nhttps://example.org/plain',
    );
    expect(html).toContain('<p><a href="https://youtube.test/watch?v=abc">Watch on YouTube</a></p>');
    expect(html).toContain('<p><a href="https://vimeo.test/123">Watch on Vimeo</a></p>');
    expect(markdown).toContain('<https://example.org/plain>');
    expect(html).toContain('<p><a href="https://example.org/plain">https://example.org/plain</a></p>');
    expect(html).toContain('<p>See <a href="https://example.org/x">https://example.org/x</a> for more.</p>');
    const notAnAddress = await convert('[embed]our <b>talk</b>[/embed]');
    expect(notAnAddress.html).toContain('<p>[embed]our <strong>talk</strong>[/embed]</p>');
    expect(notAnAddress.notes).toEqual([expect.objectContaining({ outcome: 'kept as text', reason: expect.stringContaining('[embed]') })]);
  });

  it('turns [audio] and [video] into links to their files, and says so', async () => {
    const { html, notes } = await convert(`[audio mp3="${OLD}/wp-content/uploads/talk.mp3"][/audio]\n\n[video src="${OLD}/wp-content/uploads/walk.mp4"]`);
    expect(html).toContain(`<p><a href="${OLD}/wp-content/uploads/talk.mp3">Audio: talk.mp3</a></p>`);
    expect(html).toContain(`<p><a href="${OLD}/wp-content/uploads/walk.mp4">Video: walk.mp4</a></p>`);
    expect(notes.map((n) => n.outcome)).toEqual(['changed', 'changed']);
    expect(notes[0].reason).toContain('[audio]');
  });

  it('keeps unknown shortcodes as their literal text, reported; [[x]] shows [x]; prose brackets are not reported', async () => {
    const { markdown, html, notes } = await convert(
      'Write to us: [contact-form-7 id="1" title="Contact"]\n\nA claim[footnote]Smith, “Rest”, 2019[/footnote] here.\n\nType [[gallery]] to add one. He said [sic] it.',
    );
    expect(html).toContain('<p>Write to us: [contact-form-7 id="1" title="Contact"]</p>');
    expect(html).toContain('<p>A claim[footnote]Smith, “Rest”, 2019[/footnote] here.</p>');
    expect(html).toContain('<p>Type [gallery] to add one. He said [sic] it.</p>');
    expect(markdown).toContain('\\[contact-form-7 id=\\"1\\" title=\\"Contact\\"\\]');
    expect(notes).toEqual([
      { subject: 'Post “Pacing” (WordPress ID 42)', outcome: 'kept as text', reason: 'The shortcode [contact-form-7] is not one Hearth knows: it was kept as text.' },
      { subject: 'Post “Pacing” (WordPress ID 42)', outcome: 'kept as text', reason: 'The shortcode [footnote] is not one Hearth knows: it was kept as text.' },
    ]);
  });

  it('reads stray brackets and unclosed shortcodes in a long post in linear time', async () => {
    const content = `${'[a '.repeat(20_000)}\n\n${'[note] [b id="1"] and '.repeat(20_000)}`;
    const started = Date.now();
    const { markdown, notes } = await convert(content);
    expect(Date.now() - started).toBeLessThan(10_000); // looking to the end for each one's closing tag took over a minute
    expect(markdown.startsWith('\\[a \\[a ')).toBe(true);
    expect(markdown).toContain('\\[note\\] \\[b id=\\"1\\"\\] and \\[note\\]');
    expect(notes).toHaveLength(20_000);
  }, 60_000);

  it('leaves shortcodes and comments inside code as they were', async () => {
    const { html, notes } = await convert('Use <code>[gallery ids="1"]</code> inline.\n\n<pre>[caption]x[/caption]\n&lt;!--more--&gt;\n\n  indented</pre>');
    expect(html).toContain('<code>[gallery ids="1"]</code>');
    expect(html).toContain('<pre><code>[caption]x[/caption]\n&lt;!--more--&gt;\n\n  indented\n</code></pre>');
    expect(notes).toEqual([]);
  });

  it('rewrites links to the old site, keeps other links, and drops script links', async () => {
    const { html } = await convert(
      `See <a href="${OLD}/2024/05/01/pacing/">pacing</a>, <a href="/2024/05/01/pacing/">again</a>, <a href="${OLD}/?p=42">by id</a>, <a href="https://example.com/eular" title="EULAR">EULAR</a> and <a href="javascript:alert(1)">this</a> or <a href=" JaVaScRiPt:alert(1)">that</a>.`,
    );
    expect(html).toContain('<a href="/posts/pacing">pacing</a>, <a href="/posts/pacing">again</a>, <a href="/posts/pacing">by id</a>');
    expect(html).toContain('<a href="https://example.com/eular" title="EULAR">EULAR</a>');
    expect(html).toContain(' and this or that.');
    const odd = await convert('<a href="https://example.org/wiki/Pacing_(energy) x">wiki</a> <a href="https://example.org/a?b=1&amp;c=2">query</a>');
    expect(odd.html).toContain('<a href="https://example.org/wiki/Pacing_(energy)%20x">wiki</a> <a href="https://example.org/a?b=1&amp;c=2">query</a>');
    expect(html).not.toMatch(/javascript/i);
  });

  it('keeps the alt text (or the file name) of an image whose file is missing, and reports it', async () => {
    const { html, notes } = await convert(`<img src="${OLD}/wp-content/uploads/gone.jpg" alt="Our garden"> and <img src="${OLD}/wp-content/uploads/2023/01/lost_file.png">`);
    expect(html).toContain('<p><em>Our garden</em> and <em>lost_file.png</em></p>');
    expect(html).not.toContain('<img');
    expect(notes).toEqual([
      expect.objectContaining({ outcome: 'missing', reason: expect.stringContaining(`${OLD}/wp-content/uploads/gone.jpg`) }),
      expect.objectContaining({ outcome: 'missing', reason: expect.stringContaining('lost_file.png') }),
    ]);
  });

  it('decodes entities and keeps Unicode, emoji and Markdown-special characters exactly, without escaping noise', async () => {
    const { markdown, html, text } = await convert(
      'Zoë O&#8217;Brien-Ñúñez &amp; friends 🎉🌱: file_name, snake_case_words, 2 * 3 = 6, a [note], a | b, _init_, 5 &lt; 7, &amp;copy; stays text.&nbsp;\n\n# not a heading\n- not a list\n1. not a list',
    );
    expect(text).toContain('Zoë O’Brien-Ñúñez & friends 🎉🌱: file_name, snake_case_words, 2 * 3 = 6, a [note], a | b, _init_, 5 < 7, &copy; stays text.');
    expect(text).toContain('# not a heading - not a list 1. not a list');
    expect(html).not.toMatch(/<h1|<ul|<ol|<em|©/);
    expect(markdown).toContain('file_name, snake_case_words');
    expect(markdown).not.toMatch(/[ \t\u00a0]+$/m);
    expect(markdown.endsWith('list\n')).toBe(true);
  });

  it('is not misled by private-use characters in the post (the conversion’s own markers)', async () => {
    const { markdown, text } = await convert('[contact-form-7 id="1"] a\uE0000\uE001 b\uE004c\uE005');
    expect(text).toBe('[contact-form-7 id="1"] a0 bc');
    expect(markdown).not.toMatch(/[\uE000-\uE005]/);
  });

  it('converts lists (nested, ordered with a start), tables with a header row, quotes, bold, italics and strikethrough', async () => {
    const { html } = await convert(
      '<ul>\n<li>One<ul><li>Nested <em>em</em></li></ul></li>\n<li><strong>Two</strong></li>\n</ul>\n<ol start="3"><li>Three</li><li>Four</li></ol>\n<table><tr><th>Day</th><th>Energy</th></tr><tr><td><del>Mon</del></td><td>3 | low</td></tr></table>\n<blockquote>Rest is work.</blockquote>',
    );
    expect(html).toContain('<ul>\n<li>One\n<ul>\n<li>Nested <em>em</em></li>\n</ul>\n</li>\n<li><strong>Two</strong></li>\n</ul>');
    expect(html).toContain('<ol start="3">\n<li>Three</li>\n<li>Four</li>\n</ol>');
    expect(html).toMatch(/<thead>\s*<tr>\s*<th>Day<\/th>\s*<th>Energy<\/th>/);
    expect(html).toMatch(/<td><s>Mon<\/s><\/td>\s*<td>3 \| low<\/td>/);
    expect(html).toContain('<blockquote>\n<p>Rest is work.</p>\n</blockquote>');
  });

  it('renders a realistic classic post as WordPress showed it', async () => {
    const post = [
      'When I was diagnosed in 2019, I thought rest meant <em>giving up</em>. It doesn&#8217;t.',
      '',
      '<!--more-->',
      '',
      '<h2>What pacing means</h2>',
      'Pacing is planning your day around your energy, not your to-do list. A few things that helped me:',
      '<ul>',
      '\t<li>Split tasks into <strong>small steps</strong></li>',
      '\t<li>Rest <em>before</em> you are tired</li>',
      '\t<li>Keep a diary (see <a href="/2024/05/01/pacing/">my earlier post</a>)</li>',
      '</ul>',
      `[caption id="attachment_7" align="alignnone" width="640"]<img src="/wp-content/uploads/2024/05/river.png" alt="The river path" width="640" height="480" class="size-full wp-image-7" /> The path I walk on good days[/caption]`,
      '<h3>My week</h3>',
      '<table>',
      '<thead><tr><th>Day</th><th>Energy (1–5)</th></tr></thead>',
      '<tbody><tr><td>Monday</td><td>3</td></tr><tr><td>Tuesday</td><td>2 &#8211; rest</td></tr></tbody>',
      '</table>',
      '<blockquote>You can do anything, but not everything.</blockquote>',
      'Questions? [contact-form-7 id="9" title="Ask"]',
      '',
      'Take care,',
      'Zoë 💛',
    ].join('\n');
    const { html, text, notes } = await convert(post);
    expectInOrder(text, [
      'When I was diagnosed in 2019, I thought rest meant giving up. It doesn’t.',
      'What pacing means',
      'Pacing is planning your day around your energy, not your to-do list. A few things that helped me:',
      'Split tasks into small steps',
      'Rest before you are tired',
      'Keep a diary (see my earlier post)',
      'The path I walk on good days',
      'My week',
      'Day',
      'Energy (1–5)',
      'Monday',
      '3',
      'Tuesday',
      '2 – rest',
      'You can do anything, but not everything.',
      'Questions? [contact-form-7 id="9" title="Ask"]',
      'Take care, Zoë 💛',
    ]);
    expect(html).toContain('<h2 id="what-pacing-means">What pacing means</h2>');
    expect(html).toContain('<li>Keep a diary (see <a href="/posts/pacing">my earlier post</a>)</li>');
    expect(html).toContain(`<figure><img src="${media(3)}" alt="The river path"`);
    expect(html).toContain('<figcaption>The path I walk on good days</figcaption>');
    expect(html).toMatch(/<td>Tuesday<\/td>\s*<td>2 – rest<\/td>/);
    expect(html).toContain('<p>Take care,<br />\nZoë 💛</p>');
    expect(notes.map((n) => n.outcome)).toEqual(['kept as text']);
  });
});
