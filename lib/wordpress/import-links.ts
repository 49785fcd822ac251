/**
 * Links between the old site's posts, rewritten to Hearth addresses. Built from the export's index and the
 * slugs planned before writing, so a link to a post further down the file already has its new address.
 */
import { normalizeRedirectPath } from '@/lib/redirects/normalize';
import type { ImportContext } from './import-context';
import { imageAddress } from './import-images';

export function linkRewriter(ctx: ImportContext): (url: string) => string | null {
  const targets = new Map<string, string>();
  const host = (() => {
    try {
      return new URL(ctx.index.siteUrl).host.toLowerCase();
    } catch {
      return '';
    }
  })();
  const add = (from: string, to: string) => {
    const path = from ? normalizeRedirectPath(from) : null;
    if (path) targets.set(path, to);
  };
  for (const item of ctx.index.items.values()) {
    const post = ctx.postSlugs.get(item.id);
    const page = ctx.pageSlugs.get(item.id);
    if (post) for (const from of [item.link, item.guid, `/?p=${item.id}`]) add(from, `/posts/${post}`);
    if (page) for (const from of [item.link, item.guid, `/?page_id=${item.id}`]) add(from, `/${page}`);
  }
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url, ctx.index.siteUrl || 'http://old.invalid');
    } catch {
      return null;
    }
    if (host && parsed.host.toLowerCase() !== host) return null;
    if (parsed.pathname.includes('/wp-content/uploads/')) return imageAddress(ctx, url);
    const path = normalizeRedirectPath(url);
    const target = path ? targets.get(path) : undefined;
    return target ? target + parsed.hash : null;
  };
}
