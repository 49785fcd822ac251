/** @jest-environment node */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPageCache } from '../../../server/page-cache';

type Handler = (res: http.ServerResponse, cache: ReturnType<typeof createPageCache>) => void;

/** Serves one request through recordInto; the body of a second request if the cache answered it, else null. */
async function storedAfter(handler: Handler, method = 'GET'): Promise<string | null> {
  const cache = createPageCache({ lifetimeMs: 60_000 });
  let handled = 0;
  const server = http.createServer((req, res) => {
    const key = cache.keyFor(req)!;
    if (cache.answer(key, req, res)) return;
    handled += 1;
    cache.recordInto(key, req, res);
    handler(res, cache);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/posts/a`;
  try {
    await (await fetch(url, { method })).arrayBuffer();
    const again = await (await fetch(url)).text();
    return handled === 1 ? again : null;
  } finally {
    server.close();
  }
}

const publicPage = (res: http.ServerResponse) => res.setHeader('Cache-Control', 'public, max-age=0, s-maxage=1');

describe('what the page cache keeps', () => {
  it('keeps a public 200 page and sends it again as it was', async () => {
    expect(await storedAfter((res) => (publicPage(res), res.write('<p>one '), res.end('page</p>')))).toBe('<p>one page</p>');
  });

  it('keeps a feed, which browsers may keep for minutes', async () => {
    expect(await storedAfter((res) => (res.setHeader('Cache-Control', 'public, max-age=300'), res.end('<rss/>')))).toBe('<rss/>');
  });

  it.each<[string, Handler]>([
    ['a per-visitor answer', (res) => (res.setHeader('Cache-Control', 'private, no-store'), res.end('mine'))],
    ['an answer without Cache-Control', (res) => res.end('unsaid')],
    ['an immutable file (left to browsers)', (res) => (res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'), res.end('image bytes'))],
    ['an answer that must be revalidated', (res) => (res.setHeader('Cache-Control', 'public, no-cache'), res.end('check'))],
    ['a 404', (res) => (publicPage(res), (res.statusCode = 404), res.end('missing'))],
    ['an answer that sets a cookie', (res) => (publicPage(res), res.setHeader('Set-Cookie', 'a=1'), res.end('cookie'))],
    ['a page that failed part-way', (res, cache) => (publicPage(res), res.write('<p>half'), cache.discard(res), res.end())],
    ['a page over the size limit', (res) => (publicPage(res), res.end('x'.repeat(3 * 1024 * 1024)))],
  ])('never keeps %s', async (_name, handler) => {
    expect(await storedAfter(handler)).toBeNull();
  });

  it('does not keep the answer to a HEAD request', async () => {
    expect(await storedAfter((res) => (publicPage(res), res.end('head')), 'HEAD')).toBeNull();
  });
});

describe('a stored feed and its conditional requests', () => {
  const ETAG = '"feed-v1"';
  const MODIFIED = 'Thu, 26 Nov 2026 10:00:00 GMT';
  let server: http.Server;
  let url: string;
  let handled = 0;

  beforeAll(async () => {
    const cache = createPageCache({ lifetimeMs: 60_000 });
    server = http.createServer((req, res) => {
      const key = cache.keyFor(req)!;
      if (cache.answer(key, req, res)) return;
      handled += 1;
      cache.recordInto(key, req, res);
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.setHeader('Content-Type', 'application/rss+xml; charset=utf-8');
      res.setHeader('ETag', ETAG);
      res.setHeader('Last-Modified', MODIFIED);
      res.end('<rss>stored</rss>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    await (await fetch(url)).arrayBuffer();
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each<[string, Record<string, string>, number]>([
    ['a matching ETag', { 'If-None-Match': ETAG }, 304],
    ['a matching weak ETag among others', { 'If-None-Match': 'W/"old", W/"feed-v1"' }, 304],
    ['an older ETag', { 'If-None-Match': '"feed-v0"' }, 200],
    ['a date not older than Last-Modified', { 'If-Modified-Since': MODIFIED }, 304],
    ['an older date', { 'If-Modified-Since': 'Wed, 25 Nov 2026 10:00:00 GMT' }, 200],
    ['an older ETag with a current date (the ETag decides)', { 'If-None-Match': '"feed-v0"', 'If-Modified-Since': MODIFIED }, 200],
    ['nothing', {}, 200],
  ])('answers %s from the store with %i', async (_name, headers, status) => {
    const response = await fetch(url, { headers });
    expect(response.status).toBe(status);
    expect(response.headers.get('etag')).toBe(ETAG);
    expect(await response.text()).toBe(status === 304 ? '' : '<rss>stored</rss>');
    expect(handled).toBe(1);
  });
});

describe('how much it holds', () => {
  it('drops expired pages as new ones are stored, so addresses asked for once do not fill it', async () => {
    let clock = 1_000_000;
    const cache = createPageCache({ lifetimeMs: 1000, now: () => clock });
    const server = http.createServer((req, res) => {
      const key = cache.keyFor(req)!;
      if (cache.answer(key, req, res)) return;
      cache.recordInto(key, req, res);
      publicPage(res);
      res.end(`<p>results for ${req.url}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const ask = async (path: string) => (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`)).text();
    try {
      for (const query of ['sleep', 'fog', 'pacing']) await ask(`/search?q=${query}`);
      expect(cache.held().pages).toBe(3);
      clock += 1500;
      await ask('/search?q=Łódź');
      expect(cache.held()).toEqual({ pages: 1, bytes: Buffer.byteLength('<p>results for /search?q=%C5%81%C3%B3d%C5%BA</p>') });
    } finally {
      server.close();
    }
  });
});
