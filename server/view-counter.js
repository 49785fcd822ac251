/**
 * Counts reader page views where they are served, at no extra request: server/index.js shows it every
 * request before its page cache answers (observe), and server/nginx-views.js hands it the views nginx
 * answered from its micro-cache (add). Counts are kept in memory as "path + referring site → views" and
 * handed to the app every couple of seconds in one batch (POST /api/internal/views with this process's
 * key), where each path is checked against the database and stored. Nothing about the reader is kept,
 * even here: no address, no browser name, no cookie. A crash loses at most one interval's counts.
 *
 * The response's status is not known when a request is counted: a path that names no page (a 404, an old
 * address that redirects) is counted here and dropped by the app, which stores only paths of live pages.
 */
const { countsAsView, readerPath, refererHost, referringHost } = require('./view-rules');

/**
 * @param {{ siteUrl?: string; flush: (views: { path: string; referrer: string; n: number }[]) => Promise<void>; onError: (error: unknown) => void; intervalMs?: number; maxPending?: number }} options
 */
function createViewCounter({ siteUrl, flush, onError, intervalMs = 2000, maxPending = 10_000 }) {
  const siteHostname = siteUrl ? new URL(siteUrl).hostname : 'localhost';
  /** "path\nreferring host" → views since the last hand-over. Bounded: past maxPending new keys are dropped. */
  let pending = new Map();

  function increment(key, n) {
    if (!pending.has(key) && pending.size >= maxPending) return;
    pending.set(key, (pending.get(key) ?? 0) + n);
  }

  /**
   * One view of `path` (a reader path, query ignored) arriving from `referrer` (a host name, or empty);
   * anything that is not a reader path, and a referrer that is this site, are left out here.
   * @param {string} path @param {string} referrer @param {string} [requestHost] the Host the request named
   */
  function add(path, referrer, requestHost) {
    const target = readerPath(path);
    if (!target) return;
    const own = [siteHostname];
    if (requestHost) own.push(String(requestHost).replace(/:\d+$/, ''));
    increment(`${target.path}\n${referringHost(referrer, own) ?? ''}`, 1);
  }

  /** Counts `req` when it is a reader's view of a reader page (see view-rules countsAsView). @param {import('node:http').IncomingMessage} req */
  function observe(req) {
    if (!countsAsView(req.method, req.headers)) return;
    add(req.url ?? '', refererHost(req.headers.referer) ?? '', req.headers.host);
  }

  /** Hands what was counted to the app; on failure it is kept (within the bound) for the next try. */
  async function flushNow() {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const views = [...batch].map(([key, n]) => {
      const [path, referrer] = key.split('\n');
      return { path, referrer, n };
    });
    try {
      await flush(views);
    } catch (error) {
      for (const [key, n] of batch) increment(key, n);
      onError(error);
    }
  }

  const timer = setInterval(flushNow, intervalMs);
  timer.unref();

  return { observe, add, flushNow, stop: () => clearInterval(timer) };
}

module.exports = { createViewCounter };
