/** Feeds, sitemap and robots from the built app, on the seeded content. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { baseUrl } from './browser';

const get = (pathname: string) => fetch(`${baseUrl()}${pathname}`);
const parser = new XMLParser({ ignoreAttributes: false });

describe('feeds and discovery', () => {
  it.each([
    ['/feed.xml', 'application/rss+xml'],
    ['/atom.xml', 'application/atom+xml'],
    ['/category/research-news/feed.xml', 'application/rss+xml'],
  ])('%s is valid XML listing published posts only', async (pathname, type) => {
    const response = await get(pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('/posts/');
    expect(xml).not.toContain('draft-notes-on-winter-flares');
    expect(xml).not.toContain('scheduled-spring-gathering');
  });

  it('serves JSON Feed with full content', async () => {
    const feed = await (await get('/feed.json')).json();
    expect(feed.items.length).toBeGreaterThanOrEqual(10);
    expect(feed.items[0].content_html).toContain('<p>');
  });

  it('answers 404 for the feed of an unknown category', async () => {
    expect((await get('/category/no-such-category/feed.xml')).status).toBe(404);
  });

  it('lists every published post in the sitemap and points robots at it', async () => {
    const sitemap = parser.parse(await (await get('/sitemap.xml')).text());
    const urls: string[] = sitemap.urlset.url.map((u: { loc: string }) => u.loc);
    expect(urls).toContain(`${baseUrl()}/`);
    expect(urls.filter((u) => u.includes('/posts/')).length).toBeGreaterThanOrEqual(17);
    expect(urls.join(' ')).not.toContain('draft-notes-on-winter-flares');
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${baseUrl()}/sitemap.xml`);
    expect(robots).toContain('Disallow: /admin');
  });

  it('announces the feeds in the head of every page', async () => {
    const html = await (await get('/')).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(head).toContain('href="/atom.xml"');
    expect(head).toContain('href="/feed.json"');
  });
});

describe('sharing metadata', () => {
  const jsonLd = (html: string) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));

  it('describes a post for link previews and search engines', async () => {
    const home = await (await get('/')).text();
    const postPath = home.match(/href="(\/posts\/[^"]+)"/)![1];
    const html = await (await get(postPath)).text();
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toMatch(/<meta property="og:site_name" content="Hearth"\/>/);
    expect(html).toContain(`<meta property="og:url" content="${baseUrl()}${postPath}"/>`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(html).toContain(`<link rel="canonical" href="${baseUrl()}${postPath}"/>`);
    const graph = jsonLd(html).flatMap((d) => d['@graph'] ?? [d]);
    const posting = graph.find((d) => d['@type'] === 'BlogPosting');
    expect(posting.url).toBe(`${baseUrl()}${postPath}`);
    expect(graph.find((d) => d['@type'] === 'BreadcrumbList').itemListElement.length).toBeGreaterThanOrEqual(2);
  });

  it('generates a preview image for each post', async () => {
    const home = await (await get('/')).text();
    const postPath = home.match(/href="(\/posts\/[^"]+)"/)![1];
    const html = await (await get(postPath)).text();
    const imageUrl = html.match(/<meta property="og:image" content="([^"]+)"/)![1].replace(/&amp;/g, '&');
    expect(imageUrl.startsWith(`${baseUrl()}${postPath}/opengraph-image`)).toBe(true);
    const image = await fetch(imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('describes the site, with its search, on the home page', async () => {
    const site = jsonLd(await (await get('/')).text()).find((d) => d['@type'] === 'WebSite');
    expect(site.potentialAction.target).toBe(`${baseUrl()}/search?q={search_term_string}`);
  });
});
