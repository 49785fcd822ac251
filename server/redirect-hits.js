// @ts-check
/**
 * Counts uses of moved addresses where they are answered: server/index.js shows it every response as it
 * closes (observe), whoever answered it — a route that looked the address up, or Next's cache of that
 * redirect, which never reaches the lookup again. Hits are kept in memory as "requested path → n" and handed
 * to the app every couple of seconds (batch-counter.js; POST /api/internal/redirect-hits with this process's
 * key), which adds them to the redirects stored for those paths; other permanent redirects (a renamed
 * category, say) match no stored row and change nothing.
 */
const { createBatchCounter } = require('./batch-counter');

/** Only the address itself: a hop that only drops or adds the trailing slash is Next's, not a moved address. @param {string} address */
function withoutTrailingSlash(address) {
  const [path, query = ''] = address.split('?', 2);
  return `${path.replace(/(.)\/+$/, '$1')}?${query}`;
}

/**
 * @param {{ flush: (hits: { path: string; n: number }[]) => Promise<void>; onError: (error: unknown) => void; intervalMs?: number; maxPending?: number }} options
 */
function createRedirectHitCounter({ flush, ...batching }) {
  const counts = createBatchCounter({ ...batching, flush: (entries) => flush(entries.map(([path, n]) => ({ path, n }))) });

  /** Counts a GET or HEAD answered with a permanent redirect. @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function observe(req, res) {
    if ((res.statusCode !== 301 && res.statusCode !== 308) || (req.method !== 'GET' && req.method !== 'HEAD')) return;
    const requested = req.url ?? '';
    const location = res.getHeader('location');
    if (typeof location !== 'string' || !requested.startsWith('/')) return;
    let target;
    try {
      const url = new URL(location, 'http://hearth.invalid');
      target = url.pathname + url.search;
    } catch {
      return;
    }
    if (withoutTrailingSlash(target) === withoutTrailingSlash(requested)) return;
    counts.increment(requested, 1);
  }

  return { observe, flushNow: counts.flushNow, stop: counts.stop };
}

module.exports = { createRedirectHitCounter };
