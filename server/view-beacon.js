/**
 * The reader pages' view beacon (POST /api/views, sent by components/layout/view-beacon.tsx), answered
 * here before Next: a beacon follows every page view, so it must cost next to nothing. Counts are kept in
 * memory as "path + referring site → views" and handed to the app every couple of seconds in one batch
 * (POST /api/internal/views with this process's key), where each path is checked against the database
 * and stored. Nothing about the reader is kept, even here: no address, no browser name, no cookie.
 * A crash loses at most one interval's counts.
 */
const { asksNotToBeTracked, isReaderBrowser, readerPath, referringHost } = require('./view-rules');

const BEACON_PATH = '/api/views';
const MAX_BODY_BYTES = 1024;
const NOT_STORED = { 'Cache-Control': 'no-store' };

/**
 * @param {{ siteUrl?: string; flush: (views: { path: string; referrer: string; n: number }[]) => Promise<void>; onError: (error: unknown) => void; intervalMs?: number; maxPending?: number }} options
 */
function createViewBeacon({ siteUrl, flush, onError, intervalMs = 2000, maxPending = 10_000 }) {
  const siteHostname = siteUrl ? new URL(siteUrl).hostname : 'localhost';
  /** "path\nreferring host" → views since the last hand-over. Bounded: past maxPending new keys are dropped. */
  let pending = new Map();

  function add(key, n) {
    if (!pending.has(key) && pending.size >= maxPending) return;
    pending.set(key, (pending.get(key) ?? 0) + n);
  }

  function handles(req) {
    const url = req.url ?? '';
    return url === BEACON_PATH || url.startsWith(`${BEACON_PATH}?`);
  }

  /** Counts the beacon when it comes from a reader's browser that did not ask not to be; always an empty 204. */
  function answer(req, res) {
    if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST', ...NOT_STORED }).end();
    const counted = isReaderBrowser(req.headers['user-agent']) && !asksNotToBeTracked(req.headers) && /^application\/json\b/i.test(req.headers['content-type'] ?? '');
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return void res.writeHead(413, NOT_STORED).end();
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.once('end', () => {
      if (counted && size <= MAX_BODY_BYTES) record(Buffer.concat(chunks), req.headers.host);
      res.writeHead(size > MAX_BODY_BYTES ? 413 : 204, NOT_STORED).end();
    });
  }

  function record(body, host) {
    let sent;
    try {
      sent = JSON.parse(body.toString('utf8'));
    } catch {
      return;
    }
    const target = readerPath(sent?.path);
    if (!target) return;
    const referrer = referringHost(sent.referrer, [siteHostname, String(host ?? '').replace(/:\d+$/, '')]);
    add(`${target.path}\n${referrer ?? ''}`, 1);
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
      for (const [key, n] of batch) add(key, n);
      onError(error);
    }
  }

  const timer = setInterval(flushNow, intervalMs);
  timer.unref();

  return { handles, answer, flushNow, stop: () => clearInterval(timer) };
}

module.exports = { createViewBeacon };
