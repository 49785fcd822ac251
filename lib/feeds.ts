/**
 * RSS 2.0, Atom and JSON Feed for the whole site or one category, made with the `feed` library.
 * Full post content, sanitized by the same renderer readers see; comment text never appears here.
 */
import { Feed } from 'feed';
import type { FeedPost } from '@/db/queries/posts';
import type { SiteInfo } from '@/db/queries/settings';
import { renderMarkdown } from './markdown';

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
export const FEED_SIZE = 20;

/** Characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF) would make the whole feed unreadable. */
export const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/**
 * An item's title and summary as the XML feeds declare them: Atom says type="html" and RSS readers treat
 * <description> as HTML, so a post titled `<script>…` must arrive escaped, as text. JSON Feed's are plain text.
 */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const itemText = (format: FeedFormat) => (text: string) => (format === 'json' ? xmlSafe(text) : escapeHtml(xmlSafe(text)));

/** The feed library writes category names into XML attributes escaping only `&`: a `<` there breaks the XML. */
const categoryName = (name: string) => xmlSafe(name).replace(/[<>]/g, '');

/** Feed readers show items away from the site: every site-relative address (links, images, their srcset sizes) gets the site's origin. */
export const absolutize = (html: string, siteUrl: string) =>
  html
    .replace(/(href|src)="\//g, `$1="${siteUrl}/`)
    .replace(/srcset="([^"]*)"/g, (_, sizes: string) => `srcset="${sizes.replace(/(^|,\s*)\//g, `$1${siteUrl}/`)}"`);

type Scope = { title: string; description: string; path: string; feedPath: string };

export function buildFeed(site: SiteInfo, posts: FeedPost[], scope: Scope, siteUrl: string, format: FeedFormat): Feed {
  const text = itemText(format);
  const feed = new Feed({
    id: `${siteUrl}${scope.path}`,
    link: `${siteUrl}${scope.path}`,
    title: xmlSafe(scope.title),
    description: xmlSafe(scope.description),
    language: 'en',
    updated: posts[0] ? new Date(posts[0].updatedAt ?? posts[0].publishedAt) : new Date(0),
    generator: false,
    copyright: `© ${site.name} and its authors`,
    feedLinks: {
      rss: `${siteUrl}${scope.feedPath}feed.xml`,
      atom: `${siteUrl}${scope.feedPath}atom.xml`,
      json: `${siteUrl}${scope.feedPath}feed.json`,
    },
  });
  for (const post of posts) {
    const url = `${siteUrl}/posts/${post.slug}`;
    feed.addItem({
      id: url,
      link: url,
      title: text(post.title),
      description: text(post.excerpt),
      content: xmlSafe(absolutize(renderMarkdown(post.body).html, siteUrl)),
      date: new Date(post.updatedAt ?? post.publishedAt),
      published: new Date(post.publishedAt),
      author: [{ name: xmlSafe(post.author.name), link: post.author.slug ? `${siteUrl}/author/${post.author.slug}` : undefined }],
      category: [...(post.category ? [{ name: categoryName(post.category.name) }] : []), ...post.tags.map((name) => ({ name: categoryName(name) }))],
    });
  }
  return feed;
}

export function renderFeed(feed: Feed, format: FeedFormat): string {
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
}
