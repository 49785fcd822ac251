/**
 * Hearth's production server: Next's request handler inside a plain node:http server that adds
 * what Next cannot do for cached pages — a fresh CSP nonce per response, security headers,
 * Hearth's Cache-Control, gzip after the nonce is in place, and structured request logs.
 *
 * Settings: PORT (3000), HOST (127.0.0.1; set 0.0.0.0 to listen on every interface), SITE_URL,
 * LOG_LEVEL, PAGE_CACHE_MS (1000: how long anonymous readers share a finished page; 0 turns it off). It refuses to start on an insecure production configuration (see config-check.js).
 */
const http = require('node:http');
const path = require('node:path');
const compression = require('compression');
const onHeaders = require('on-headers');
const next = require('next');
const { hearthCacheControl } = require('./cache-control');
const { insecureSettings } = require('./config-check');
const { logger, loggablePath, routeConsoleToLogger, scrub } = require('./log');
const { newNonce, swapNonceInBody } = require('./nonce');
const { createPageCache } = require('./page-cache');
const { securityHeaders } = require('./security-headers');

process.env.NODE_ENV = 'production';
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '127.0.0.1';
const https = (process.env.SITE_URL ?? '').startsWith('https:');

const problems = insecureSettings({ ...process.env, HOST: hostname });
if (problems.length > 0) {
  for (const problem of problems) console.error(`[hearth] refusing to start: ${problem}`);
  console.error('[hearth] (ALLOW_INSECURE=true starts it anyway, for a deliberate test setup only.)');
  process.exit(1);
}

routeConsoleToLogger();
// Never sent to anyone: Next renders it into pages, each response gets its own nonce instead.
const noncePlaceholder = newNonce();
process.env.HEARTH_NONCE_PLACEHOLDER = noncePlaceholder;
const app = next({ dev: false, dir: path.resolve(__dirname, '..'), hostname, port });
const handle = app.getRequestHandler();
const compress = compression({ threshold: 1024 });
const pageCache = createPageCache({ lifetimeMs: Number(process.env.PAGE_CACHE_MS ?? 1000) });

/** Requests Next would answer with a 500 although the client is at fault: answered 400/413 here. */
const SERVER_ACTION_BODY_LIMIT = 1024 * 1024; // Next's own default limit for server-action bodies

function malformedRequest(req) {
  try {
    decodeURIComponent((req.url ?? '/').split('?')[0]);
  } catch {
    return { status: 400, message: 'That address is not valid.' };
  }
  if (req.headers['next-action'] && Number(req.headers['content-length'] ?? 0) > SERVER_ACTION_BODY_LIMIT) {
    return { status: 413, message: 'That form is too large to send.' };
  }
  return null;
}

function serve(req, res) {
  const startedAt = process.hrtime.bigint();
  res.once('close', () => {
    const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
    logger.info({ method: req.method, path: loggablePath(req.url), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
  });
  const cacheKey = pageCache.keyFor(req);
  if (cacheKey && pageCache.answer(cacheKey, req, res)) return;

  const nonce = newNonce();
  req.headers['content-security-policy'] = `script-src 'nonce-${noncePlaceholder}'`;
  delete req.headers['content-security-policy-report-only'];

  onHeaders(res, () => {
    // A server-action request whose body Next's decoder cannot read (only a hand-made request does
    // that: our actions catch their own failures and answer with a message) is the client's error.
    // Logged as an error all the same, so a real failure inside an action would still be seen.
    if (req.headers['next-action'] && res.statusCode >= 500) {
      logger.error({ path: loggablePath(req.url), status: res.statusCode }, 'server action request failed in Next; answered 400');
      res.statusCode = 400;
    }
    // React repeats stylesheet nonces in a Link preload header: the placeholder must not leave in a header either.
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (String(value).includes(noncePlaceholder)) res.setHeader(name, String(value).split(noncePlaceholder).join(nonce));
    }
    for (const [name, value] of Object.entries(securityHeaders(nonce, { https, env: process.env }))) res.setHeader(name, value);
    res.setHeader('Cache-Control', hearthCacheControl(res.getHeader('cache-control')));
  });

  const malformed = malformedRequest(req);
  if (malformed) {
    res.writeHead(malformed.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(malformed.message);
    return;
  }

  // Wrapped innermost first: the cache keeps what goes out, compression gzips the body after its
  // nonce is swapped in.
  if (cacheKey) pageCache.recordInto(cacheKey, req, res);
  compress(req, res, () => {
    swapNonceInBody(res, noncePlaceholder, nonce);
    handle(req, res).catch((error) => {
      logger.error({ err: { type: error?.name, message: scrub(error?.message ?? error) }, path: loggablePath(req.url) }, 'request failed');
      pageCache.discard(res);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}

app
  .prepare()
  .then(() => {
    const server = http.createServer(serve);
    server.listen(port, hostname, () => logger.info({ url: `http://${hostname}:${port}` }, 'hearth is listening'));
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        server.close(() => process.exit(0));
        server.closeIdleConnections();
        setTimeout(() => process.exit(0), 5000).unref();
      });
    }
  })
  .catch((error) => {
    logger.fatal({ err: { type: error?.name, message: scrub(error?.message ?? error) } }, 'could not start');
    process.exit(1);
  });
