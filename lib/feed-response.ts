/** The HTTP side of feeds: one cached body per format and scope, invalidated with the posts. */
import 'server-only';
import { connection } from 'next/server';
import { listFeedPosts } from '@/db/queries/posts';
import { getSiteSettings } from '@/db/queries/settings';
import { getCategoryBySlug } from '@/db/queries/taxonomy';
import { TAGS, taggedRead } from './cache';
import { env } from './env';
import { buildFeed, FEED_SIZE, FEED_TYPES, renderFeed, type FeedFormat } from './feeds';

function feedBody(format: FeedFormat, categorySlug: string | null): string | null {
  const site = getSiteSettings();
  if (!categorySlug) {
    const scope = { title: site.name, description: site.tagline || site.about, path: '/', feedPath: '/' };
    return renderFeed(buildFeed(site, listFeedPosts(FEED_SIZE), scope, env.siteUrl, format), format);
  }
  const category = getCategoryBySlug(categorySlug);
  if (!category) return null;
  const scope = { title: `${category.name} · ${site.name}`, description: category.description, path: `/category/${category.slug}`, feedPath: `/category/${category.slug}/` };
  return renderFeed(buildFeed(site, listFeedPosts(FEED_SIZE, { categoryId: category.id }), scope, env.siteUrl, format), format);
}

const readFeedBody = taggedRead('feed', feedBody, () => [TAGS.posts, TAGS.site]);

export async function feedResponse(format: FeedFormat, categorySlug: string | null = null): Promise<Response> {
  await connection(); // made at request time from the live database, then served from the cache
  const body = await readFeedBody(format, categorySlug);
  if (body === null) return new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(body, { headers: { 'Content-Type': FEED_TYPES[format], 'Cache-Control': 'public, max-age=300' } });
}
