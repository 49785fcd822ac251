/**
 * Whether Hearth itself answers an address, so an admin cannot add a redirect that would never be used (a
 * redirect is only looked up on the way to a 404) or that hides a live page. Takes a normalized path.
 */
import 'server-only';
import { getAuthorBySlug } from '@/db/queries/authors';
import { getPageBySlug } from '@/db/queries/pages';
import { getPublishedPostBySlug } from '@/db/queries/posts';
import { getCategoryBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { parseListingPage } from '@/lib/pagination';

/** First segments whose addresses belong to Hearth's own routes, never to a redirect. */
const OWN_SECTIONS = new Set([
  '_next',
  'account',
  'admin',
  'api',
  'apple-touch-icon.png',
  'archive',
  'atom.xml',
  'comments',
  'favicon.ico',
  'feed.json',
  'feed.xml',
  'icons',
  'media',
  'moved-address',
  'notifications',
  'page',
  'robots.txt',
  'search',
  'signin',
  'sitemap.xml',
  'subscription',
  'welcome',
]);

const LISTINGS: Record<string, (slug: string) => Promise<unknown>> = { category: getCategoryBySlug, tag: getTagBySlug, author: getAuthorBySlug };

/** A sentence saying which Hearth page answers `fromPath`, or null when none does (a redirect can serve it). */
export async function liveAddressProblem(fromPath: string): Promise<string | null> {
  if (fromPath.includes('?')) return null;
  if (fromPath === '/') return 'That is the home page.';
  const [first, second, ...rest] = fromPath.slice(1).split('/');
  if (OWN_SECTIONS.has(first)) return `Hearth answers addresses under /${first} itself.`;
  if (second === undefined) return (await getPageBySlug(first)) ? 'A page lives at that address.' : null;
  if (first === 'posts' && rest.length === 0) return (await getPublishedPostBySlug(second)) ? 'A published post lives at that address.' : null;
  const listing = LISTINGS[first];
  if (!listing) return null;
  if (rest[0] === 'feed.xml') return `Hearth answers feeds under /${first} itself.`;
  return parseListingPage(rest) !== null && (await listing(second)) ? `A live ${first} page lives at that address.` : null;
}
