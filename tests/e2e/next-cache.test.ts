/**
 * Reader pages are rendered once and then served from Next's cache (~10× cheaper than rendering per request).
 * A framework upgrade or a stray dynamic API can silently turn that off; this fails CI when it does. The
 * server's own one-second page cache is off here (PAGE_CACHE_MS=0), so Next itself answers both requests.
 */
import { startServer } from './server';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;

beforeAll(async () => {
  server = await startServer({ env: { PAGE_CACHE_MS: '0' } });
});
afterAll(async () => {
  await server?.stop();
});

/** Next's verdict on the second of two requests for the same page. */
async function secondVisit(path: string): Promise<{ status: number; cache: string | null }> {
  const first = await fetch(`${server.url}${path}`);
  await first.arrayBuffer();
  const second = await fetch(`${server.url}${path}`);
  await second.arrayBuffer();
  return { status: second.status, cache: second.headers.get('x-nextjs-cache') };
}

it('serves the home page, a post page and a category page from the cache on their second request', async () => {
  const home = await (await fetch(`${server.url}/`)).text();
  const post = home.match(/href="(\/posts\/[^"/]+)"/)![1];
  const category = home.match(/href="(\/category\/[^"/]+)"/)![1];
  for (const path of ['/', post, category]) expect({ path, ...(await secondVisit(path)) }).toEqual({ path, status: 200, cache: 'HIT' });
});

it('can tell: a page rendered per request is no hit', async () => {
  // The 404 for unknown addresses is rendered per request on purpose (app/global-not-found.tsx).
  expect(await secondVisit('/a/b/c')).toEqual({ status: 404, cache: null });
});
