/**
 * RSS 2.0, Atom and JSON Feed 1.1 of posts (the whole site, a category or a tag) and of one post's approved
 * comments, made with the `feed` library. Full content, sanitized by the same renderer readers see.
 */
import { Feed } from 'feed';
import type { CommentView } from '@/db/queries/comment-view';
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
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
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
  html.replace(/(href|src)="\//g, `$1="${siteUrl}/`).replace(/srcset="([^"]*)"/g, (_, sizes: string) => `srcset="${sizes.replace(/(^|,\s*)\//g, `$1${siteUrl}/`)}"`);

type Scope = { title: string; description: string; path: string; feedPath: string };

/** One item of any feed: a post, or a comment on one. `author` is a display name, never an address. */
export type FeedEntry = { url: string; title: string; summary: string; html: string; date: Date; published: Date; author: string; authorLink?: string; categories: string[] };

export const postEntries = (posts: FeedPost[], siteUrl: string): Promise<FeedEntry[]> =>
  Promise.all(
    posts.map(async (post) => ({
      url: `${siteUrl}/posts/${post.slug}`,
      title: post.title,
      summary: post.excerpt,
      html: (await renderMarkdown(post.body)).html,
      date: new Date(post.updatedAt ?? post.publishedAt),
      published: new Date(post.publishedAt),
      author: post.author.name,
      authorLink: post.author.slug ? `${siteUrl}/author/${post.author.slug}` : undefined,
      categories: [...(post.category ? [post.category.name] : []), ...post.tags],
    })),
  );

/** Approved comments only (the query's job); the stored HTML is already sanitized for the thread. */
export const commentEntries = (comments: CommentView[], post: { slug: string; title: string }, siteUrl: string): FeedEntry[] =>
  comments.map((comment) => {
    const author = comment.author?.name ?? 'Deleted member';
    return {
      url: `${siteUrl}/posts/${post.slug}#comment-${comment.id}`,
      title: `${author} on “${post.title}”`,
      summary: '',
      html: comment.html,
      date: new Date(comment.editedAt ?? comment.createdAt),
      published: new Date(comment.createdAt),
      author,
      categories: [],
    };
  });

export function buildFeed(site: SiteInfo, entries: FeedEntry[], scope: Scope, siteUrl: string, format: FeedFormat): Feed {
  const text = itemText(format);
  const feed = new Feed({
    id: `${siteUrl}${scope.path}`,
    link: `${siteUrl}${scope.path}`,
    title: xmlSafe(scope.title),
    description: xmlSafe(scope.description),
    language: 'en',
    updated: entries[0] ? entries[0].date : new Date(0),
    generator: false,
    copyright: `© ${site.name} and its authors`,
    feedLinks: {
      rss: `${siteUrl}${scope.feedPath}feed.xml`,
      atom: `${siteUrl}${scope.feedPath}atom.xml`,
      json: `${siteUrl}${scope.feedPath}feed.json`,
    },
  });
  for (const entry of entries) {
    const author = xmlSafe(entry.author);
    feed.addItem({
      id: entry.url,
      link: entry.url,
      title: text(entry.title),
      description: entry.summary ? text(entry.summary) : undefined,
      content: xmlSafe(absolutize(entry.html, siteUrl)),
      date: entry.date,
      published: entry.published,
      // RSS's <author> must be an email address, which is never published: RSS names the author in dc:creator.
      author: format === 'rss' ? undefined : [{ name: author, link: entry.authorLink }],
      extensions: format === 'rss' ? [{ name: 'dc:creator', objects: { _text: author } }] : undefined,
      category: entry.categories.map((name) => ({ name: categoryName(name) })),
    });
  }
  return feed;
}

/** JSON Feed 1.1: the library writes 1.0 (`author`); 1.1 names authors in an `authors` array. */
function jsonFeed11(json: string): string {
  const feed = JSON.parse(json);
  feed.version = 'https://jsonfeed.org/version/1.1';
  for (const item of feed.items ?? []) {
    if (item.author) item.authors = [item.author];
    delete item.author;
  }
  return JSON.stringify(feed, null, 2);
}

export function renderFeed(feed: Feed, format: FeedFormat): string {
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : jsonFeed11(feed.json1());
}
