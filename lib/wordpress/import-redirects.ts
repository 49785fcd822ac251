/**
 * The old site's addresses, each pointed at its Hearth page (rows only; serving them is lib/redirects'
 * job). Every from-path is stored in its one normalized spelling; an address Hearth answers itself is
 * never redirected, and a redirect an admin made is never overwritten.
 */
import { saveImportRedirect } from '@/db/queries/wordpress-import';
import { normalizeRedirectPath } from '@/lib/redirects/normalize';
import { write, type ImportContext, type Tx } from './import-context';
import type { IndexedItem } from './import-index';
import { count } from './report';

/** Paths Hearth serves itself: a redirect from them would never be reached (or would hijack a page). */
const HEARTH_OWN = /^\/(posts|media|admin|api|_next)(\/|$)|^\/(feed\.xml|atom\.xml)$|^\/$/;

export async function addRedirect(ctx: ImportContext, tx: Tx, from: string, to: string): Promise<void> {
  const path = normalizeRedirectPath(from);
  if (!path || path === to || (HEARTH_OWN.test(path) && !path.includes('?')) || ctx.redirected.has(path)) return;
  ctx.redirected.add(path);
  const outcome = await write(ctx, () => saveImportRedirect(tx, path, to), 'added' as const);
  if (outcome !== 'kept') count(ctx.report, 'redirect', outcome);
}

const pad = (n: string) => n.padStart(2, '0');

/** Site-local "YYYY-MM-DD …" (WordPress builds permalinks in site time). */
function localDateParts(item: IndexedItem): [string, string, string] | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(item.dateLocal);
  return m && m[1] !== '0000' ? [m[1], pad(m[2]), pad(m[3])] : null;
}

export async function postRedirects(ctx: ImportContext, tx: Tx, item: IndexedItem, slug: string): Promise<void> {
  const to = `/posts/${slug}`;
  const name = item.slug || slug;
  const paths = [item.link, `/${name}`, `/?p=${item.id}`];
  const date = localDateParts(item);
  if (date) paths.push(`/${date[0]}/${date[1]}/${date[2]}/${name}`, `/${date[0]}/${date[1]}/${name}`);
  for (const from of paths) if (from) await addRedirect(ctx, tx, from, to);
}

export async function pageRedirects(ctx: ImportContext, tx: Tx, item: IndexedItem, slug: string): Promise<void> {
  for (const from of [item.link, `/?page_id=${item.id}`]) if (from) await addRedirect(ctx, tx, from, `/${slug}`);
}

export async function attachmentRedirects(ctx: ImportContext, tx: Tx, item: IndexedItem | null, relPath: string, file: string): Promise<void> {
  const to = `/media/${file}`;
  await addRedirect(ctx, tx, `/wp-content/uploads/${relPath}`, to);
  if (item?.link) await addRedirect(ctx, tx, item.link, to);
  if (item) await addRedirect(ctx, tx, `/?attachment_id=${item.id}`, to);
}

export async function feedRedirects(ctx: ImportContext, tx: Tx): Promise<void> {
  for (const from of ['/feed', '/feed/rss2', '/feed/rss', '/comments/feed']) await addRedirect(ctx, tx, from, '/feed.xml');
  await addRedirect(ctx, tx, '/feed/atom', '/atom.xml');
}
