/** schema.org descriptions of the site and its posts (JSON-LD), with absolute URLs from SITE_URL. */
import type { PostDetail } from '@/db/queries/posts';
import { env } from './env';

export function websiteLd(siteName: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: siteName,
    url: `${env.siteUrl}/`,
    potentialAction: { '@type': 'SearchAction', target: `${env.siteUrl}/search?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  };
}

export function blogPostingLd(post: PostDetail, siteName: string) {
  const url = `${env.siteUrl}/posts/${post.slug}`;
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'BlogPosting',
        headline: post.title,
        description: post.excerpt,
        url,
        mainEntityOfPage: url,
        datePublished: post.publishedAt,
        dateModified: post.updatedAt ?? post.publishedAt,
        author: { '@type': 'Person', name: post.author.name, ...(post.author.slug ? { url: `${env.siteUrl}/author/${post.author.slug}` } : {}) },
        publisher: { '@type': 'Organization', name: siteName, url: `${env.siteUrl}/` },
        ...(post.category ? { articleSection: post.category.name } : {}),
        keywords: post.tags.map((t) => t.name).join(', '),
        commentCount: post.commentCount,
      },
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: siteName, item: `${env.siteUrl}/` },
          ...(post.category ? [{ '@type': 'ListItem', position: 2, name: post.category.name, item: `${env.siteUrl}/category/${post.category.slug}` }] : []),
          { '@type': 'ListItem', position: post.category ? 3 : 2, name: post.title, item: url },
        ],
      },
    ],
  };
}
