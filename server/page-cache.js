// @ts-check
/**
 * A one-second cache of finished public pages inside the server process: the same micro-cache the
 * nginx configuration keeps, for sites that run without a proxy. A hit is sent as stored — headers
 * (its CSP nonce included) and already-compressed body — without reaching Next at all.
 *
 * Only GETs of reader pages are looked up, signed in or not (reader pages are one HTML for everyone),
 * and only responses Hearth marks as shareable (`public`) without cookies are stored. A browser that has
 * just changed something goes past it (just-wrote.js), so an author sees their own new comment at once;
 * everyone else within the lifetime.
 *
 * The copies of one stored page share its CSP nonce for that second. It was drawn after the page's
 * content was fixed, so nothing in that content can know it; a reader who sees it learns nothing
 * that works on the next copy.
 */
const { isShareable } = require('./cache-control');
const { isFresh } = require('./conditional-get');
const { justWrote } = require('./just-wrote');

const PER_VISITOR_PATHS = /^\/(api|admin|account|_next)(\/|$)/;
const NOT_STORED_HEADERS = ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'];
const FAILED = Symbol('hearth: response failed');
const KEY_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'accept-encoding'];

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse & { [FAILED]?: true }} ServerResponse */
/** @typedef {{ status: number; headers: import('node:http').OutgoingHttpHeaders; body: Buffer; expiresAt: number }} StoredPage */
/** @typedef {(error?: Error | null) => void} WriteCallback */
/** @typedef {string | Uint8Array} Chunk what res.write and res.end are given */

/** @param {{ lifetimeMs: number; maxBytes?: number; maxPageBytes?: number; now?: () => number }} options */
function createPageCache({ lifetimeMs, maxBytes = 32 * 1024 * 1024, maxPageBytes = 2 * 1024 * 1024, now = Date.now }) {
  /** key → the stored page, oldest first. @type {Map<string, StoredPage>} */
  const pages = new Map();
  let storedBytes = 0;

  /** @param {string} key */
  function forget(key) {
    const page = pages.get(key);
    if (!page) return;
    storedBytes -= page.body.length;
    pages.delete(key);
  }

  /**
   * Pages are kept in the order they were stored, all for the same lifetime, so the expired ones are
   * always the oldest: each store drops them, and then the oldest live ones while over the budget.
   * (Left to expire on their next request, a stream of addresses asked once each — fresh searches,
   * a crawler — kept the whole budget in dead pages.)
   * @param {string} key @param {StoredPage} page
   */
  function store(key, page) {
    forget(key);
    pages.set(key, page);
    storedBytes += page.body.length;
    const at = now();
    for (const [oldest, { expiresAt }] of pages) {
      if (storedBytes <= maxBytes && expiresAt > at) break;
      forget(oldest);
    }
  }

  /** The cache key of a request that may be answered from the cache, or null. @param {IncomingMessage} req @returns {string | null} */
  function keyFor(req) {
    if (lifetimeMs <= 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return null;
    if (req.headers['next-action'] || req.headers.range || justWrote(req)) return null;
    if (PER_VISITOR_PATHS.test(req.url ?? '/')) return null;
    return [req.url, ...KEY_HEADERS.map((name) => req.headers[name] ?? '')].join('\n');
  }

  /** Sends the stored page for `key`; false when there is none (or it expired). @param {string} key @param {IncomingMessage} req @param {ServerResponse} res */
  function answer(key, req, res) {
    const page = pages.get(key);
    if (!page) return false;
    if (page.expiresAt <= now()) {
      forget(key);
      return false;
    }
    // A stored feed carries its ETag and Last-Modified: a client whose copy is current gets 304, as from the route.
    const current = { etag: page.headers.etag, lastModified: page.headers['last-modified'] };
    if ((current.etag || current.lastModified) && isFresh((name) => req.headers[name], current)) {
      const { 'content-encoding': _encoding, 'content-type': _type, ...headers } = page.headers;
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(page.status, { ...page.headers, 'content-length': page.body.length });
    res.end(req.method === 'HEAD' ? undefined : page.body);
    return true;
  }

  /** Marks a response that failed part-way: whatever it sent is not kept. @param {ServerResponse} res */
  function discard(res) {
    res[FAILED] = true;
  }

  /**
   * Wraps res.write/res.end (call before anything else wraps them) to keep the bytes sent for `key`.
   * @param {string} key @param {IncomingMessage} req @param {ServerResponse} res
   */
  function recordInto(key, req, res) {
    if (req.method !== 'GET') return;
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @type {boolean | null} */
    let storable = null; // decided once the headers are final, at the first byte

    /** @param {Chunk | undefined} chunk @param {BufferEncoding | undefined} encoding */
    const keep = (chunk, encoding) => {
      storable ??= res.statusCode === 200 && isShareable(res.getHeader('cache-control')) && !res.hasHeader('set-cookie');
      if (!storable || chunk == null) return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : chunk;
      size += buffer.length;
      if (size > maxPageBytes) storable = false;
      else chunks.push(Buffer.from(buffer));
    };
    // Both run after compression and the on-headers hooks, so status and headers are final here. Each
    // hands its arguments on as it was given them (with or without an encoding).
    /** @param {Chunk} chunk @param {BufferEncoding | WriteCallback} [encoding] @param {WriteCallback} [callback] */
    res.write = (chunk, encoding, callback) => {
      if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      keep(chunk, encoding);
      return encoding ? write(chunk, encoding, callback) : write(chunk, callback);
    };
    /** @param {Chunk | (() => void)} [chunk] @param {BufferEncoding | (() => void)} [encoding] @param {() => void} [callback] */
    res.end = (chunk, encoding, callback) => {
      if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
      if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
      keep(chunk, encoding);
      if (storable && !res[FAILED] && res.writableEnded === false) {
        const headers = { ...res.getHeaders() };
        for (const name of NOT_STORED_HEADERS) delete headers[name];
        store(key, { status: res.statusCode, headers, body: Buffer.concat(chunks), expiresAt: now() + lifetimeMs });
      }
      return encoding ? end(chunk, encoding, callback) : end(chunk, callback);
    };
  }

  /** What it holds now, expired pages included until the next store drops them. */
  const held = () => ({ pages: pages.size, bytes: storedBytes });

  /** Drops every stored page (they were made from data that just changed somewhere). */
  function clear() {
    pages.clear();
    storedBytes = 0;
  }

  return { keyFor, answer, recordInto, discard, held, clear };
}

module.exports = { createPageCache };
