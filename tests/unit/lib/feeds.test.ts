import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedPost } from '@/db/queries/posts';
import { absolutize, buildFeed, postEntries, renderFeed, xmlSafe, type FeedFormat } from '@/lib/feeds';

const site = { name: 'Hearth', tagline: 'A warm place', about: '', communityLinks: [], logo: null };
const hostileTitle = 'Pain & fatigue <b>“flares”</b>\u0001\u0008 💛 שלום';
const post: FeedPost = {
  id: 1,
  slug: 'pain-and-fatigue',
  title: hostileTitle,
  excerpt: 'Fog & rest < effort',
  publishedAt: '2026-03-01T09:00:00.000Z',
  updatedAt: null,
  readingMinutes: 3,
  commentCount: 2,
  author: { name: 'Zoë O’Brien-Ñúñez & <Co>', slug: 'zoe' },
  category: { name: 'Research news', slug: 'research-news' },
  body: 'See [the about page](/about) and ![a chart](/uploads/chart.png).\n\n<script>alert(1)</script>\n\nClaim.[^1]\n\n[^1]: Clauw DJ. 2014.',
  tags: ['Pacing', 'Sleep & rest', '<b>"Bold"</b>'],
};
const scope = { title: 'Hearth', description: 'A warm place', path: '/', feedPath: '/' };
const feed = async (format: FeedFormat) => buildFeed(site, await postEntries([post], 'https://hearth.example'), scope, 'https://hearth.example', format);
/** What an HTML-reading feed reader shows for the title: the text, tags and all, never markup. */
const escapedTitle = xmlSafe(hostileTitle).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true });

describe('feeds', () => {
  it('strips characters XML cannot carry', () => {
    expect(xmlSafe('a\u0000b\u001Fc\uFFFEd\tf\ng')).toBe('abcd\tf\ng');
  });

  it('writes valid RSS 2.0 whatever the title holds, with full, sanitized content and absolute links', async () => {
    const xml = renderFeed(await feed('rss'), 'rss');
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parser.parse(xml).rss.channel.item;
    expect(item.title).toBe(escapedTitle);
    expect(item.description).toBe('Fog &amp; rest &lt; effort');
    expect(item.link).toBe('https://hearth.example/posts/pain-and-fatigue');
    const content: string = item['content:encoded'];
    expect(content).toContain('href="https://hearth.example/about"');
    expect(content).toContain('src="https://hearth.example/uploads/chart.png"');
    expect(content).toContain('class="footnotes"');
    expect(content).not.toMatch(/<script/i);
    expect(xml).not.toMatch(/comment/i);
  });

  it('makes every size of a responsive image absolute, leaving other sites’ addresses alone', () => {
    const html = '<img src="/media/a.webp" srcset="/media/a-400.webp 400w, /media/a-800.webp 800w,/media/a.webp 1600w" sizes="100vw"><a href="https://elsewhere.example/x">x</a>';
    expect(absolutize(html, 'https://hearth.example')).toBe(
      '<img src="https://hearth.example/media/a.webp" srcset="https://hearth.example/media/a-400.webp 400w, https://hearth.example/media/a-800.webp 800w,https://hearth.example/media/a.webp 1600w" sizes="100vw"><a href="https://elsewhere.example/x">x</a>',
    );
  });

  it('writes valid Atom and JSON Feed too', async () => {
    const atom = renderFeed(await feed('atom'), 'atom');
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(parser.parse(atom).feed.entry.title['#text'] ?? parser.parse(atom).feed.entry.title).toBe(escapedTitle);
    // XML forbids a raw < in an attribute value (the category labels).
    expect(atom).not.toMatch(/="[^"]*</);
    const json = JSON.parse(renderFeed(await feed('json'), 'json'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]).toMatchObject({ url: 'https://hearth.example/posts/pain-and-fatigue', title: xmlSafe(hostileTitle) });
    expect(json.items[0].content_html).not.toMatch(/<script/i);
  });

  it('names the author in dc:creator in RSS (whose <author> must be an email address) and never writes <author>', async () => {
    const xml = renderFeed(await feed('rss'), 'rss');
    const rss = parser.parse(xml).rss;
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss.channel.item['dc:creator']).toBe('Zoë O’Brien-Ñúñez & <Co>');
    expect(xml).not.toMatch(/<author>/);
  });

  it('writes JSON Feed 1.1: authors as an array, no 1.0 author field', async () => {
    const item = JSON.parse(renderFeed(await feed('json'), 'json')).items[0];
    expect(item.authors).toEqual([{ name: 'Zoë O’Brien-Ñúñez & <Co>', url: 'https://hearth.example/author/zoe' }]);
    expect(item).not.toHaveProperty('author');
  });
});
