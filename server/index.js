// @ts-check
/**
 * Hearth's production server: Next's request handler inside a plain node:http server that adds
 * what Next cannot do for cached pages — a fresh CSP nonce per response, security headers,
 * Hearth's Cache-Control, gzip after the nonce is in place, and structured request logs.
 *
 * Settings (read once by settings.js, rules in env-schema.js): PORT (3000), HOST (127.0.0.1; 0.0.0.0 listens on every interface),
 * SITE_URL, LOG_LEVEL, PAGE_CACHE_MS (1000: how long anonymous readers share a finished page; 0 turns
 * it off), TRUSTED_PROXIES (whose X-Forwarded-For is believed; see trusted-proxies.js), VIEW_COUNTING (on) and
 * NGINX_VIEWS_LOG (the file nginx writes the views it answered into; see nginx-views.js). It refuses to
 * start on an invalid setting or an insecure production configuration (settings.js, config-check.js).
 */
const path = require('node:path');
const { serverSettings } = require('./settings');
const { dataDirOf } = require('./env-schema');

// Every setting is checked before anything else loads: a bad one stops the server with one line each.
// The modules below are handed what they need from these settings; none reads process.env itself.
const settings = serverSettings(process.env);
if (!settings.ok) {
  for (const line of settings.lines) console.error(line);
  process.exit(1);
}

const http = require('node:http');
const compression = require('compression');
const { worthCompressing } = require('./compression-rule');
const onHeaders = require('on-headers');
// next's types declare an ES default export; `require('next')` is that function itself (module.exports = createServer).
const next = /** @type {typeof import('next').default} */ (/** @type {unknown} */ (require('next')));
const { screenActionBody } = require('./action-body');
const { hearthCacheControl } = require('./cache-control');
const { createLogger, loggableError, loggablePath, routeConsoleToLogger } = require('./log');
const { resolveAuthSecret } = require('./auth-secret');
const { newNonce, noncePlaceholderFor, swapNonceInBody } = require('./nonce');
const { markWrite } = require('./just-wrote');
const { createPageCache } = require('./page-cache');
const { sharedCache } = require('./shared-cache');
const { securityHeaders } = require('./security-headers');
const { applyClientAddress, createProxyTrust, forwardedByUntrustedLocalProxy } = require('./trusted-proxies');
const { followNginxViews } = require('./nginx-views');
const { createRedirectHitCounter } = require('./redirect-hits');
const { createViewCounter } = require('./view-counter');

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('./action-body').Refusal} Refusal */

// Written, not read: Next and React in this process take their production code from it.
// @ts-expect-error next's global types make NODE_ENV read-only (Next inlines it into app code); a custom server sets it.
process.env.NODE_ENV = 'production';
const env = settings.env;
const { PORT: port, HOST: hostname, SITE_URL, LOG_LEVEL, PAGE_CACHE_MS, TRUSTED_PROXIES, INTERNAL_URL, VIEW_COUNTING, NGINX_VIEWS_LOG } = env;
const https = (SITE_URL ?? '').startsWith('https:');

const logger = createLogger(LOG_LEVEL);
routeConsoleToLogger(logger);

/** The auth secret (server/auth-secret.js), or the end of this process with one line saying why it cannot be had. */
function authSecretOrExit() {
  try {
    return resolveAuthSecret(env.AUTH_SECRET, dataDirOf(env));
  } catch (error) {
    logger.fatal({ err: loggableError(error) }, `cannot start: the data folder ${dataDirOf(env)} cannot hold the auth secret (set AUTH_SECRET, or make the folder writable)`);
    process.exit(1);
  }
}

// The two values below are written into process.env for the app in this process (lib/env.ts reads them).
// Never sent to anyone: Next renders it into pages, each response gets its own nonce instead. The same in
// every instance sharing AUTH_SECRET, so a page one rendered keeps its scripts when another serves it.
const noncePlaceholder = noncePlaceholderFor(authSecretOrExit());
process.env.HEARTH_NONCE_PLACEHOLDER = noncePlaceholder;
// Only this process knows it: the view and redirect hit counters hand their counts to the app with it.
const countsKey = newNonce();
process.env.HEARTH_COUNTS_KEY = countsKey;

const app = next({ dev: false, dir: path.resolve(__dirname, '..'), hostname, port });
const handle = app.getRequestHandler();
const compress = compression({ threshold: 1024, filter: worthCompressing });
const pageCache = createPageCache({ lifetimeMs: PAGE_CACHE_MS });
// Several instances (REDIS_URL): a change made through any of them drops this one's page copies at once,
// rather than after their second. Connecting here also has the shared cache ready before the first request.
sharedCache()?.onInvalidation(() => pageCache.clear());
const proxyTrust = createProxyTrust(TRUSTED_PROXIES);
const internalUrl = (INTERNAL_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');

/**
 * Hands a counter's batch to the app's internal route `name` (see view-counter.js, redirect-hits.js).
 * @param {'views' | 'redirect-hits'} name @param {unknown} body
 */
async function handOver(name, body) {
  const response = await fetch(`${internalUrl}/api/internal/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${countsKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`the app answered ${response.status}`);
}
/** @param {string} what @returns {(error: unknown) => void} */
const keptForNextTry = (what) => (error) => logger.warn({ err: loggableError(error) }, `${what} not stored yet (kept for the next try)`);
const viewCounter = createViewCounter({ siteUrl: SITE_URL, flush: (views) => handOver('views', { views }), onError: keptForNextTry('view counts') });
const redirectHits = createRedirectHitCounter({ flush: (hits) => handOver('redirect-hits', { hits }), onError: keptForNextTry('redirect hits') });

/**
 * An absolute-form request-target (`GET http://host/path`, what clients send to a proxy, which HTTP/1.1
 * servers must accept) becomes the path it names, with its host, before anything reads the URL.
 * @param {IncomingMessage} req
 */
function toOriginForm(req) {
  const url = req.url ?? '';
  if (!/^https?:\/\//i.test(url)) return;
  try {
    const target = new URL(url);
    req.url = target.pathname + target.search;
    req.headers.host = target.host;
  } catch {
    // Left as it is: malformedTarget() refuses it.
  }
}

/**
 * Requests Next would answer with a 500 although the client is at fault, whatever their body: answered 400 here.
 * @param {IncomingMessage} req @returns {Refusal | null}
 */
function malformedTarget(req) {
  const url = req.url ?? '';
  if (!url.startsWith('/')) return { status: 400, message: 'This server answers requests for a path such as / only.' };
  try {
    decodeURIComponent(url.split('?')[0]);
  } catch {
    return { status: 400, message: 'That address is not valid.' };
  }
  // A NUL character in a path names nothing Hearth stores, and PostgreSQL refuses it in any query (a 500 at every slug lookup).
  if (/%00/.test(url.split('?')[0])) return { status: 400, message: 'That address is not valid.' };
  return null;
}

/** Bodies read (and thrown away) after a refusal, before the connection is cut. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * Answers a client error once the client has finished sending. A connection closed with unread bytes
 * is reset by the kernel, and the client loses the answer with it; so the rest of the body is read and
 * discarded first, up to DRAIN_LIMIT (a client that sends more is cut off without one).
 * @param {IncomingMessage} req @param {ServerResponse} res @param {Refusal} refusal
 */
function refuse(req, res, { status, message }) {
  const answer = () => res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
  if (req.readableEnded) return answer();
  let drained = 0;
  req.on('data', (/** @type {Buffer} */ chunk) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) req.socket.destroy();
  });
  req.once('end', answer);
  req.resume();
}

let warnedAboutProxy = false;

/** @param {IncomingMessage} req @param {ServerResponse} res */
function serve(req, res) {
  if (!warnedAboutProxy && forwardedByUntrustedLocalProxy(req, proxyTrust)) {
    warnedAboutProxy = true;
    logger.warn(
      "a proxy on this machine forwards requests but TRUSTED_PROXIES does not list it: every visitor counts as that proxy for the sign-in and subscribe limits. Set TRUSTED_PROXIES=127.0.0.1 (or the proxy's address).",
    );
  }
  applyClientAddress(req, proxyTrust);
  toOriginForm(req);
  const startedAt = process.hrtime.bigint();
  res.once('close', () => {
    const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
    logger.info({ method: req.method, path: loggablePath(req.url), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    redirectHits.observe(req, res);
  });
  // Before the page cache: a view it answers is a view too.
  if (VIEW_COUNTING === 'on') viewCounter.observe(req);
  const cacheKey = pageCache.keyFor(req);
  if (cacheKey && pageCache.answer(cacheKey, req, res)) return;

  // Next sends a streamed answer's headers ahead of its first chunk (flushHeaders). An instance that dies in
  // between leaves the proxy with an answer begun, which it can no longer ask another instance for; sent with
  // the first chunk, a short answer (most are) leaves whole or not at all.
  res.flushHeaders = () => {};
  const nonce = newNonce();
  req.headers['content-security-policy'] = `script-src 'nonce-${noncePlaceholder}'`;
  delete req.headers['content-security-policy-report-only'];

  onHeaders(res, () => {
    // React repeats stylesheet nonces in a Link preload header: the placeholder must not leave in a header either.
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (String(value).includes(noncePlaceholder)) res.setHeader(name, String(value).split(noncePlaceholder).join(nonce));
    }
    // Next sends the first (uncached) permanentRedirect of a cached route with its Location twice, which
    // clients read as one address "a, a": keep one.
    const location = res.getHeader('location');
    if (Array.isArray(location)) res.setHeader('location', location[0]);
    for (const [name, value] of Object.entries(securityHeaders(nonce, { https, env }))) res.setHeader(name, value);
    markWrite(req, res, { https });
    res.setHeader('Cache-Control', hearthCacheControl(res.getHeader('cache-control'), req, res.statusCode));
  });

  const malformed = malformedTarget(req);
  if (malformed) return refuse(req, res, malformed);

  // Wrapped innermost first: the cache keeps what goes out, compression gzips the body after its
  // nonce is swapped in.
  if (cacheKey) pageCache.recordInto(cacheKey, req, res);
  compress(req, res, async () => {
    swapNonceInBody(res, noncePlaceholder, nonce);
    try {
      const screened = await screenActionBody(req);
      if (screened.refused) return refuse(req, res, screened.refused);
      await handle(screened.req, res);
    } catch (error) {
      logger.error({ err: loggableError(error), path: loggablePath(req.url) }, 'request failed');
      pageCache.discard(res);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  });
}

app
  .prepare()
  .then(() => {
    const server = http.createServer(serve);
    server.listen(port, hostname, () => logger.info({ url: `http://${hostname}:${port}` }, 'hearth is listening'));
    if (VIEW_COUNTING === 'on' && NGINX_VIEWS_LOG) {
      // Kept beside the database, in the data folder, like everything else this site keeps.
      const stateFile = path.join(dataDirOf(env), 'nginx-views.json');
      // Retried every second: each different problem is logged once, not every second.
      let lastProblem = '';
      /** @param {unknown} error */
      const onError = (error) => {
        const err = loggableError(error);
        if (err.message !== lastProblem) logger.error({ err }, 'views from nginx: cannot read NGINX_VIEWS_LOG (retried every second)');
        lastProblem = err.message;
      };
      followNginxViews({ logFile: NGINX_VIEWS_LOG, stateFile, counter: viewCounter, onError });
    } else if (VIEW_COUNTING === 'on' && TRUSTED_PROXIES.length > 0) {
      logger.warn('behind a proxy (TRUSTED_PROXIES) with no NGINX_VIEWS_LOG: views nginx answers from its micro-cache are not counted (see deploy/nginx/hearth.conf, "view counting")');
    }
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        server.close(() => process.exit(0));
        server.closeIdleConnections();
        setTimeout(() => process.exit(0), 5000).unref();
      });
    }
  })
  .catch((error) => {
    logger.fatal({ err: loggableError(error) }, 'could not start');
    process.exit(1);
  });
