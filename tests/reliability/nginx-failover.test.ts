/**
 * The shipped nginx (deploy/nginx/hearth.conf) in front of several instances when one of them fails: reads
 * (GET, HEAD) are retried on another instance, so the reader never sees the failure; a POST that reached the
 * failing instance is answered 502 and never sent a second time (a comment or a server action must not be
 * stored twice), while a POST nginx could not deliver at all (connection refused) goes to the next instance.
 * Real nginx in front of tiny node:http upstreams: one that is not listening (a stopped instance), one that
 * drops every connection as it gets a request (one dying mid-request), and one that answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';
import { freePort } from './support/app';

const nginx = ensureNginx();
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
if ('unavailable' in nginx) console.warn(`Skipping the nginx failover tests: ${nginx.unavailable}`);
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;

type Upstream = { server: http.Server; port: number; received: string[] };

/** An upstream that records each request's "METHOD id" and either answers 200 or drops the connection unanswered. */
async function upstream(answers: boolean): Promise<Upstream> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${new URL(req.url ?? '/', 'http://x').searchParams.get('id')}`);
    req.resume();
    req.on('end', () => {
      if (!answers) return void req.socket.resetAndDestroy();
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'private, no-store' });
      res.end('answered');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

describeWithNginx('the shipped nginx when one of several instances fails', () => {
  let stopped: number;
  let dying: Upstream;
  let healthy: Upstream;
  let proxy: RunningNginx;

  beforeAll(async () => {
    stopped = await freePort();
    dying = await upstream(false);
    healthy = await upstream(true);
  });

  // A fresh nginx for each case: none has set an instance aside yet (max_fails), so each case meets both failures.
  beforeEach(async () => {
    proxy = await startNginx((nginx as { binary: string }).binary, [stopped, dying.port, healthy.port]);
  });
  afterEach(async () => {
    await proxy?.stop();
  });

  afterAll(async () => {
    for (const { server } of [dying, healthy]) await new Promise((resolve) => server?.close(resolve));
  });

  const idsOf = (target: Upstream, method: string, prefix: string) => target.received.filter((r) => r.startsWith(`${method} ${prefix}`)).map((r) => r.slice(method.length + 1));

  it.each(['/posts/a-post', '/api/posts/1/comments', '/admin'])('answers every GET of %s from the healthy instance, whichever instance nginx tried first', async (pathname) => {
    const prefix = `get-${Math.random()}-`;
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const response = await fetch(`${proxy.url}${pathname}?id=${prefix}${i}`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(9).fill(200));
    // The dying instance was tried with some of them, and the healthy one answered each exactly once.
    expect(idsOf(dying, 'GET', prefix).length).toBeGreaterThan(0);
    expect(idsOf(healthy, 'GET', prefix).sort()).toEqual(Array.from({ length: 9 }, (_, i) => `${prefix}${i}`).sort());
  });

  it('never sends a POST twice: one that reached the dying instance is answered 502, one refused by the stopped instance goes on', async () => {
    const prefix = `post-${Math.random()}-`;
    const answers = new Map<string, number>();
    for (let i = 0; i < 9; i++) {
      const id = `${prefix}${i}`;
      const response = await fetch(`${proxy.url}/api/posts/1/comments?id=${id}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"body":"hello"}' });
      await response.arrayBuffer();
      answers.set(id, response.status);
    }
    const reachedDying = idsOf(dying, 'POST', prefix);
    const reachedHealthy = idsOf(healthy, 'POST', prefix);
    // nginx tried the dying instance with some of them (round-robin), and never passed those on.
    expect(reachedDying.length).toBeGreaterThan(0);
    expect(reachedDying.filter((id) => reachedHealthy.includes(id))).toEqual([]);
    for (const [id, status] of answers) expect([id, status]).toEqual([id, reachedDying.includes(id) ? 502 : 200]);
    // Every POST was delivered once at most, and every one not lost to the dying instance was answered.
    expect(new Set(reachedHealthy).size).toBe(reachedHealthy.length);
    expect(reachedHealthy.length + reachedDying.length).toBe(answers.size);
  });
});
