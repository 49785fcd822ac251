/**
 * Gutenberg content (block comments) → Hearth Markdown, block by block, each converted AND rendered through
 * lib/markdown.ts and checked on the HTML readers would see.
 */
import { OLD, convert, expectInOrder, media } from './content-context';

const block = (name: string, html: string, attrs?: object) => `<!-- wp:${name}${attrs ? ` ${JSON.stringify(attrs)}` : ''} -->\n${html}\n<!-- /wp:${name} -->`;
const doc = (...blocks: string[]) => blocks.join('\n\n');

describe('Gutenberg WordPress content', () => {
  it('converts paragraphs and headings with their levels', async () => {
    const { markdown, html } = await convert(
      doc(
        block('paragraph', '<p>Hello <strong>there</strong>, <em>friend</em>.</p>'),
        block('heading', '<h2 class="wp-block-heading">Sleep</h2>'),
        block('heading', '<h3 class="wp-block-heading">Small steps</h3>', { level: 3 }),
        block('heading', '<h4 class="wp-block-heading">Notes</h4>', { level: 4 }),
      ),
    );
    expect(markdown).toBe('Hello **there**, *friend*.\n\n## Sleep\n\n### Small steps\n\n#### Notes\n');
    expect(html).toContain('<p>Hello <strong>there</strong>, <em>friend</em>.</p>');
    expect(html).toContain('<h2 id="sleep">Sleep</h2>\n<h3 id="small-steps">Small steps</h3>\n<h4 id="notes">Notes</h4>');
  });

  it('converts ordered and unordered lists made of list-item blocks, nested', async () => {
    const item = (inner: string) => block('list-item', `<li>${inner}</li>`);
    const { markdown, html } = await convert(
      block('list', `<ol>${item('First')}${block('list-item', `<li>Second${block('list', `<ul>${item('inner <em>one</em>')}${item('inner two')}</ul>`)}</li>`)}${item('Third')}</ol>`, {
        ordered: true,
      }),
    );
    expect(markdown).toBe('1. First\n2. Second\n   - inner *one*\n   - inner two\n3. Third\n');
    expect(html).toContain('<ol>\n<li>First</li>\n<li>Second\n<ul>\n<li>inner <em>one</em></li>\n<li>inner two</li>\n</ul>\n</li>\n<li>Third</li>\n</ol>');
  });

  it('converts quotes with a citation (a final “— citation” line inside the quote) and pullquotes', async () => {
    const { html } = await convert(
      doc(
        block('quote', `<blockquote class="wp-block-quote">${block('paragraph', '<p>Rest is work.</p>')}${block('paragraph', '<p>Really.</p>')}<cite>Zoë O'Brien</cite></blockquote>`),
        block('pullquote', '<figure class="wp-block-pullquote"><blockquote><p>Small steps count.</p><cite>A reader</cite></blockquote></figure>'),
      ),
    );
    expect(html).toContain('<blockquote>\n<p>Rest is work.</p>\n<p>Really.</p>\n<p>— Zoë O’Brien</p>\n</blockquote>');
    expect(html).toContain('<blockquote>\n<p>Small steps count.</p>\n<p>— A reader</p>\n</blockquote>');
  });

  it('keeps code and preformatted text exactly, shortcodes and comments in them untouched', async () => {
    const { markdown, html, notes } = await convert(
      doc(
        block('code', '<pre class="wp-block-code"><code>[gallery ids="1"] &lt;!--more--&gt;\nif (a &amp;&amp; b) { return `x`; }\n```</code></pre>'),
        block('preformatted', '<pre class="wp-block-preformatted">line one<br>  line two</pre>'),
      ),
    );
    expect(markdown).toContain('````\n[gallery ids="1"] <!--more-->\nif (a && b) { return `x`; }\n```\n````');
    expect(html).toContain('<pre><code>[gallery ids="1"] &lt;!--more--&gt;\nif (a &amp;&amp; b) { return `x`; }\n```\n</code></pre>');
    expect(html).toContain('<pre><code>line one\n  line two\n</code></pre>');
    expect(notes).toEqual([]);
  });

  it('converts a table to a GFM table: header row, inline formatting, pipes escaped, alignment; the first row heads a table without one', async () => {
    const { html } = await convert(
      doc(
        block(
          'table',
          '<figure class="wp-block-table"><table><thead><tr><th>Day</th><th class="has-text-align-right" data-align="right">Energy</th></tr></thead><tbody><tr><td><strong>Mon</strong> <a href="https://example.org/a">a</a></td><td class="has-text-align-right" data-align="right">3 | low</td></tr><tr><td>Tue</td><td></td></tr></tbody></table><figcaption class="wp-element-caption">My week</figcaption></figure>',
        ),
        block('table', '<figure class="wp-block-table"><table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table></figure>'),
      ),
    );
    expect(html).toMatch(/<thead>\s*<tr>\s*<th>Day<\/th>\s*<th style="text-align:right">Energy<\/th>\s*<\/tr>\s*<\/thead>/);
    expect(html).toMatch(/<td><strong>Mon<\/strong> <a href="https:\/\/example.org\/a">a<\/a><\/td>\s*<td style="text-align:right">3 \| low<\/td>/);
    expect(html).toMatch(/<td>Tue<\/td>\s*<td style="text-align:right"><\/td>/);
    expect(html).toContain('<p><em>My week</em></p>');
    expect(html).toMatch(/aria-label="Table: a" tabindex="0"><table>\s*<thead>\s*<tr>\s*<th>a<\/th>\s*<th>b<\/th>[\s\S]*<td>c<\/td>\s*<td>d<\/td>/);
  });

  it('converts image blocks with alt, caption and link; a missing image keeps its alt text and is reported', async () => {
    const { html, notes } = await convert(
      doc(
        block(
          'image',
          `<figure class="wp-block-image size-large"><img src="${OLD}/wp-content/uploads/2024/05/bench-300x200.jpg" alt="A bench" class="wp-image-12"/><figcaption class="wp-element-caption">Our <em>resting</em> spot</figcaption></figure>`,
          { id: 12 },
        ),
        block('image', `<figure class="wp-block-image"><a href="${OLD}/about/"><img src="/wp-content/uploads/2024/05/river.png" alt="River"/></a><figcaption>About us</figcaption></figure>`),
        block('image', `<figure class="wp-block-image"><img src="${OLD}/wp-content/uploads/gone.jpg" alt="Our garden"/><figcaption>In June</figcaption></figure>`),
      ),
    );
    expect(html).toContain(`<figure><img src="${media(1)}" alt="A bench" loading="lazy" decoding="async" /><figcaption>Our resting spot</figcaption></figure>`);
    expect(html).toContain(`<p><a href="/about"><img src="${media(3)}" alt="River"`);
    expect(html).toContain('<p><em>About us</em></p>');
    expect(html).toContain('<p><em>Our garden</em></p>\n<p><em>In June</em></p>');
    expect(notes).toEqual([expect.objectContaining({ outcome: 'missing', reason: expect.stringContaining('gone.jpg') })]);
  });

  it('converts galleries, new (image blocks inside) and old (a list of figures), each image with its caption', async () => {
    const image = (src: string, alt: string, caption: string) => block('image', `<figure class="wp-block-image"><img src="${src}" alt="${alt}"/><figcaption>${caption}</figcaption></figure>`);
    const { html } = await convert(
      doc(
        block(
          'gallery',
          `<figure class="wp-block-gallery has-nested-images">${image(`${OLD}/wp-content/uploads/2024/05/bench.jpg`, 'Bench', 'One')}${image('/wp-content/uploads/2024/05/river.png', 'River', 'Two')}<figcaption class="blocks-gallery-caption">Our walk</figcaption></figure>`,
        ),
        block(
          'gallery',
          `<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="${OLD}/wp-content/uploads/2024/05/bench.jpg" alt="Bench again"/><figcaption class="blocks-gallery-item__caption">Three</figcaption></figure></li></ul></figure>`,
          { ids: [12] },
        ),
      ),
    );
    expect(html).toContain(`<figure><img src="${media(2)}" alt="Bench" loading="lazy" decoding="async" /><figcaption>One</figcaption></figure>`);
    expect(html).toContain(`<figure><img src="${media(3)}" alt="River" loading="lazy" decoding="async" /><figcaption>Two</figcaption></figure>`);
    expect(html).toContain('<p><em>Our walk</em></p>');
    expect(html).toContain(`<figure><img src="${media(2)}" alt="Bench again" loading="lazy" decoding="async" /><figcaption>Three</figcaption></figure>`);
  });

  it('turns embeds (core/embed and legacy core-embed/*) into links on their own line', async () => {
    const { markdown, html } = await convert(
      doc(
        block(
          'embed',
          '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://youtube.test/watch?v=abc&amp;t=1\n</div><figcaption>Our talk</figcaption></figure>',
          { url: 'https://youtube.test/watch?v=abc&t=1', type: 'video', providerNameSlug: 'youtube' },
        ),
        block('core-embed/twitter', '<figure class="wp-block-embed-twitter wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://twitter.test/someone/status/1\n</div></figure>', {
          url: 'https://twitter.test/someone/status/1',
        }),
        block('embed', '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://example.org/some/page\n</div></figure>', { url: 'https://example.org/some/page' }),
        block('embed', `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n${OLD}/2024/05/01/pacing/\n</div></figure>`, {
          url: `${OLD}/2024/05/01/pacing/`,
          providerNameSlug: 'old-site',
        }),
      ),
    );
    expect(html).toContain('<p><a href="https://youtube.test/watch?v=abc&amp;t=1">Watch on YouTube</a></p>\n<p><em>Our talk</em></p>');
    expect(html).toContain('<p><a href="https://twitter.test/someone/status/1">View on Twitter</a></p>');
    expect(markdown).toContain('\n<https://example.org/some/page>\n');
    expect(html).toContain('<p><a href="https://example.org/some/page">https://example.org/some/page</a></p>');
    expect(html).toContain(`<p><a href="/posts/pacing">${OLD}/2024/05/01/pacing/</a></p>`);
    expect(html).not.toContain('<iframe');
  });

  it('turns audio and video blocks and embedded frames into links to what they played, and says so', async () => {
    const { html, notes } = await convert(
      doc(
        block('audio', `<figure class="wp-block-audio"><audio controls src="${OLD}/wp-content/uploads/2024/05/our%20talk.mp3"></audio><figcaption>Our talk</figcaption></figure>`, { id: 30 }),
        block('video', `<figure class="wp-block-video"><video controls><source src="${OLD}/wp-content/uploads/walk.mp4" type="video/mp4"></video></figure>`),
        block('html', '<iframe src="https://vimeo.test/video/5" width="640"></iframe>'),
      ),
    );
    expect(html).toContain(`<p><a href="${OLD}/wp-content/uploads/2024/05/our%20talk.mp3">Audio: our talk.mp3</a></p>\n<p><em>Our talk</em></p>`);
    expect(html).toContain(`<p><a href="${OLD}/wp-content/uploads/walk.mp4">Video: walk.mp4</a></p>`);
    expect(html).toContain('<p><a href="https://vimeo.test/video/5">Watch on Vimeo</a></p>');
    expect(html).not.toMatch(/<audio|<video|<iframe/);
    expect(notes.map((n) => [n.outcome, n.reason])).toEqual([
      ['changed', `The audio player ${OLD}/wp-content/uploads/2024/05/our%20talk.mp3 became a link.`],
      ['changed', `The video player ${OLD}/wp-content/uploads/walk.mp4 became a link.`],
      ['changed', 'The embedded frame https://vimeo.test/video/5 became a link.'],
    ]);
  });

  it('keeps separators, drops spacers and more/nextpage markers, and turns buttons into links', async () => {
    const { markdown, html, text } = await convert(
      doc(
        block('paragraph', '<p>Before</p>'),
        block('more', '<!--more-->'),
        '<!-- wp:spacer {"height":"40px"} -->\n<div style="height:40px" aria-hidden="true" class="wp-block-spacer"></div>\n<!-- /wp:spacer -->',
        block('separator', '<hr class="wp-block-separator has-alpha-channel-opacity"/>'),
        block('nextpage', '<!--nextpage-->'),
        block(
          'buttons',
          `<div class="wp-block-buttons">${block('button', `<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="${OLD}/about/">About us</a></div>`)}${block('button', '<div class="wp-block-button"><a class="wp-block-button__link" href="https://example.com/donate">Donate</a></div>')}</div>`,
        ),
      ),
    );
    expect(markdown).toBe('Before\n\n---\n\n[About us](/about)\n\n[Donate](https://example.com/donate)\n');
    expect(html).toContain('<p>Before</p>\n<hr />');
    expect(text).toBe('Before About us Donate');
  });

  it('keeps columns and groups’ inner blocks in order, and reads html, shortcode and classic blocks through the HTML path', async () => {
    const column = (text: string) => block('column', `<div class="wp-block-column">${block('paragraph', `<p>${text}</p>`)}</div>`);
    const { html, notes } = await convert(
      doc(
        block('columns', `<div class="wp-block-columns">${column('Left')}${column('Right')}</div>`),
        block('group', `<div class="wp-block-group">${block('heading', '<h2>Grouped</h2>')}${block('paragraph', '<p>Inside</p>')}</div>`),
        block('html', '<p>Raw <b>bold</b> and <span style="color:red">red</span></p>\n<script>alert(1)</script>'),
        block('shortcode', '[gallery ids="12"]'),
        'Classic text\nwith a break\n\n<h3>Old heading</h3>',
      ),
    );
    expectInOrder(html, [
      '<p>Left</p>',
      '<p>Right</p>',
      '<h2 id="grouped">Grouped</h2>',
      '<p>Inside</p>',
      '<p>Raw <strong>bold</strong> and red</p>',
      media(12),
      '<p>Classic text<br />\nwith a break</p>',
      '<h3 id="old-heading">Old heading</h3>',
    ]);
    expect(html).not.toMatch(/script|alert|&lt;/);
    expect(notes).toEqual([]);
  });

  it('keeps the text of blocks Hearth does not know, and reports them (and those with nothing to keep)', async () => {
    const { html, notes } = await convert(
      doc(
        block('jetpack/slideshow', '<div class="wp-block-jetpack-slideshow"><p>Slide <em>one</em></p><p>Slide two</p></div>'),
        '<!-- wp:latest-posts {"postsToShow":3} /-->',
        block('paragraph', '<p>After</p>'),
      ),
    );
    expect(html).toContain('<p>Slide <em>one</em></p>\n<p>Slide two</p>\n<p>After</p>');
    expect(notes).toEqual([
      { subject: 'Post “Pacing” (WordPress ID 42)', outcome: 'kept as text', reason: 'The block “jetpack/slideshow” is not one Hearth knows: its text was kept.' },
      { subject: 'Post “Pacing” (WordPress ID 42)', outcome: 'skipped', reason: expect.stringContaining('“core/latest-posts” has no content of its own') },
    ]);
  });

  it('drops script links and keeps odd characters exactly', async () => {
    const { html, text } = await convert(
      doc(
        block('paragraph', '<p><a href="javascript:alert(1)">Click</a> <a href="data:text/html;base64,PHNjcmlwdD4=">me</a></p>'),
        block('paragraph', '<p>Zoë O’Brien-Ñúñez 🎉 wrote 2 * 3, a_b, _x_, [y] and a | b &amp; more&nbsp;</p>'),
      ),
    );
    expect(html).not.toMatch(/javascript|data:|<a/);
    expect(text).toBe('Click me Zoë O’Brien-Ñúñez 🎉 wrote 2 * 3, a_b, _x_, [y] and a | b & more');
  });

  it('renders a realistic Gutenberg post as WordPress showed it', async () => {
    const item = (inner: string) => block('list-item', `<li>${inner}</li>`);
    const post = doc(
      block('paragraph', '<p>I&#8217;ve lived with ME/CFS for six years. Here is what I wish I&#8217;d known — and what <a href="/2024/05/01/pacing/">pacing</a> changed.</p>'),
      block('more', '<!--more-->'),
      block('heading', '<h2 class="wp-block-heading">The first year</h2>'),
      block('paragraph', '<p>Nobody told me that <strong>rest is a treatment</strong>.</p>'),
      block(
        'image',
        `<figure class="wp-block-image size-large"><img src="${OLD}/wp-content/uploads/2024/05/bench-300x200.jpg" alt="A bench by the river" class="wp-image-12"/><figcaption class="wp-element-caption">Where I rest on walks</figcaption></figure>`,
        { id: 12, sizeSlug: 'large' },
      ),
      block('heading', '<h3 class="wp-block-heading">What helped</h3>', { level: 3 }),
      block('list', `<ul class="wp-block-list">${item('A diary of energy')}${item(`Short walks${block('list', `<ul>${item('ten minutes')}${item('then rest')}</ul>`)}`)}${item('Saying no')}</ul>`),
      block('quote', `<blockquote class="wp-block-quote">${block('paragraph', '<p>You are not lazy; you are ill.</p>')}<cite>My GP, 2019</cite></blockquote>`),
      block(
        'table',
        '<figure class="wp-block-table"><table><thead><tr><th>Week</th><th>Steps</th></tr></thead><tbody><tr><td>1</td><td>2,000</td></tr><tr><td>2</td><td>2,500</td></tr></tbody></table></figure>',
      ),
      block('embed', '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://youtube.test/watch?v=talk\n</div></figure>', {
        url: 'https://youtube.test/watch?v=talk',
        providerNameSlug: 'youtube',
      }),
      block('separator', '<hr class="wp-block-separator"/>'),
      block('paragraph', '<p>Take care, Zoë 💛</p>'),
    );
    const { html, text, notes } = await convert(post);
    expectInOrder(text, [
      'I’ve lived with ME/CFS for six years. Here is what I wish I’d known — and what pacing changed.',
      'The first year',
      'Nobody told me that rest is a treatment.',
      'Where I rest on walks',
      'What helped',
      'A diary of energy',
      'Short walks',
      'ten minutes',
      'then rest',
      'Saying no',
      'You are not lazy; you are ill.',
      '— My GP, 2019',
      'Week',
      'Steps',
      '1',
      '2,000',
      '2',
      '2,500',
      'Watch on YouTube',
      'Take care, Zoë 💛',
    ]);
    expect(html).toContain('<a href="/posts/pacing">pacing</a>');
    expect(html).toContain('<h2 id="the-first-year">The first year</h2>');
    expect(html).toContain('<h3 id="what-helped">What helped</h3>');
    expect(html).toContain(`<figure><img src="${media(1)}" alt="A bench by the river"`);
    expect(html).toMatch(/<li>Short walks\s*<ul>\s*<li>ten minutes<\/li>/);
    expect(html).toMatch(/<td>2<\/td>\s*<td>2,500<\/td>/);
    expect(html).toContain('<hr />');
    expect(html).not.toMatch(/wp:|more|&lt;/);
    expect(notes).toEqual([]);
  });
});
