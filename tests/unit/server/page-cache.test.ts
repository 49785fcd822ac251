/** @jest-environment node */
import { createPageCache } from '../../../server/page-cache';

type Headers = Record<string, string>;
const request = (url: string, headers: Headers = {}, method = 'GET') => ({ url, method, headers }) as never;

describe('which requests the page cache may answer', () => {
  const cache = createPageCache({ lifetimeMs: 1000 });

  it('answers GETs of reader pages, signed in or not, keyed by the router and encoding headers', () => {
    const plain = cache.keyFor(request('/posts/a'));
    expect(plain).not.toBeNull();
    expect(cache.keyFor(request('/posts/a', { 'accept-encoding': 'gzip' }))).not.toBe(plain);
    expect(cache.keyFor(request('/posts/a', { rsc: '1' }))).not.toBe(plain);
    expect(cache.keyFor(request('/posts/a', { cookie: 'theme=dark' }))).toBe(plain);
    // Reader pages are one HTML for everyone: members share them.
    expect(cache.keyFor(request('/posts/a', { cookie: 'x=1; authjs.session-token=abc' }))).toBe(plain);
    expect(cache.keyFor(request('/posts/a', { cookie: 'authjs.session-token.0=abc; authjs.session-token.1=def' }))).toBe(plain);
    // Look-alikes of the just-wrote cookie are ordinary cookies.
    expect(cache.keyFor(request('/posts/a', { cookie: 'my-hearth-just-wrote=1; hearth-just-wrote-not=1' }))).toBe(plain);
  });

  it.each([
    ['a browser that has just changed something', request('/posts/a', { cookie: 'hearth-just-wrote=1' })],
    ['a signed-in browser that has just changed something', request('/posts/a', { cookie: 'authjs.session-token=abc; theme=dark;hearth-just-wrote=1' })],
    ['a POST', request('/posts/a', {}, 'POST')],
    ['a server action', request('/posts/a', { 'next-action': 'abc' })],
    ['an API route', request('/api/me')],
    ['the admin', request('/admin/posts')],
    ['an account page', request('/account')],
    ['a build file', request('/_next/static/chunks/a.js')],
    ['a range request', request('/posts/a', { range: 'bytes=0-10' })],
  ])('never answers %s', (_name, req) => {
    expect(cache.keyFor(req)).toBeNull();
  });

  it('is off with a lifetime of 0', () => {
    expect(createPageCache({ lifetimeMs: 0 }).keyFor(request('/posts/a'))).toBeNull();
  });
});
