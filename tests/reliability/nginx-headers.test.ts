/**
 * What the app is told by the shipped nginx configuration (deploy/nginx/hearth.conf), whatever a client
 * sends: the site's own host, the real peer address and scheme, never a client's forwarding headers.
 * nginx gives a `location` with any `proxy_set_header` of its own none of the server's, so the file is
 * also read as text and refused if any block below `server` sets one. Real nginx in front of a tiny
 * node:http upstream that answers with the headers it received.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { configFile, ensureNginx, startNginx, type RunningNginx } from '../helpers/nginx';

const nginx = ensureNginx();
if ('unavailable' in nginx && process.env.CI) throw new Error(`nginx is required in CI: ${nginx.unavailable}`);
if ('unavailable' in nginx) console.warn(`Skipping the nginx header tests: ${nginx.unavailable}`);
const describeWithNginx = 'unavailable' in nginx ? describe.skip : describe;

type Block = { name: string; args: string[]; directives: string[][]; blocks: Block[] };

/** nginx's configuration syntax, enough for this file: directives, quoted strings, comments and nested blocks. */
function parseConfig(text: string): Block {
  const tokens = text.match(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|#[^\n]*|[{};]|[^\s{};"'#]+/g) ?? [];
  const root: Block = { name: 'main', args: [], directives: [], blocks: [] };
  const stack = [root];
  let words: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('#')) continue;
    const current = stack[stack.length - 1];
    if (token === ';') {
      current.directives.push(words);
      words = [];
    } else if (token === '{') {
      const block: Block = { name: words[0], args: words.slice(1), directives: [], blocks: [] };
      current.blocks.push(block);
      stack.push(block);
      words = [];
    } else if (token === '}') {
      stack.pop();
    } else {
      words.push(token);
    }
  }
  return root;
}

/** Every block inside a `server` (locations, ifs, nested locations) that sets request headers of its own. */
function blocksWithOwnHeaders(text: string): string[] {
  const found: string[] = [];
  const visit = (block: Block, where: string) => {
    for (const inner of block.blocks) {
      const name = `${where} > ${[inner.name, ...inner.args].join(' ')}`;
      if (inner.directives.some(([directive]) => directive === 'proxy_set_header')) found.push(name);
      visit(inner, name);
    }
  };
  for (const server of parseConfig(text).blocks.filter((b) => b.name === 'server')) visit(server, 'server');
  return found;
}

const shipped = () => fs.readFileSync(configFile, 'utf8');
/** The server block that proxies to the app. */
const proxyingServer = () => parseConfig(shipped()).blocks.find((b) => b.name === 'server' && b.blocks.some((l) => l.directives.some(([d]) => d === 'proxy_pass')))!;

describe('deploy/nginx/hearth.conf, read as text', () => {
  it('sets request headers at server level only, so every location sends all of them', () => {
    expect(blocksWithOwnHeaders(shipped())).toEqual([]);
    const headers = Object.fromEntries(
      proxyingServer()
        .directives.filter(([d]) => d === 'proxy_set_header')
        .map(([, name, value]) => [name.toLowerCase(), value]),
    );
    expect(headers).toMatchObject({
      host: '$hearth_site_host',
      'x-forwarded-host': '$hearth_site_host',
      'x-forwarded-for': '$remote_addr',
      'x-real-ip': '$remote_addr',
      'x-forwarded-proto': '$scheme',
      forwarded: '""',
      'accept-encoding': '$hearth_encoding',
    });
  });

  it('proxies every location to the app (and the check above would see a location that sets its own headers)', () => {
    const locations = proxyingServer().blocks.filter((b) => b.name === 'location');
    expect(locations.map((l) => l.args.join(' '))).toEqual(['/', '/_next/static/', '/api/', '/admin', '/account', '= /api/admin/import']);
    for (const location of locations) expect(location.directives).toContainEqual(['proxy_pass', 'http://hearth_app']);

    const regressed = shipped().replace('location /api/ {', 'location /api/ {\n        proxy_set_header Accept-Encoding "";');
    expect(blocksWithOwnHeaders(regressed)).toEqual(['server > location /api/']);
    const nested = shipped().replace('location /admin {', 'location /admin {\n        if ($request_method = POST) { proxy_set_header X-Post 1; }');
    expect(blocksWithOwnHeaders(nested)).toEqual(['server > location /admin > if ($request_method = POST)']);
  });
});

type Echo = { method: string; url: string; headers: http.IncomingHttpHeaders; upstreamPort: number };
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request over its own connection, with any Host header (fetch would not send a chosen one). */
function send(
  port: number,
  pathname: string,
  { method = 'GET', headers = {}, body, agent = false }: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent | false } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: pathname, method, headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describeWithNginx('the shipped nginx in front of an upstream that echoes what it receives', () => {
  let upstream: http.Server;
  let proxy: RunningNginx;
  let siteHost: string;

  beforeAll(async () => {
    // Node's defaults, as the app has them (a 5 s keep-alive timeout among them).
    upstream = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // Shareable only under /posts/shared-: the cookie checks below need pages the cache may keep.
        const shareable = req.url?.startsWith('/posts/shared-');
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': shareable ? 'public, max-age=60' : 'private, no-store' });
        res.end(JSON.stringify({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, upstreamPort: req.socket.remotePort ?? 0 } satisfies Echo));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    proxy = await startNginx((nginx as { binary: string }).binary, (upstream.address() as AddressInfo).port);
    siteHost = `localhost:${proxy.port}`;
  });

  afterAll(async () => {
    await proxy?.stop();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  const spoofed = {
    Host: 'evil.example',
    'X-Forwarded-For': '203.0.113.9, 198.51.100.7',
    'X-Forwarded-Host': 'evil.example',
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-Port': '8443',
    Forwarded: 'for=203.0.113.9;host=evil.example;proto=https',
    'X-Real-IP': '203.0.113.9',
  };
  const requests: [string, string][] = [
    ['GET', '/'],
    ['GET', '/posts/x'],
    ['GET', '/_next/static/x'],
    ['GET', '/api/x'],
    ['GET', '/admin'],
    ['GET', '/account'],
    ['POST', '/posts/x'],
    ['POST', '/signin'],
    ['POST', '/api/x'],
    ['POST', '/account'],
  ];

  it.each(requests)('%s %s: the app is told the site’s host and the real peer, whatever the client claimed', async (method, pathname) => {
    for (const headers of [spoofed, { Host: siteHost }]) {
      const post: Record<string, string> = method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Next-Action': 'abc' } : {};
      const answer = await send(proxy.port, `${pathname}?n=${Math.random()}`, { method, headers: { ...headers, ...post }, body: method === 'POST' ? 'a=1' : undefined });
      expect(answer.status).toBe(200);
      const echo = JSON.parse(answer.body) as Echo;
      expect(echo.method).toBe(method);
      expect(echo.headers).toMatchObject({
        host: siteHost,
        'x-forwarded-host': siteHost,
        'x-forwarded-for': '127.0.0.1',
        'x-real-ip': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-port': String(proxy.port),
      });
      expect(echo.headers.forwarded).toBeUndefined();
      // Keep-alive to the app (nginx would send `Connection: close` otherwise).
      expect(echo.headers.connection).toBeUndefined();
    }
  });

  it('sends the app "gzip" or no Accept-Encoding at all, on every location', async () => {
    for (const [, pathname] of requests) {
      for (const [sent, expected] of [
        ['br, gzip, deflate', 'gzip'],
        ['br', undefined],
        ['identity', undefined],
      ]) {
        const echo = JSON.parse((await send(proxy.port, `${pathname}?n=${Math.random()}`, { headers: { 'Accept-Encoding': sent! } })).body) as Echo;
        expect([pathname, sent, echo.headers['accept-encoding']]).toEqual([pathname, sent, expected]);
      }
    }
  });

  const sessionCookies = ['authjs.session-token=abc', '__Secure-authjs.session-token=abc', 'authjs.session-token.0=ab; authjs.session-token.1=c', 'theme=dark; authjs.session-token.1=c'];

  it.each(sessionCookies)('shares cached pages with a signed-in visitor (`%s`): reader pages are one HTML for everyone', async (cookie) => {
    const pathname = `/posts/shared-${Math.random()}`;
    expect((await send(proxy.port, pathname)).headers['x-cache-status']).toBe('MISS');
    expect((await send(proxy.port, pathname, { headers: { Cookie: cookie } })).headers['x-cache-status']).toBe('HIT');
  });

  it.each(['hearth-just-wrote=1', 'authjs.session-token=abc; hearth-just-wrote=1', 'theme=dark;hearth-just-wrote=1'])(
    'never answers from the cache a browser that has just changed something (`%s`), and keeps the fresh page it got',
    async (cookie) => {
      const pathname = `/posts/shared-${Math.random()}`;
      expect((await send(proxy.port, pathname)).headers['x-cache-status']).toBe('MISS');
      expect((await send(proxy.port, pathname, { headers: { Cookie: cookie } })).headers['x-cache-status']).toBe('BYPASS');
      expect((await send(proxy.port, pathname)).headers['x-cache-status']).toBe('HIT');
    },
  );

  it.each(['authjs.csrf-token=abc', 'my-hearth-just-wrote=1', 'authjs.callback-url=%2F'])('shares pages with visitors whose only cookie is `%s`', async (cookie) => {
    const pathname = `/posts/shared-${Math.random()}`;
    expect((await send(proxy.port, pathname, { headers: { Cookie: cookie } })).headers['x-cache-status']).toBe('MISS');
    expect((await send(proxy.port, pathname, { headers: { Cookie: cookie } })).headers['x-cache-status']).toBe('HIT');
  });

  it('drops idle connections to the app before the app would, so a form is never sent on one being closed', async () => {
    // One client connection, so one nginx worker and its own pool of connections to the upstream.
    const client = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const via = async (method: string) => JSON.parse((await send(proxy.port, `/api/x?n=${Math.random()}`, { method, agent: client, body: method === 'POST' ? 'a=1' : undefined })).body) as Echo;
    try {
      const used = new Set<number>();
      for (let i = 0; i < 3; i++) used.add((await via('GET')).upstreamPort);
      expect(used.size).toBe(1); // kept alive between requests
      expect(http.createServer().keepAliveTimeout).toBe(5000);
      // Idle longer than nginx keeps it (4 s) and shorter than the app does (5 s): nginx must have let it go.
      await new Promise((r) => setTimeout(r, 4500));
      const post = await via('POST');
      expect(post.method).toBe('POST');
      expect(used.has(post.upstreamPort)).toBe(false);
    } finally {
      client.destroy();
    }
  });
});
