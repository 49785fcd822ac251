/**
 * The HTTP side of feeds: one cached body per format and source, invalidated with what it lists, answered
 * with ETag and Last-Modified so feed readers polling every few minutes get `304 Not Modified` instead.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { connection } from 'next/server';
import { listFeedComments } from '@/db/queries/comment-thread';
import { getPublishedPostBySlug, listFeedPosts } from '@/db/queries/posts';
import { getCommentSettings, getSiteSettings } from '@/db/queries/settings';
import { getCategoryBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { TAGS, taggedRead } from './cache';
import { env } from './env';
import { isFresh } from './conditional-get';
import { buildFeed, commentEntries, FEED_SIZE, FEED_TYPES, postEntries, renderFeed, type FeedFormat } from './feeds';

/** Whose feed: the whole site's posts, one category's or one tag's, or one post's comments (by slug). */
export type FeedSource = { kind: 'site' } | { kind: 'category' | 'tag' | 'comments'; slug: string };

async function feedBody(format: FeedFormat, source: FeedSource): Promise<string | null> {
  const site = await getSiteSettings();
  const render = (entries: Parameters<typeof buildFeed>[1], title: string, description: string, path: string, feedPath = `${path}/`) =>
    renderFeed(buildFeed(site, entries, { title, description, path, feedPath }, env.siteUrl, format), format);
  if (source.kind === 'site') return render(await postEntries(await listFeedPosts(FEED_SIZE), env.siteUrl), site.name, site.tagline || site.about, '/', '/');
  if (source.kind === 'category') {
    const category = await getCategoryBySlug(source.slug);
    if (!category) return null;
    const posts = await listFeedPosts(FEED_SIZE, { categoryId: category.id });
    return render(await postEntries(posts, env.siteUrl), `${category.name} · ${site.name}`, category.description, `/category/${category.slug}`);
  }
  if (source.kind === 'tag') {
    const tag = await getTagBySlug(source.slug);
    if (!tag) return null;
    const posts = await listFeedPosts(FEED_SIZE, { tagId: tag.id });
    return render(await postEntries(posts, env.siteUrl), `Posts tagged ${tag.name} · ${site.name}`, `Posts tagged ${tag.name}`, `/tag/${tag.slug}`);
  }
  // Members-only comments are never public: such a site has no comment feeds at all.
  const post = (await getCommentSettings()).membersOnly ? null : await getPublishedPostBySlug(source.slug);
  if (!post) return null;
  const entries = commentEntries(await listFeedComments(post.id, FEED_SIZE), post, env.siteUrl);
  return render(entries, `Comments on “${post.title}” · ${site.name}`, `The newest comments on “${post.title}”`, `/posts/${post.slug}`, `/posts/${post.slug}/comments/`);
}

type CachedFeed = { body: string; etag: string; lastModified: string };

/**
 * Made once per invalidation: the body, its hash as ETag, and the moment it was made as Last-Modified
 * (any change to what a feed shows, a deletion included, invalidates it and so moves that moment).
 */
async function cachedFeed(format: FeedFormat, source: FeedSource): Promise<CachedFeed | null> {
  const body = await feedBody(format, source);
  if (body === null) return null;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  return { body, etag, lastModified: new Date().toUTCString() };
}

const readFeed = taggedRead('feed', cachedFeed, (_format, source) => [TAGS.posts, TAGS.site, ...(source.kind === 'comments' ? [TAGS.post(source.slug), TAGS.comments] : [])]);

export async function feedResponse(request: Request, format: FeedFormat, source: FeedSource = { kind: 'site' }): Promise<Response> {
  await connection(); // made at request time from the live database, then served from the cache
  const feed = await readFeed(format, source);
  if (feed === null) return new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const headers = { 'Content-Type': FEED_TYPES[format], 'Cache-Control': 'public, max-age=300', ETag: feed.etag, 'Last-Modified': feed.lastModified };
  if (isFresh(request.headers, feed)) return new Response(null, { status: 304, headers });
  return new Response(feed.body, { headers });
}
