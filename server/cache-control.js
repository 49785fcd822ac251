// @ts-check
/**
 * Cache-Control as Hearth means it. Next marks its cached pages `s-maxage=<a year>`, which would let
 * a shared cache keep a page long after a new comment. Those pages become cacheable by a shared
 * cache for one second (nginx's micro-cache) and revalidated by browsers; answers that did not say
 * anything default to per-visitor.
 */
const PUBLIC_PAGE = 'public, max-age=0, s-maxage=1';
const PER_VISITOR = 'private, no-store';
/**
 * Pages Next renders per request only because they read the address's query, never who is asking: the
 * same address is the same HTML for everyone, so they are shared like the cached pages. Search results.
 */
const SAME_FOR_EVERYONE = /^\/search(\?|$)/;

/** @param {unknown} current the Cache-Control Next set @param {{ method?: string; url?: string }} [req] @param {number} [status] */
function hearthCacheControl(current, req = {}, status = 200) {
  if (status === 200 && (req.method === 'GET' || req.method === 'HEAD') && SAME_FOR_EVERYONE.test(req.url ?? '')) return PUBLIC_PAGE;
  if (!current) return PER_VISITOR;
  const value = String(current);
  if (/\b(private|no-store|no-cache)\b/.test(value) || /\bimmutable\b/.test(value)) return value;
  if (/\bs-maxage=/.test(value)) return PUBLIC_PAGE;
  return value;
}

/**
 * Whether a response (its final Cache-Control) is one the page caches keep: reader pages and feeds.
 * Immutable files (images, build files) are left to browsers and nginx's own long-lived cache.
 */
/** @param {unknown} cacheControl */
function isShareable(cacheControl) {
  const value = String(cacheControl ?? '');
  return /\bpublic\b/.test(value) && !/\b(private|no-store|no-cache|immutable)\b/.test(value);
}

module.exports = { hearthCacheControl, isShareable, PUBLIC_PAGE };
