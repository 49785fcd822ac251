// @ts-check
/**
 * Counts reader page views where they are served, at no extra request: server/index.js shows it every
 * request before its page cache answers (observe), and server/nginx-views.js hands it the views nginx
 * answered from its micro-cache (add). Counts are kept in memory as "path + referring site → views" and
 * handed to the app every couple of seconds in one batch (batch-counter.js; POST /api/internal/views with
 * this process's key), where each path is checked against the database and stored. Nothing about the reader is kept,
 * even here: no address, no browser name, no cookie. A crash loses at most one interval's counts.
 *
 * The response's status is not known when a request is counted: a path that names no page (a 404, an old
 * address that redirects) is counted here and dropped by the app, which stores only paths of live pages.
 */
const { createBatchCounter } = require('./batch-counter');
const { remembered } = require('./remembered');
const { countsAsView, readerPath, refererHost, referringHost } = require('./view-rules');

/**
 * @param {{ siteUrl?: string; flush: (views: { path: string; referrer: string; n: number }[]) => Promise<void>; onError: (error: unknown) => void; intervalMs?: number; maxPending?: number }} options
 */
function createViewCounter({ siteUrl, flush, ...batching }) {
  const siteHostname = siteUrl ? new URL(siteUrl).hostname : 'localhost';
  // Keyed "path\nreferring host".
  const counts = createBatchCounter({
    ...batching,
    flush: (entries) =>
      flush(
        entries.map(([key, n]) => {
          const [path, referrer] = key.split('\n');
          return { path, referrer, n };
        }),
      ),
  });

  /**
   * One view of `path` (a reader path, query ignored) arriving from `referrer` (a host name, or empty);
   * anything that is not a reader path, and a referrer that is this site, are left out here.
   * @param {string} path @param {string} referrer @param {string} [requestHost] the Host the request named
   */
  function add(path, referrer, requestHost) {
    const key = countedKey(`${path}\n${referrer}\n${requestHost ?? ''}`);
    if (key) counts.increment(key, 1);
  }

  /** "path\nreferrer\nrequest host" → its counter key "reader path\nreferring host", or null when it is no reader path. */
  const countedKey = remembered((request) => {
    const [path, referrer, requestHost] = request.split('\n');
    const target = readerPath(path);
    if (!target) return null;
    const own = [siteHostname];
    if (requestHost) own.push(requestHost.replace(/:\d+$/, ''));
    return `${target.path}\n${referringHost(referrer, own) ?? ''}`;
  });

  /** Counts `req` when it is a reader's view of a reader page (see view-rules countsAsView). @param {import('node:http').IncomingMessage} req */
  function observe(req) {
    if (!countsAsView(req.method, req.headers)) return;
    // The query never names another page (readerPath drops it): left out here, utm_ variants share one answer.
    const url = req.url ?? '';
    const query = url.indexOf('?');
    add(query === -1 ? url : url.slice(0, query), refererHost(req.headers.referer) ?? '', req.headers.host);
  }

  return { observe, add, flushNow: counts.flushNow, stop: counts.stop };
}

module.exports = { createViewCounter };
