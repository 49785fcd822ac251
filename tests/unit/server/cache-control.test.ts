/** @jest-environment node */
/** Cache-Control as Hearth sends it: which answers shared caches may keep, and for how long. */
import { hearthCacheControl, isShareable, PUBLIC_PAGE } from '../../../server/cache-control';

const NEXT_DYNAMIC = 'private, no-cache, no-store, max-age=0, must-revalidate';
const get = (url: string) => ({ method: 'GET', url });

it('shares Next’s cached pages for one second, and keeps per-visitor and immutable answers as they are', () => {
  expect(hearthCacheControl('s-maxage=31536000, stale-while-revalidate', get('/posts/a'))).toBe(PUBLIC_PAGE);
  expect(hearthCacheControl(NEXT_DYNAMIC, get('/account'))).toBe(NEXT_DYNAMIC);
  expect(hearthCacheControl('public, max-age=31536000, immutable', get('/media/a.webp'))).toBe('public, max-age=31536000, immutable');
  expect(hearthCacheControl(undefined, get('/api/me'))).toBe('private, no-store');
});

it('shares search results, the same HTML for everyone at one address, but not a failed or posted search', () => {
  for (const url of ['/search', '/search?q=brain%20fog', '/search?q=slep&page=2']) expect(hearthCacheControl(NEXT_DYNAMIC, get(url))).toBe(PUBLIC_PAGE);
  expect(hearthCacheControl(NEXT_DYNAMIC, { method: 'HEAD', url: '/search?q=x' })).toBe(PUBLIC_PAGE);
  expect(hearthCacheControl(NEXT_DYNAMIC, get('/search?q=x'), 500)).toBe(NEXT_DYNAMIC);
  expect(hearthCacheControl(NEXT_DYNAMIC, { method: 'POST', url: '/search' })).toBe(NEXT_DYNAMIC);
  expect(hearthCacheControl(NEXT_DYNAMIC, get('/searching-for-calm'))).toBe(NEXT_DYNAMIC);
  expect(hearthCacheControl(NEXT_DYNAMIC, get('/search/anything'))).toBe(NEXT_DYNAMIC);
});

it('lets the page caches keep pages and feeds, never private, unchecked or immutable answers', () => {
  expect(isShareable(PUBLIC_PAGE)).toBe(true);
  expect(isShareable('public, max-age=300')).toBe(true);
  for (const value of [NEXT_DYNAMIC, 'private, no-store', 'public, no-cache', 'public, max-age=31536000, immutable', undefined, '']) expect(isShareable(value)).toBe(false);
});
