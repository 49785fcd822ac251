import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { listPublishedPages } from '@/db/queries/pages';
import { listSitemapPosts } from '@/db/queries/posts';
import { listCategories } from '@/db/queries/taxonomy';
import { TAGS, taggedRead } from '@/lib/cache';
import { env } from '@/lib/env';

const readSitemap = taggedRead(
  'sitemap',
  async (): Promise<MetadataRoute.Sitemap> => [
    { url: `${env.siteUrl}/`, changeFrequency: 'daily', priority: 1 },
    ...(await listSitemapPosts()).map((post) => ({ url: `${env.siteUrl}/posts/${post.slug}`, lastModified: post.lastModified })),
    ...(await listCategories()).map((category) => ({ url: `${env.siteUrl}/category/${category.slug}` })),
    ...(await listPublishedPages()).map((page) => ({ url: `${env.siteUrl}/${page.slug}` })),
    { url: `${env.siteUrl}/archive` },
  ],
  () => [TAGS.posts, TAGS.site],
);

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  return readSitemap();
}
