import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { env } from '@/lib/env';

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection(); // SITE_URL is read when the server runs, not when it is built
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/account', '/api/', '/signin', '/welcome', '/notifications'] },
    sitemap: `${env.siteUrl}/sitemap.xml`,
  };
}
