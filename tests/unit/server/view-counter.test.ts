/** @jest-environment node */
/**
 * The server's view counter over real HTTP: which requests it counts as they are served (reader pages,
 * full loads and client navigations, from browsers that do not opt out, no prefetches), what it hands over
 * in one batch (paths without queries, referring hosts only), and that a failed hand-over is kept for the next.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordedBatches } from '../../helpers/recorded-batches';
import { createViewCounter } from '../../../server/view-counter';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
type View = { path: string; referrer: string; n: number };

describe('the view counter', () => {
  let server: http.Server;
  let url: string;
  let handedOver = recordedBatches<View>();
  const counter = createViewCounter({
    siteUrl: 'https://hearth.example',
    intervalMs: 60_000,
    maxPending: 5,
    flush: (batch) => handedOver.flush(batch),
    onError: (error) => handedOver.onError(error),
  });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      counter.observe(req);
      res.writeHead(200).end('page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    counter.stop();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    handedOver = recordedBatches<View>();
  });

  /** node:http rather than fetch, which would not send the Host asked for. */
  const visit = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number }>((resolve, reject) => {
      const request = http.request(url + path, { method, headers: { 'user-agent': CHROME, ...headers } }, (response) => {
        response.resume();
        response.once('end', () => resolve({ status: response.statusCode ?? 0 }));
      });
      request.once('error', reject);
      request.end();
    });

  it('counts full loads and client navigations per path and referring site, and hands them over in one batch', async () => {
    const visits: [string, Record<string, string>][] = [
      ['/posts/pacing', { referer: 'https://forum.example.org/threads/42?member=zoe' }],
      ['/posts/pacing?utm_source=x', { referer: 'https://www.forum.example.org/' }],
      // A client navigation from another page of the site: a view, no referral.
      ['/posts/pacing?_rsc=1x2y3', { rsc: '1', 'next-router-state-tree': '%5B%5D', referer: 'https://hearth.example/' }],
      ['/posts/pacing', { referer: 'http://localhost:3000/', host: 'localhost:3000' }],
      ['/posts/pacing', {}],
      ['/category/living-well/3', {}],
    ];
    for (const [path, headers] of visits) expect((await visit(path, headers)).status).toBe(200);
    await counter.flushNow();
    expect(handedOver.batches).toEqual([
      [
        { path: '/posts/pacing', referrer: 'forum.example.org', n: 2 },
        { path: '/posts/pacing', referrer: '', n: 3 },
        { path: '/category/living-well', referrer: '', n: 1 },
      ],
    ]);
    await counter.flushNow();
    expect(handedOver.batches).toHaveLength(1);
  });

  it('counts no bot, tool, opted-out reader, prefetch, HEAD, POST or non-reader path', async () => {
    const notViews = [
      visit('/posts/pacing', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
      visit('/posts/pacing', { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36' }),
      visit('/posts/pacing', { 'user-agent': 'curl/8.5.0' }),
      visit('/posts/pacing', { dnt: '1' }),
      visit('/posts/pacing', { 'sec-gpc': '1' }),
      visit('/posts/pacing?_rsc=abc', { rsc: '1', 'next-router-prefetch': '1' }),
      visit('/posts/pacing?_rsc=abc', { rsc: '1', 'next-router-segment-prefetch': '/_tree' }),
      visit('/posts/pacing', { purpose: 'prefetch' }),
      visit('/posts/pacing', { 'sec-purpose': 'prefetch;prerender' }),
      visit('/posts/pacing', {}, 'HEAD'),
      visit('/posts/pacing', { 'content-type': 'text/plain' }, 'POST'),
      visit('/admin/stats'),
      visit('/_next/static/chunks/main.js'),
      visit('/feed.xml'),
      visit('/favicon.ico'),
    ];
    for (const answer of await Promise.all(notViews)) expect(answer.status).toBe(200);
    await counter.flushNow();
    expect(handedOver.batches).toEqual([]);
  });

  it('counts views reported by nginx the same way, leaving out the site itself as a referrer', async () => {
    counter.add('/posts/pacing', 'forum.example.org', 'hearth.example');
    counter.add('/posts/pacing', 'hearth.example', 'hearth.example');
    counter.add('/admin', '', 'hearth.example');
    counter.add('/posts/Not a path', '', 'hearth.example');
    await counter.flushNow();
    expect(handedOver.batches).toEqual([
      [
        { path: '/posts/pacing', referrer: 'forum.example.org', n: 1 },
        { path: '/posts/pacing', referrer: '', n: 1 },
        { path: '/admin', referrer: '', n: 1 },
      ],
    ]);
  });

  it('keeps a bounded number of distinct paths between hand-overs, and keeps them through a failed one', async () => {
    for (let i = 0; i < 8; i++) await visit(`/posts/made-up-${i}`);
    await visit('/posts/made-up-0');
    handedOver.failNext();
    await counter.flushNow();
    expect(handedOver.errors).toHaveLength(1);
    expect(handedOver.batches).toEqual([]);
    await counter.flushNow();
    expect(handedOver.batches).toEqual([[0, 1, 2, 3, 4].map((i) => ({ path: `/posts/made-up-${i}`, referrer: '', n: i === 0 ? 2 : 1 }))]);
  });
});
