/** @jest-environment node */
/**
 * The server's redirect hit counter over real HTTP: it counts GET and HEAD answered with a permanent redirect to
 * another address, leaves out Next's trailing-slash hop, temporary redirects and other methods, hands the counts
 * over in one batch by requested path, and keeps a failed hand-over for the next.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordedBatches } from '../../helpers/recorded-batches';
import { createRedirectHitCounter } from '../../../server/redirect-hits';

type Hit = { path: string; n: number };

describe('the redirect hit counter', () => {
  let server: http.Server;
  let url: string;
  let handedOver = recordedBatches<Hit>();
  const counter = createRedirectHitCounter({
    intervalMs: 60_000,
    maxPending: 4,
    flush: (batch) => handedOver.flush(batch),
    onError: (error) => handedOver.onError(error),
  });

  /**
   * Answers as the path says: /308/… and /301/… redirect to /posts/new, /slash/… to itself without the slash.
   * Headers are set one by one, as Next sets them (writeHead's object would leave getHeader empty).
   */
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      res.once('close', () => counter.observe(req, res));
      const [, kind] = (req.url ?? '').split('/');
      const redirect = (status: number, location: string) => {
        res.statusCode = status;
        res.setHeader('Location', location);
        res.end();
      };
      if (kind === 'slash') return redirect(308, req.url!.replace(/\/(\?|$)/, '$1'));
      if (kind === 'absolute') return redirect(308, `http://${req.headers.host}/absolute/x`);
      if (['301', '302', '307', '308'].includes(kind)) return redirect(Number(kind), '/posts/new');
      res.writeHead(kind === 'missing' ? 404 : 200).end('page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    counter.stop();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    handedOver = recordedBatches<Hit>();
  });

  const visit = async (path: string, method = 'GET') => {
    const response = await fetch(url + path, { method, redirect: 'manual' });
    await response.arrayBuffer();
    // The counter runs as the response closes, just after the client has it.
    await new Promise((r) => setTimeout(r, 20));
  };

  it('counts permanent redirects of GET and HEAD by requested path, query and case kept for the app to normalize', async () => {
    await visit('/308/Café?utm_source=chat');
    await visit('/308/Café?utm_source=chat');
    await visit('/301/old', 'HEAD');
    await counter.flushNow();
    expect(handedOver.batches).toEqual([
      [
        { path: '/308/Caf%C3%A9?utm_source=chat', n: 2 },
        { path: '/301/old', n: 1 },
      ],
    ]);
  });

  it('leaves out the trailing-slash hop, temporary redirects, other methods and other answers', async () => {
    await visit('/slash/pacing/');
    await visit('/slash/pacing/?p=1');
    await visit('/absolute/x/');
    await visit('/302/old');
    await visit('/307/old');
    await visit('/308/old', 'POST');
    await visit('/missing/old');
    await visit('/posts/new');
    await counter.flushNow();
    expect(handedOver.batches).toEqual([]);
  });

  it('keeps a failed hand-over for the next, and past its bound drops new paths rather than grow', async () => {
    await visit('/308/a');
    handedOver.failNext();
    await counter.flushNow();
    expect(handedOver.errors).toHaveLength(1);
    await visit('/308/a');
    for (const path of ['/308/b', '/308/c', '/308/d', '/308/e', '/308/f']) await visit(path);
    await counter.flushNow();
    expect(handedOver.batches).toEqual([
      [
        { path: '/308/a', n: 2 },
        { path: '/308/b', n: 1 },
        { path: '/308/c', n: 1 },
        { path: '/308/d', n: 1 },
      ],
    ]);
  });
});
