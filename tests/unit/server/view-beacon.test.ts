/** @jest-environment node */
/**
 * The server's view beacon over real HTTP: what it counts in memory and hands over in one batch, what it
 * answers (always an empty, uncached 204 for a beacon), and that a failed hand-over is kept for the next.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createViewBeacon } from '../../../server/view-beacon';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
type View = { path: string; referrer: string; n: number };

describe('the view beacon', () => {
  let server: http.Server;
  let url: string;
  let handedOver: View[][];
  let failNext = false;
  const errors: unknown[] = [];
  const beacon = createViewBeacon({
    siteUrl: 'https://hearth.example',
    intervalMs: 60_000,
    maxPending: 5,
    async flush(views) {
      if (failNext) {
        failNext = false;
        throw new Error('app restarting');
      }
      handedOver.push(views);
    },
    onError: (error) => errors.push(error),
  });

  beforeAll(async () => {
    server = http.createServer((req, res) => (beacon.handles(req) ? beacon.answer(req, res) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    beacon.stop();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    handedOver = [];
  });

  const send = (body: unknown, headers: Record<string, string> = {}, path = '/api/views') =>
    fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': CHROME, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('adds up views per path and referring site, and hands them over in one batch', async () => {
    for (const body of [
      { path: '/posts/pacing', referrer: 'forum.example.org' },
      { path: '/posts/pacing?utm_source=x', referrer: 'www.forum.example.org' },
      { path: '/posts/pacing', referrer: 'hearth.example' },
      { path: '/posts/pacing', referrer: '' },
      { path: '/category/living-well/3' },
    ]) {
      const answer = await send(body, { host: 'hearth.example' });
      expect([answer.status, answer.headers.get('cache-control'), await answer.text()]).toEqual([204, 'no-store', '']);
    }
    await beacon.flushNow();
    expect(handedOver).toEqual([
      [
        { path: '/posts/pacing', referrer: 'forum.example.org', n: 2 },
        { path: '/posts/pacing', referrer: '', n: 2 },
        { path: '/category/living-well', referrer: '', n: 1 },
      ],
    ]);
    await beacon.flushNow();
    expect(handedOver).toHaveLength(1);
  });

  it('answers every refused beacon the same way and counts none of them', async () => {
    const refused = [
      send({ path: '/posts/pacing' }, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }),
      send({ path: '/posts/pacing' }, { 'user-agent': 'curl/8.5.0' }),
      send({ path: '/posts/pacing' }, { dnt: '1' }),
      send({ path: '/posts/pacing' }, { 'sec-gpc': '1' }),
      send({ path: '/admin/stats' }),
      send({ path: 'https://evil.example/' }),
      send('not json at all'),
      send({ path: '/posts/pacing' }, { 'content-type': 'text/plain' }),
    ];
    for (const answer of await Promise.all(refused)) expect(answer.status).toBe(204);
    const tooLong = await send({ path: '/posts/pacing', referrer: 'x'.repeat(2000) });
    expect(tooLong.status).toBe(413);
    const get = await fetch(`${url}/api/views`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    await beacon.flushNow();
    expect(handedOver).toEqual([]);
  });

  it('keeps a bounded number of distinct paths between hand-overs, and keeps them through a failed one', async () => {
    for (let i = 0; i < 8; i++) await send({ path: `/posts/made-up-${i}` });
    await send({ path: '/posts/made-up-0' });
    failNext = true;
    await beacon.flushNow();
    expect(errors).toHaveLength(1);
    expect(handedOver).toEqual([]);
    await beacon.flushNow();
    expect(handedOver).toEqual([[0, 1, 2, 3, 4].map((i) => ({ path: `/posts/made-up-${i}`, referrer: '', n: i === 0 ? 2 : 1 }))]);
  });
});
