// @ts-check
/**
 * Reader pages are one HTML for everyone, signed in or not (per-visitor parts come from small client
 * fetches), so members share the page caches (page-cache.js, nginx's micro-cache) like anonymous readers.
 * What a cache must not do is hide someone's own change from them: a browser that has just changed
 * something (any successful POST: a comment, an edit, a setting) gets this cookie for a few seconds and
 * goes past both caches meanwhile, so its next page shows the change at once; everyone else sees it
 * within the caches' one-second lifetime. The cookie says nothing about who it is.
 */
const JUST_WROTE_COOKIE = 'hearth-just-wrote';
const JUST_WROTE = /(^|;)\s*hearth-just-wrote=/;
/** Longer than both caches keep a page (1 s), with room for a slow reload. */
const LIFETIME_SECONDS = 5;

/** Whether the request comes from a browser that has just changed something. @param {import('node:http').IncomingMessage} req */
function justWrote(req) {
  return JUST_WROTE.test(req.headers.cookie ?? '');
}

/**
 * In the response's header hook: marks the browser after a write that went through.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {{ https: boolean }} options
 */
function markWrite(req, res, { https }) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || res.statusCode >= 400) return;
  const cookie = `${JUST_WROTE_COOKIE}=1; Max-Age=${LIFETIME_SECONDS}; Path=/; HttpOnly; SameSite=Lax${https ? '; Secure' : ''}`;
  const current = res.getHeader('set-cookie');
  res.setHeader('set-cookie', current === undefined ? [cookie] : [...(Array.isArray(current) ? current : [String(current)]), cookie]);
}

module.exports = { justWrote, markWrite, JUST_WROTE_COOKIE };
