/**
 * The canonical address of a page of a post list (page 1 is the bare list address; /page/1 redirects
 * there) and, for lists that have one, their RSS feed as an alternate.
 */
import type { Metadata } from 'next';

export function listAlternates(basePath: string, page: number | null, feed?: { path: string; title: string }): Metadata['alternates'] {
  const first = basePath === '/' ? '/' : basePath;
  const canonical = page && page > 1 ? `${basePath.replace(/\/$/, '')}/page/${page}` : first;
  return { canonical, ...(feed ? { types: { 'application/rss+xml': [{ url: feed.path, title: feed.title }] } } : {}) };
}
